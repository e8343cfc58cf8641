package com.ailsocialautomation.platform;

import com.ailsocialautomation.net.MediaType;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/**
 * What media a platform takes in one post: how many and which mix, and per kind the formats, sizes, frame and
 * length ({@link MediaLimits}). Checked twice: the count before anything is fetched ({@link #countProblems}), and
 * everything against the facts read from the bytes once AIL has its copy ({@link #problems}).
 *
 * @param maxItems  images and videos together
 * @param maxVideos videos among them
 * @param mixed     whether images and a video may go in one post (carousels)
 * @param need      what the post must carry
 * @param image     what it takes for still images (and GIFs, unless {@code gif} says otherwise)
 * @param gif       what it takes for GIFs; null when they count as images
 * @param video     what it takes for videos
 * @param gifAlone  a GIF goes alone, like a video (X: "4 photos, or 1 GIF, or 1 video")
 */
public record MediaRule(int maxItems, int maxVideos, boolean mixed, Need need, MediaLimits image, MediaLimits gif,
                        MediaLimits video, boolean gifAlone) {
    public enum Need { NOTHING, IMAGE_OR_VIDEO, VIDEO }

    public MediaRule(int maxItems, int maxVideos, boolean mixed, Need need) {
        this(maxItems, maxVideos, mixed, need, MediaLimits.NONE, null, MediaLimits.NONE, false);
    }

    public MediaRule images(MediaLimits limits) {
        return new MediaRule(maxItems, maxVideos, mixed, need, limits, gif, video, gifAlone);
    }

    /** GIFs with their own limits; {@code alone}: one GIF per post and nothing beside it. */
    public MediaRule gifs(MediaLimits limits, boolean alone) {
        return new MediaRule(maxItems, maxVideos, mixed, need, image, limits, video, alone);
    }

    public MediaRule videos(MediaLimits limits) {
        return new MediaRule(maxItems, maxVideos, mixed, need, image, gif, limits, gifAlone);
    }

    /** The limits an item of this format is judged by. */
    public MediaLimits limits(MediaType type) {
        if (type.isVideo()) {
            return video;
        }
        return type == MediaType.GIF && gif != null ? gif : image;
    }

    /** The largest file of any kind this platform takes: a download for it can stop there. */
    public long maxBytes() {
        return LongStream.of(image.maxBytes(), gif == null ? 0 : gif.maxBytes(), video.maxBytes()).max().orElse(0);
    }

    /** What the number of items alone breaks, before any is fetched. */
    public List<String> countProblems(int count, String who) {
        List<String> problems = new ArrayList<>();
        if (count > maxItems) {
            problems.add("too many media for " + who + ": " + count + "/" + maxItems + " — remove " + (count - maxItems));
        }
        if (need == Need.VIDEO && count == 0) {
            problems.add(who + " needs a video — attach one or add media:<url>");
        } else if (need == Need.IMAGE_OR_VIDEO && count == 0) {
            problems.add(who + " needs an image or a video — attach one or add media:<url>");
        }
        return problems;
    }

    /**
     * Every way these items, in the post's order, break this rule: the count and mix as separate clauses, then what
     * is wrong with the items themselves as one clause naming {@code who} ("Bluesky (@ana): the video is 3 min 10 s,
     * at most 3 min").
     */
    public List<String> problems(List<MediaFacts> media, String who) {
        List<String> problems = new ArrayList<>();
        long videos = media.stream().filter(MediaFacts::isVideo).count();
        long gifs = media.stream().filter(m -> m.type() == MediaType.GIF).count();
        long images = media.size() - videos;
        if (media.size() > maxItems) {
            problems.add("too many media for " + who + ": " + media.size() + "/" + maxItems
                    + " — remove " + (media.size() - maxItems));
        } else if (videos > maxVideos) {
            problems.add(who + " takes at most " + maxVideos + (maxVideos == 1 ? " video" : " videos"));
        }
        if (!mixed && videos > 0 && images > 0) {
            problems.add(who + " takes images or a video, not both in one post");
        } else if (gifAlone && gifs > 0 && media.size() > 1) {
            problems.add(who + " takes a GIF only on its own: one GIF and nothing else in the post");
        }
        if (need == Need.VIDEO && videos == 0) {
            problems.add(who + " needs a video — attach one or add media:<url>");
        } else if (need == Need.IMAGE_OR_VIDEO && media.isEmpty()) {
            problems.add(who + " needs an image or a video — attach one or add media:<url>");
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < media.size(); i++) {
            MediaFacts item = media.get(i);
            List<String> wrong = limits(item.type()).problems(item);
            if (!wrong.isEmpty()) {
                items.add(subject(item, i, media.size()) + " is " + String.join(", and ", wrong));
            }
        }
        if (!items.isEmpty()) {
            problems.add(who + ": " + String.join(", and ", items));
        }
        return problems;
    }

    /** "the video" when it is the only item, else "image 2": its place among all the post's media. */
    private static String subject(MediaFacts item, int index, int count) {
        String kind = item.type() == MediaType.GIF ? "GIF" : item.isVideo() ? "video" : "image";
        return count == 1 ? "the " + kind : kind + " " + (index + 1);
    }
}
