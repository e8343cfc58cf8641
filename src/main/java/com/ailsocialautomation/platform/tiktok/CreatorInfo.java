package com.ailsocialautomation.platform.tiktok;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What TikTok's creator_info says the account may do now: the privacy levels it may post with, whether the creator
 * turned comments, duets or stitches off in TikTok's app, and the longest video it may post. TikTok requires apps to
 * offer only these and to ask again before each post, since they change with the account's settings.
 */
record CreatorInfo(String username, String nickname, String avatarUrl, List<TikTokPrivacy> privacyLevels,
                   boolean commentDisabled, boolean duetDisabled, boolean stitchDisabled, Duration maxVideoLength) {

    static CreatorInfo from(JsonNode data) {
        List<TikTokPrivacy> levels = new ArrayList<>();
        data.path("privacy_level_options").forEach(level -> TikTokPrivacy.ofLevel(level.asText()).ifPresent(levels::add));
        JsonNode max = data.path("max_video_post_duration_sec");
        return new CreatorInfo(data.path("creator_username").asText(null), data.path("creator_nickname").asText(null),
                data.path("creator_avatar_url").asText(null), List.copyOf(levels), data.path("comment_disabled").asBoolean(false),
                data.path("duet_disabled").asBoolean(false), data.path("stitch_disabled").asBoolean(false),
                max.canConvertToLong() && max.asLong() > 0 ? Duration.ofSeconds(max.asLong()) : null);
    }

    /** "public, followers or private": the words people type for the levels this creator may use. */
    String allowedWords() {
        List<String> words = privacyLevels.stream().map(p -> p.word).toList();
        if (words.size() <= 1) {
            return words.isEmpty() ? "none" : words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    /**
     * Why this post cannot go to this creator as it is, in words that say what to change; null when it can. A video
     * length of null is not checked here (AIL's own rules refuse a video whose length it cannot read).
     */
    String refusal(TikTokPost post, Duration videoLength) {
        String who = username == null ? "this TikTok account" : "@" + username;
        if (privacyLevels.isEmpty()) {
            return "TikTok offers " + who + " no privacy level to post with at the moment; check the account in TikTok's app";
        }
        if (post.privacy() == null) {
            return "TikTok needs you to choose who can see each post and has no default: add privacy: with "
                    + allowedWords() + " (what " + who + " may use now)";
        }
        if (!privacyLevels.contains(post.privacy())) {
            return "TikTok does not let " + who + " post with privacy:" + post.privacy().word + " now; choose "
                    + allowedWords();
        }
        if (post.brandedContent() && post.privacy() == TikTokPrivacy.PRIVATE) {
            return "TikTok does not allow branded content to be private: choose "
                    + privacyLevels.stream().filter(p -> p != TikTokPrivacy.PRIVATE).map(p -> p.word).collect(Collectors.joining(", "))
                    + " for a paid partnership";
        }
        if (videoLength != null && maxVideoLength != null && videoLength.compareTo(maxVideoLength) > 0) {
            return "the video is " + videoLength.toSeconds() + " s long and TikTok lets " + who + " post videos of at most "
                    + maxVideoLength.toSeconds() + " s";
        }
        return null;
    }

    /** The creator's own switches win: what they turned off in TikTok's app stays off whatever the post asks. */
    boolean disableComment(TikTokPost post) {
        return commentDisabled || post.commentsOff();
    }

    boolean disableDuet(TikTokPost post) {
        return duetDisabled || post.duetOff();
    }

    boolean disableStitch(TikTokPost post) {
        return stitchDisabled || post.stitchOff();
    }
}
