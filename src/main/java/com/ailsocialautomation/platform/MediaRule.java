package com.ailsocialautomation.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * What media a platform takes in one post.
 *
 * @param maxItems  images and videos together
 * @param maxVideos videos among them
 * @param mixed     whether images and a video may go in one post (carousels)
 * @param need      what the post must carry
 */
public record MediaRule(int maxItems, int maxVideos, boolean mixed, Need need) {
    public enum Need { NOTHING, IMAGE_OR_VIDEO, VIDEO }

    public List<String> problems(List<MediaKind> media, String who) {
        List<String> problems = new ArrayList<>();
        long videos = media.stream().filter(k -> k == MediaKind.VIDEO).count();
        long images = media.size() - videos;
        if (media.size() > maxItems) {
            problems.add("too many media for " + who + ": " + media.size() + "/" + maxItems
                    + " — remove " + (media.size() - maxItems));
        } else if (videos > maxVideos) {
            problems.add(who + " takes at most " + maxVideos + (maxVideos == 1 ? " video" : " videos"));
        }
        if (!mixed && videos > 0 && images > 0) {
            problems.add(who + " takes images or a video, not both in one post");
        }
        if (need == Need.VIDEO && videos == 0) {
            problems.add(who + " needs a video (.mp4, .mov or .webm) — add media:<url>");
        } else if (need == Need.IMAGE_OR_VIDEO && media.isEmpty()) {
            problems.add(who + " needs an image or a video — add media:<url>");
        }
        return problems;
    }
}
