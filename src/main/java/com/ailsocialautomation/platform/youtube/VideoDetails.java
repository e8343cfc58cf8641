package com.ailsocialautomation.platform.youtube;

import com.ailsocialautomation.message.PostOptions;
import com.ailsocialautomation.message.Privacy;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaFacts;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PublishRequest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The video resource sent when the upload opens: snippet (title, description, tags) and status (privacy). YouTube
 * refuses a title over 100 characters or with {@code <} or {@code >}; the description's limits are checked when
 * the post is accepted.
 */
record VideoDetails(String title, String description, List<String> tags, Privacy privacy) {
    /** YouTube's privacyStatus for the privacy values its registry entry takes. */
    private static final Map<Privacy, String> STATUS = Map.of(Privacy.PUBLIC, "public", Privacy.UNLISTED, "unlisted",
            Privacy.PRIVATE, "private");
    static final int TITLE_LIMIT = 100;

    /**
     * The details of {@code post}: its title: option, else the text's first line, else the file's name; the text as
     * the description; its tags; its privacy, else the registry's default for YouTube (private). {@code media} may be
     * null where only the post's part counts.
     */
    static VideoDetails of(PublishRequest post, Media media) {
        String text = post == null || post.text() == null ? "" : post.text();
        PostOptions options = post == null ? PostOptions.NONE : post.options();
        String title = options.title() != null ? options.title().strip() : firstLine(text);
        if (title.isBlank() && media != null) {
            String name = media.fileName();
            title = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        }
        Privacy privacy = options.privacy() != null ? options.privacy()
                : Platform.YOUTUBE.rule().options().privacyByDefault();
        return new VideoDetails(cut(title.replace("<", "").replace(">", "").strip()), text, options.tags(), privacy);
    }

    /**
     * The JSON body that opens the upload session. categoryId 22 is "People & Blogs", YouTube's own default. Whether
     * the video is made for children is left to the channel's own audience setting: AIL does not declare it for people.
     */
    Map<String, Object> resource() {
        Map<String, Object> snippet = new LinkedHashMap<>();
        snippet.put("title", title);
        snippet.put("description", description);
        if (!tags.isEmpty()) {
            snippet.put("tags", tags);
        }
        snippet.put("categoryId", "22");
        String status = STATUS.get(privacy);
        if (status == null) {
            throw new PlatformError(PlatformError.Kind.PERMANENT, 0, "YouTube has no privacy setting '" + privacy.word()
                    + "'; use privacy:public, privacy:unlisted or privacy:private", null);
        }
        return Map.of("snippet", snippet, "status", Map.of("privacyStatus", status));
    }

    /**
     * Whether YouTube will show the video as a Short: square or vertical and at most three minutes long. YouTube
     * decides this from the video itself; no flag or #Shorts tag is needed.
     */
    static boolean isShort(MediaFacts facts) {
        return facts != null && facts.width() > 0 && facts.height() >= facts.width() && facts.duration() != null
                && facts.duration().compareTo(Duration.ofMinutes(3)) <= 0;
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }

    private static String cut(String title) {
        if (title.codePointCount(0, title.length()) <= TITLE_LIMIT) {
            return title;
        }
        return title.substring(0, title.offsetByCodePoints(0, TITLE_LIMIT - 1)).strip() + "…";
    }
}
