package com.ailsocialautomation.platform.linkedin;

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

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Images and videos through {@code initializeUpload}: LinkedIn names where to PUT the bytes (one URL for an image,
 * streamed from AIL's copy; byte ranges for a video, read in one pass over the copy with one part in memory at a
 * time, whose parts' ETags finalize it), then reports PROCESSING until the asset is AVAILABLE. The alt text rides in
 * the ref's payload to the post, where LinkedIn takes it ({@code altText} on the media).
 */
final class LinkedInMedia {
    private static final String DOING = "uploading media";
    /** LinkedIn's documented parts are about 4 MiB; a much larger one is not held in memory. */
    private static final long MAX_PART_BYTES = 16L * 1024 * 1024;
    /** The Posts API's limit for a media item's altText. */
    static final int ALT_TEXT_LIMIT = 4086;

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
        answers.accept(api.send(ApiRequest.method("PUT", uploadUrl).body("application/octet-stream", StreamedBody.of(media))
                .bearer(token)), DOING);
        return new MediaRef(urn, false, alt(media));
    }

    MediaRef status(Secret token, MediaRef media) {
        String collection = media.id().startsWith("urn:li:video:") ? "/rest/videos/" : "/rest/images/";
        JsonNode asset = rest.read(ApiRequest.get(collection + LinkedInRest.urn(media.id())), token, DOING);
        String status = asset.path("status").asText("");
        return switch (status) {
            case "AVAILABLE" -> new MediaRef(media.id(), true, media.payload());
            case "PROCESSING_FAILED" -> {
                String reason = asset.path("processingFailureReason").asText("");
                throw new PlatformError(Kind.PERMANENT, 0, reason.isBlank()
                        ? "LinkedIn could not process the media" : "LinkedIn could not process the media: " + reason, null);
            }
            default -> new MediaRef(media.id(), false, media.payload()); // WAITING_UPLOAD, PROCESSING
        };
    }

    private MediaRef video(Secret token, String owner, Media media) {
        JsonNode value = rest.read(ApiRequest.post("/rest/videos?action=initializeUpload").json(Map.of("initializeUploadRequest",
                Map.of("owner", owner, "fileSizeBytes", media.size(), "uploadCaptions", false, "uploadThumbnail", false))),
                token, DOING).path("value");
        String urn = LinkedInAnswers.required(value, "video", DOING);
        List<JsonNode> parts = new ArrayList<>();
        value.path("uploadInstructions").forEach(parts::add);
        parts.sort(Comparator.comparingLong(part -> part.path("firstByte").asLong(-1)));
        List<String> etags = new ArrayList<>();
        long next = 0;
        try (InputStream in = media.open()) {
            for (JsonNode part : parts) {
                long first = part.path("firstByte").asLong(-1);
                long last = part.path("lastByte").asLong(-1);
                // the ranges must cover the file in order, without gaps or overlaps, each small enough to hold
                if (first != next || last < first || last >= media.size() || last - first + 1 > MAX_PART_BYTES) {
                    throw new PlatformError(Kind.PERMANENT, 0, "LinkedIn sent upload instructions AIL could not follow", null);
                }
                byte[] range = in.readNBytes((int) (last - first + 1));
                if (range.length != last - first + 1) {
                    throw new PlatformError(Kind.PERMANENT, 0, "AIL's copy of " + media.fileName() + " is shorter than its size; attach it again", null);
                }
                // Video upload URLs are pre-signed: no bearer token.
                ApiResponse put = api.send(ApiRequest.method("PUT", linkedInOnly(LinkedInAnswers.required(part, "uploadUrl", DOING)))
                        .body("application/octet-stream", range));
                answers.accept(put, DOING);
                String etag = put.header("ETag");
                if (etag == null) {
                    throw new PlatformError(Kind.PERMANENT, put.status(), "LinkedIn did not confirm an uploaded part of the video", null);
                }
                etags.add(etag);
                next = last + 1;
            }
        } catch (IOException e) {
            throw new PlatformError(Kind.TRANSIENT, 0, "AIL could not read its copy of " + media.fileName()
                    + " (" + e.getClass().getSimpleName() + ")", null);
        }
        if (next != media.size()) {
            throw new PlatformError(Kind.PERMANENT, 0, "LinkedIn sent upload instructions AIL could not follow", null);
        }
        rest.send(ApiRequest.post("/rest/videos?action=finalizeUpload").json(Map.of("finalizeUploadRequest", Map.of(
                "video", urn, "uploadToken", value.path("uploadToken").asText(""), "uploadedPartIds", etags))), token, DOING);
        return new MediaRef(urn, false, alt(media));
    }

    /** The alt text the post gives the media, cut to LinkedIn's limit; null when none was given. */
    private static String alt(Media media) {
        String alt = media.altText();
        if (alt == null || alt.isBlank()) {
            return null;
        }
        return alt.length() <= ALT_TEXT_LIMIT ? alt : alt.substring(0, ALT_TEXT_LIMIT);
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
