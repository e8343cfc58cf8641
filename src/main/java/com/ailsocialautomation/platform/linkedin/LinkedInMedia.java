package com.ailsocialautomation.platform.linkedin;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.platform.ApiClient;
import com.ailsocialautomation.platform.ApiRequest;
import com.ailsocialautomation.platform.ApiResponse;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PlatformError.Kind;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Images and videos through {@code initializeUpload}: LinkedIn names where to PUT the bytes (one URL for an image,
 * byte ranges for a video, whose parts' ETags finalize it), then reports PROCESSING until the asset is AVAILABLE.
 */
final class LinkedInMedia {
    private static final String DOING = "uploading media";

    private final ApiClient api;
    private final LinkedInRest rest;
    private final LinkedInAnswers answers;
    private final String apiHost;

    LinkedInMedia(ApiClient api, LinkedInRest rest, LinkedInAnswers answers, String apiUrl) {
        this.api = api;
        this.rest = rest;
        this.answers = answers;
        this.apiHost = URI.create(apiUrl).getHost();
    }

    MediaRef upload(Secret token, String owner, Media media) {
        if (media.isVideo()) {
            return video(token, owner, media);
        }
        if (!media.mimeType().startsWith("image/")) {
            throw new PlatformError(Kind.PERMANENT, 0, "LinkedIn does not take " + media.mimeType() + " files; attach an image or a video", null);
        }
        JsonNode value = rest.read(ApiRequest.post("/rest/images?action=initializeUpload")
                .json(Map.of("initializeUploadRequest", Map.of("owner", owner))), token, DOING).path("value");
        String urn = LinkedInAnswers.required(value, "image", DOING);
        String uploadUrl = linkedInOnly(LinkedInAnswers.required(value, "uploadUrl", DOING));
        answers.accept(api.send(ApiRequest.method("PUT", uploadUrl).body("application/octet-stream", media.bytes()).bearer(token)), DOING);
        return new MediaRef(urn, false, null);
    }

    MediaRef status(Secret token, MediaRef media) {
        String collection = media.id().startsWith("urn:li:video:") ? "/rest/videos/" : "/rest/images/";
        JsonNode asset = rest.read(ApiRequest.get(collection + LinkedInRest.urn(media.id())), token, DOING);
        String status = asset.path("status").asText("");
        return switch (status) {
            case "AVAILABLE" -> new MediaRef(media.id(), true, null);
            case "PROCESSING_FAILED" -> {
                String reason = asset.path("processingFailureReason").asText("");
                throw new PlatformError(Kind.PERMANENT, 0, reason.isBlank()
                        ? "LinkedIn could not process the media" : "LinkedIn could not process the media: " + reason, null);
            }
            default -> new MediaRef(media.id(), false, null); // WAITING_UPLOAD, PROCESSING
        };
    }

    private MediaRef video(Secret token, String owner, Media media) {
        JsonNode value = rest.read(ApiRequest.post("/rest/videos?action=initializeUpload").json(Map.of("initializeUploadRequest",
                Map.of("owner", owner, "fileSizeBytes", media.bytes().length, "uploadCaptions", false, "uploadThumbnail", false))),
                token, DOING).path("value");
        String urn = LinkedInAnswers.required(value, "video", DOING);
        List<String> etags = new ArrayList<>();
        for (JsonNode part : value.path("uploadInstructions")) {
            int first = part.path("firstByte").asInt(-1);
            int last = part.path("lastByte").asInt(-1);
            if (first < 0 || last < first || last >= media.bytes().length) {
                throw new PlatformError(Kind.PERMANENT, 0, "LinkedIn sent upload instructions AIL could not follow", null);
            }
            // Video upload URLs are pre-signed: no bearer token.
            ApiResponse put = api.send(ApiRequest.method("PUT", linkedInOnly(LinkedInAnswers.required(part, "uploadUrl", DOING)))
                    .body("application/octet-stream", Arrays.copyOfRange(media.bytes(), first, last + 1)));
            answers.accept(put, DOING);
            String etag = put.header("ETag");
            if (etag == null) {
                throw new PlatformError(Kind.PERMANENT, put.status(), "LinkedIn did not confirm an uploaded part of the video", null);
            }
            etags.add(etag);
        }
        rest.send(ApiRequest.post("/rest/videos?action=finalizeUpload").json(Map.of("finalizeUploadRequest", Map.of(
                "video", urn, "uploadToken", value.path("uploadToken").asText(""), "uploadedPartIds", etags))), token, DOING);
        return new MediaRef(urn, false, null);
    }

    /**
     * An upload address must be on LinkedIn's own hosts (the configured API host, linkedin.com and its subdomains,
     * as privacy.OutboundDestinations declares): the media and, for images, the bearer never go anywhere an answer
     * happens to name.
     */
    private String linkedInOnly(String url) {
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        boolean linkedIn = host != null && (host.equalsIgnoreCase(apiHost) || host.equalsIgnoreCase("linkedin.com")
                || host.toLowerCase(java.util.Locale.ROOT).endsWith(".linkedin.com"));
        if (!linkedIn) {
            throw new PlatformError(Kind.PERMANENT, 0, "LinkedIn sent an upload address AIL could not use", null);
        }
        return url;
    }
}
