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

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * X's v2 chunked media upload: initialize, append each chunk, finalize, then status polls while
 * {@code processing_info} says pending or in_progress. Used for images as well as video so there is one path.
 */
final class XMediaUpload {
    /** [PZ] appends in 1 MiB chunks; X allows segment indexes 0-999, far more than a 512 MB video needs. */
    static final int CHUNK_BYTES = 1024 * 1024;

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
        init.put("total_bytes", media.bytes().length);
        init.put("media_category", category(media.mimeType()));
        JsonNode started = answers.read(api.send(ApiRequest.post(apiUrl + "/2/media/upload/initialize")
                .json(init).bearer(token)), XCall.UPLOADING).path("data");
        String id = XAnswers.required(started, "id", XCall.UPLOADING);
        byte[] bytes = media.bytes();
        for (int offset = 0, segment = 0; offset < bytes.length; offset += chunkBytes, segment++) {
            Multipart part = new Multipart().field("segment_index", Integer.toString(segment))
                    .file("media", bytes, offset, Math.min(chunkBytes, bytes.length - offset));
            answers.accept(api.send(ApiRequest.post(apiUrl + "/2/media/upload/" + id + "/append")
                    .body(part.contentType(), part.bytes()).bearer(token)), XCall.UPLOADING);
        }
        JsonNode finished = answers.read(api.send(ApiRequest.post(apiUrl + "/2/media/upload/" + id + "/finalize")
                .bearer(token)), XCall.UPLOADING).path("data");
        return ref(id, finished.path("processing_info"));
    }

    MediaRef status(Secret token, MediaRef media) {
        JsonNode data = answers.read(api.send(ApiRequest.get(apiUrl + "/2/media/upload?"
                + Query.of("command", "STATUS", "media_id", media.id())).bearer(token)), XCall.UPLOADING).path("data");
        return ref(media.id(), data.path("processing_info"));
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
            default -> new MediaRef(id, false, null); // pending, in_progress; the engine polls again
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
