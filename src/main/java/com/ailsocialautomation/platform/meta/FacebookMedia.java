package com.ailsocialautomation.platform.meta;

import com.ailsocialautomation.platform.ApiRequest;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.Multipart;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.Query;
import com.ailsocialautomation.platform.StreamedBody;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Media for a Page post. A photo is uploaded unpublished (Pages API: "publish a multi-photo post") and attached to
 * the feed post by its id. A video goes through the resumable upload (Video API "publishing" guide): a session
 * under the app with the user token, the bytes in one request from offset 0, and the handle it answers is what the
 * Page's video is then published with. The ref's payload says which of the two it is.
 */
final class FacebookMedia {
    private static final String VIDEO = "video";

    private final MetaGraph graph;
    private final MetaAnswers answers;

    FacebookMedia(MetaGraph graph, MetaAnswers answers) {
        this.graph = graph;
        this.answers = answers;
    }

    MediaRef uploadPhoto(Credentials credentials, Media item) {
        Multipart form = new Multipart().field("published", "false")
                .file("source", item.fileName(), item.mimeType(), StreamedBody.of(item));
        JsonNode photo = answers.read(graph.send(ApiRequest.post(graph.url("/" + credentials.accountId() + "/photos"))
                .body(form.contentType(), form.streamed()), credentials.accessToken()), "uploading " + item.fileName());
        return new MediaRef(MetaAnswers.required(photo, "id", "Facebook", "uploading " + item.fileName()), true, "photo");
    }

    MediaRef uploadVideo(Credentials credentials, Media item) {
        if (credentials.refreshToken() == null) {
            throw new PlatformError(PlatformError.Kind.AUTH_EXPIRED, 0, "Facebook video uploads need the login this Page "
                    + "was connected with; reconnect it", null);
        }
        String doing = "uploading " + item.fileName();
        JsonNode session = answers.read(graph.send(ApiRequest.post(graph.url("/" + graph.appId() + "/uploads?" + Query.of(
                "file_name", item.fileName(), "file_length", Long.toString(item.size()), "file_type", item.mimeType()))),
                credentials.refreshToken()), doing);
        String upload = MetaAnswers.required(session, "id", "Facebook", doing);
        if (!upload.startsWith("upload:")) {
            throw MetaGraph.missing("Facebook", "where to upload " + item.fileName());
        }
        JsonNode sent = answers.read(graph.send(ApiRequest.post(graph.url("/" + upload)).header("file_offset", "0")
                .body("application/octet-stream", StreamedBody.of(item)), credentials.refreshToken()), doing);
        return new MediaRef(MetaAnswers.required(sent, "h", "Facebook", doing), true, VIDEO);
    }

    static boolean isVideo(MediaRef ref) {
        return VIDEO.equals(ref.payload());
    }
}
