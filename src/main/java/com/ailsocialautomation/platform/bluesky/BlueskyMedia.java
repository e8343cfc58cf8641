package com.ailsocialautomation.platform.bluesky;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PlatformError.Kind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What an uploaded item carries to the post in {@link MediaRef#payload()}: the embed entry itself ({@code image} or
 * {@code video} blob, {@code alt}, {@code aspectRatio} from the item's own width and height) or, while the video
 * service still works on a video, the same without the blob.
 */
final class BlueskyMedia {
    private BlueskyMedia() {}

    /** alt and aspectRatio of an item, the start of its embed entry. */
    static ObjectNode entry(Media media) {
        ObjectNode entry = Json.MAPPER.createObjectNode().put("alt", media.altText() == null ? "" : media.altText());
        if (media.facts().width() > 0 && media.facts().height() > 0) {
            entry.putObject("aspectRatio").put("width", media.facts().width()).put("height", media.facts().height());
        }
        return entry;
    }

    static String text(JsonNode entry) {
        try {
            return Json.MAPPER.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree is always serialisable", e);
        }
    }

    static ObjectNode read(MediaRef ref) {
        try {
            JsonNode entry = ref.payload() == null ? null : Json.MAPPER.readTree(ref.payload());
            if (entry instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // fall through
        }
        throw new PlatformError(Kind.PERMANENT, 0, "an uploaded item lost its Bluesky blob; upload it again", null);
    }
}
