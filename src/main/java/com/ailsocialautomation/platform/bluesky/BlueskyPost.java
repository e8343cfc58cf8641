package com.ailsocialautomation.platform.bluesky;

import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PlatformError.Kind;
import com.ailsocialautomation.platform.Published;
import com.ailsocialautomation.platform.ReplyTo;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An {@code app.bsky.feed.post} record: text, creation time, facets, an images or video embed, and for a reply the
 * thread's root and the parent it answers, each a strong reference {uri, cid}.
 */
final class BlueskyPost {
    static final int MAX_IMAGES = 4;
    // the lexicon's datetime: ISO 8601 in UTC with milliseconds, as Bluesky's own app writes it
    private static final DateTimeFormatter CREATED_AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private BlueskyPost() {}

    static Map<String, Object> record(String text, List<Facet> facets, List<MediaRef> media, ReplyTo replyTo, Instant now) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("$type", "app.bsky.feed.post");
        record.put("text", text == null ? "" : text);
        record.put("createdAt", CREATED_AT.format(now));
        if (!facets.isEmpty()) {
            record.put("facets", facets.stream().map(Facet::json).toList());
        }
        if (!media.isEmpty()) {
            record.put("embed", embed(media));
        }
        if (replyTo != null) {
            record.put("reply", Map.of("root", strongRef(replyTo.root()), "parent", strongRef(replyTo.parent())));
        }
        return record;
    }

    private static Map<String, String> strongRef(Published post) {
        if (post.cid() == null) {
            throw new PlatformError(Kind.PERMANENT, 0, "the post this part answers has no Bluesky cid recorded; AIL cannot reply to it", null);
        }
        return Map.of("uri", post.externalId(), "cid", post.cid());
    }

    /** Up to four images, or one video: each ref's payload is its embed entry (see {@link BlueskyMedia}). */
    private static Map<String, Object> embed(List<MediaRef> media) {
        List<ObjectNode> entries = media.stream().map(BlueskyMedia::read).toList();
        boolean video = entries.stream().anyMatch(e -> e.path("video").isObject());
        if (video) {
            if (entries.size() > 1) {
                throw new PlatformError(Kind.PERMANENT, 0, "Bluesky takes one video per post, without images", null);
            }
            Map<String, Object> embed = new LinkedHashMap<>();
            embed.put("$type", "app.bsky.embed.video");
            entries.get(0).fields().forEachRemaining(f -> embed.put(f.getKey(), f.getValue()));
            return embed;
        }
        if (entries.size() > MAX_IMAGES) {
            throw new PlatformError(Kind.PERMANENT, 0, "Bluesky takes at most " + MAX_IMAGES + " images per post", null);
        }
        if (entries.stream().anyMatch(e -> !e.path("image").isObject())) {
            throw new PlatformError(Kind.PERMANENT, 0, "an uploaded image lost its Bluesky blob; upload it again", null);
        }
        return Map.of("$type", "app.bsky.embed.images", "images", entries);
    }
}
