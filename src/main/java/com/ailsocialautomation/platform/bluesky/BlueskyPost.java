package com.ailsocialautomation.platform.bluesky;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PlatformError.Kind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An {@code app.bsky.feed.post} record: text, creation time, facets and an images embed. */
final class BlueskyPost {
    static final int MAX_IMAGES = 4;
    // the lexicon's datetime: ISO 8601 in UTC with milliseconds, as Bluesky's own app writes it
    private static final DateTimeFormatter CREATED_AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private BlueskyPost() {}

    static Map<String, Object> record(String text, List<Facet> facets, List<MediaRef> images, Instant now) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("$type", "app.bsky.feed.post");
        record.put("text", text == null ? "" : text);
        record.put("createdAt", CREATED_AT.format(now));
        if (!facets.isEmpty()) {
            record.put("facets", facets.stream().map(Facet::json).toList());
        }
        if (!images.isEmpty()) {
            if (images.size() > MAX_IMAGES) {
                throw new PlatformError(Kind.PERMANENT, 0, "Bluesky takes at most " + MAX_IMAGES + " images per post", null);
            }
            record.put("embed", Map.of("$type", "app.bsky.embed.images",
                    "images", images.stream().map(BlueskyPost::image).toList()));
        }
        return record;
    }

    /** What an uploaded image carries to the post: the blob Bluesky returned and the alt text. */
    static String payload(JsonNode blob, String altText) {
        try {
            return Json.MAPPER.writeValueAsString(Map.of("alt", altText == null ? "" : altText, "image", blob));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed blob is always serialisable", e);
        }
    }

    private static JsonNode image(MediaRef ref) {
        try {
            JsonNode image = ref.payload() == null ? null : Json.MAPPER.readTree(ref.payload());
            if (image == null || !image.path("image").isObject()) {
                throw new IllegalArgumentException("no blob");
            }
            return image;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PlatformError(Kind.PERMANENT, 0, "an uploaded image lost its Bluesky blob; upload it again", null);
        }
    }
}
