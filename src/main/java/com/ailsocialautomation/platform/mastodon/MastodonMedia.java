package com.ailsocialautomation.platform.mastodon;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.platform.ApiClient;
import com.ailsocialautomation.platform.ApiRequest;
import com.ailsocialautomation.platform.ApiResponse;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.Multipart;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PlatformError.Kind;
import com.ailsocialautomation.platform.StreamedBody;

/**
 * Media through {@code POST /api/v2/media}, the file streamed from AIL's copy inside the multipart body with the alt
 * text as {@code description}: 200 when the server processed it at once (small images), 202 while it is still
 * processing (video); then {@code GET /api/v1/media/:id} answers 206 while processing, 200 when ready and 422 when
 * processing failed.
 */
final class MastodonMedia {
    private static final String DOING = "uploading media";
    /** Mastodon's default description_limit (an instance may allow more; none allows less). */
    static final int DESCRIPTION_LIMIT = 1500;

    private final ApiClient api;

    MastodonMedia(ApiClient api) {
        this.api = api;
    }

    MediaRef upload(String instanceUrl, Secret token, Media media) {
        Multipart body = new Multipart();
        if (media.altText() != null && !media.altText().isBlank()) {
            body.field("description", cut(media.altText()));
        }
        body.file("file", "media" + extension(media.mimeType()), media.mimeType(), StreamedBody.of(media));
        ApiResponse response = api.send(ApiRequest.post(instanceUrl + "/api/v2/media")
                .body(body.contentType(), body.streamed()).bearer(token));
        String id = MastodonAnswers.required(MastodonAnswers.read(response, DOING), "id", DOING);
        return new MediaRef(id, response.status() == 200, null);
    }

    MediaRef status(String instanceUrl, Secret token, MediaRef media) {
        ApiResponse response = api.send(ApiRequest.get(instanceUrl + "/api/v1/media/" + media.id()).bearer(token));
        return switch (response.status()) {
            case 200 -> new MediaRef(media.id(), true, null);
            case 206 -> new MediaRef(media.id(), false, null);
            case 422 -> {
                String said = MastodonAnswers.said(response);
                throw new PlatformError(Kind.PERMANENT, 422, "The Mastodon server could not process the media"
                        + (said == null ? "" : ": " + said), null);
            }
            case 404 -> throw new PlatformError(Kind.PERMANENT, 404,
                    "The Mastodon server no longer knows the uploaded media; retry the post", null);
            default -> throw MastodonAnswers.refusal(response, DOING);
        };
    }

    private static String cut(String alt) {
        return alt.codePointCount(0, alt.length()) <= DESCRIPTION_LIMIT ? alt
                : alt.substring(0, alt.offsetByCodePoints(0, DESCRIPTION_LIMIT));
    }

    /** Mastodon checks the part's type, not its name; a name with the right extension helps older servers. */
    private static String extension(String mimeType) {
        int slash = mimeType.indexOf('/');
        String subtype = slash < 0 ? "" : mimeType.substring(slash + 1);
        return switch (subtype) {
            case "jpeg" -> ".jpg";
            case "png", "gif", "webp", "mp4", "webm", "heic", "avif" -> "." + subtype;
            case "quicktime" -> ".mov";
            default -> "";
        };
    }
}
