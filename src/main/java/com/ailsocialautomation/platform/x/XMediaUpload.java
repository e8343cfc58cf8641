package com.ailsocialautomation.platform.x;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.platform.ApiClient;
import com.ailsocialautomation.platform.ApiRequest;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.Multipart;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PlatformError.Kind;
import com.ailsocialautomation.platform.Query;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * X's v2 chunked media upload: initialize, append each chunk as it is read from AIL's copy (one chunk in memory at
 * a time), finalize, alt text through the media metadata endpoint, then status polls while {@code processing_info}
 * says pending or in_progress, each after X's {@code check_after_secs}. Used for images as well as video so there
 * is one path.
 */
final class XMediaUpload {
    /** [PZ] appends in 1 MiB chunks; X allows segment indexes 0-999, far more than a 512 MB video needs. */
    static final int CHUNK_BYTES = 1024 * 1024;
    /** X's limit for alt text (media metadata's alt_text.text). */
    static final int ALT_TEXT_LIMIT = 1000;

    private final ApiClient api;
    private final String apiUrl;
    private final XAnswers answers;
    private final int chunkBytes;

    XMediaUpload(ApiClient api, String apiUrl, XAnswers answers, int chunkBytes) {
        this.api = api;
        this.apiUrl = apiUrl;
        this.answers = answers;
        this.chunkBytes = chunkBytes;
    }

    MediaRef upload(Secret token, Media media) {
        Map<String, Object> init = new LinkedHashMap<>();
        init.put("media_type", media.mimeType());
        init.put("total_bytes", media.size());
        init.put("media_category", category(media.mimeType()));
        JsonNode started = answers.read(api.send(ApiRequest.post(apiUrl + "/2/media/upload/initialize")
                .json(init).bearer(token)), XCall.UPLOADING).path("data");
        String id = XAnswers.required(started, "id", XCall.UPLOADING);
        append(token, id, media);
        JsonNode finished = answers.read(api.send(ApiRequest.post(apiUrl + "/2/media/upload/" + id + "/finalize")
                .bearer(token)), XCall.UPLOADING).path("data");
        describe(token, id, media);
        return ref(id, finished.path("processing_info"));
    }

    MediaRef status(Secret token, MediaRef media) {
        JsonNode data = answers.read(api.send(ApiRequest.get(apiUrl + "/2/media/upload?"
                + Query.of("command", "STATUS", "media_id", media.id())).bearer(token)), XCall.UPLOADING).path("data");
        return ref(media.id(), data.path("processing_info"));
    }

    /** The bytes in order, one chunk read and sent at a time; a copy shorter or longer than its size is refused. */
    private void append(Secret token, String id, Media media) {
        long sent = 0;
        try (InputStream in = media.open()) {
            for (int segment = 0; ; segment++) {
                byte[] chunk = in.readNBytes(chunkBytes);
                if (chunk.length == 0) {
                    break;
                }
                sent += chunk.length;
                Multipart part = new Multipart().field("segment_index", Integer.toString(segment))
                        .file("media", chunk, 0, chunk.length);
                answers.accept(api.send(ApiRequest.post(apiUrl + "/2/media/upload/" + id + "/append")
                        .body(part.contentType(), part.bytes()).bearer(token)), XCall.UPLOADING);
            }
        } catch (IOException e) {
            throw new PlatformError(Kind.TRANSIENT, 0, "AIL could not read its copy of " + media.fileName()
                    + " (" + e.getClass().getSimpleName() + ")", null);
        }
        if (sent != media.size()) {
            throw new PlatformError(Kind.PERMANENT, 0, "AIL's copy of " + media.fileName() + " has " + sent
                    + " bytes instead of " + media.size() + "; attach it again", null);
        }
    }

    /**
     * Alt text goes to X's media metadata after the upload; X documents it for images and GIFs, so a video's alt
     * text is not sent (X would refuse the call and with it the post).
     */
    private void describe(Secret token, String id, Media media) {
        String alt = media.altText();
        if (alt == null || alt.isBlank() || !media.mimeType().startsWith("image/")) {
            return;
        }
        String text = alt.codePointCount(0, alt.length()) <= ALT_TEXT_LIMIT ? alt
                : alt.substring(0, alt.offsetByCodePoints(0, ALT_TEXT_LIMIT));
        answers.accept(api.send(ApiRequest.post(apiUrl + "/2/media/metadata")
                .json(Map.of("id", id, "metadata", Map.of("alt_text", Map.of("text", text)))).bearer(token)), XCall.UPLOADING);
    }

    /** No processing_info means X needs no processing (most images); failed carries X's reason. */
    private static MediaRef ref(String id, JsonNode processing) {
        if (processing.isMissingNode() || processing.isNull()) {
            return new MediaRef(id, true, null);
        }
        String state = processing.path("state").asText("");
        return switch (state) {
            case "succeeded" -> new MediaRef(id, true, null);
            case "failed" -> {
                String reason = processing.path("error").path("message").asText("");
                throw new PlatformError(Kind.PERMANENT, 0, reason.isBlank()
                        ? "X could not process the media" : "X could not process the media: " + reason, null);
            }
            default -> { // pending, in_progress: the engine looks again when X says
                JsonNode after = processing.path("check_after_secs");
                yield new MediaRef(id, false, null, after.canConvertToLong() && after.asLong() >= 0
                        ? Duration.ofSeconds(after.asLong()) : null);
            }
        };
    }

    private static String category(String mimeType) {
        if (mimeType.equals("image/gif")) {
            return "tweet_gif";
        }
        if (mimeType.startsWith("image/")) {
            return "tweet_image";
        }
        if (mimeType.startsWith("video/")) {
            return "tweet_video";
        }
        throw new PlatformError(Kind.PERMANENT, 0, "X does not take " + mimeType + " files; attach an image or a video", null);
    }
}
