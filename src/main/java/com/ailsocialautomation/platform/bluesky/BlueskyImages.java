package com.ailsocialautomation.platform.bluesky;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.platform.ApiClient;
import com.ailsocialautomation.platform.ApiRequest;
import com.ailsocialautomation.platform.ApiResponse;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PlatformError.Kind;
import com.ailsocialautomation.platform.StreamedBody;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/**
 * Images go up as raw bytes with their own Content-Type to {@code uploadBlob}; the blob that comes back, with the
 * alt text and aspect ratio, is the post's images embed entry, so it travels in {@link MediaRef#payload()}. No
 * processing: ready at once.
 */
final class BlueskyImages {
    /** The app.bsky.embed.images lexicon's maxSize; Bluesky's app downscales, AIL asks for a smaller file. */
    static final long MAX_BYTES = 1_000_000;

    private final ApiClient api;
    private final BlueskyAnswers answers;

    BlueskyImages(ApiClient api, BlueskyAnswers answers) {
        this.api = api;
        this.answers = answers;
    }

    MediaRef upload(String pds, Secret accessToken, Media media) {
        if (!media.mimeType().startsWith("image/")) {
            throw new PlatformError(Kind.PERMANENT, 0, "Bluesky does not take " + media.mimeType()
                    + " files; attach up to 4 images or one MP4 video", null);
        }
        if (media.size() > MAX_BYTES) {
            throw new PlatformError(Kind.PERMANENT, 0, String.format(Locale.ROOT,
                    "Bluesky takes images of at most 1,000,000 bytes and %s has %,d; use a smaller image",
                    media.fileName(), media.size()), null);
        }
        ApiResponse response = api.send(ApiRequest.post(pds + "/xrpc/com.atproto.repo.uploadBlob")
                .body(media.mimeType(), StreamedBody.of(media)).bearer(accessToken));
        JsonNode blob = answers.read(response, "uploading an image").path("blob");
        String link = blob.path("ref").path("$link").asText("");
        if (link.isBlank()) {
            throw new PlatformError(Kind.PERMANENT, response.status(), "Bluesky's answer to an image upload had no blob", null);
        }
        return new MediaRef(link, true, BlueskyMedia.text(BlueskyMedia.entry(media).set("image", blob)));
    }
}
