package com.ailsocialautomation.platform.bluesky;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.platform.ApiClient;
import com.ailsocialautomation.platform.ApiRequest;
import com.ailsocialautomation.platform.ApiResponse;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PlatformError.Kind;
import com.ailsocialautomation.platform.Query;
import com.ailsocialautomation.platform.StreamedBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * A video through Bluesky's video service: a service-auth token from the PDS (audience: the PDS's own did:web, method
 * {@code com.atproto.repo.uploadBlob}, 30 minutes), the file streamed to {@code app.bsky.video.uploadVideo}, then
 * {@code app.bsky.video.getJobStatus} (no token needed) until the job holds a blob, which the post embeds as
 * {@code app.bsky.embed.video}. The ref's id is the job's id while the service works.
 */
final class BlueskyVideo {
    private static final String DOING = "uploading a video";
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);

    private final ApiClient api;
    private final BlueskyAnswers answers;
    private final String videoUrl;
    private final Clock clock;

    BlueskyVideo(ApiClient api, BlueskyAnswers answers, String videoUrl, Clock clock) {
        this.api = api;
        this.answers = answers;
        this.videoUrl = videoUrl;
        this.clock = clock;
    }

    MediaRef upload(String pds, Credentials credentials, Media media) {
        String aud = "did:web:" + pdsHost(pds, credentials.accessToken());
        JsonNode auth = answers.read(api.send(ApiRequest.get(pds + "/xrpc/com.atproto.server.getServiceAuth?" + Query.of(
                "aud", aud, "lxm", "com.atproto.repo.uploadBlob",
                "exp", Long.toString(clock.instant().plus(TOKEN_LIFETIME).getEpochSecond())))
                .bearer(credentials.accessToken())), DOING);
        Secret token = Secret.of(BlueskyAnswers.required(auth, "token", DOING));
        // the service takes only the name's form from the file, so the person's own file name does not travel
        ApiResponse response = api.send(ApiRequest.post(videoUrl + "/xrpc/app.bsky.video.uploadVideo?"
                + Query.of("did", credentials.accountId(), "name", "video.mp4"))
                .body(media.mimeType(), StreamedBody.of(media)).bearer(token));
        ObjectNode entry = BlueskyMedia.entry(media);
        JsonNode body = response.ok() || response.status() == 409 ? response.json("Bluesky's video service") : null;
        JsonNode job = body == null ? null : body.has("jobStatus") ? body.path("jobStatus") : body;
        if (job == null || !job.path("jobId").isTextual()) {
            // 409 already_exists names the earlier job; anything else without a job is a refusal
            throw answers.refusal(response, DOING);
        }
        return ref(job, entry);
    }

    MediaRef status(MediaRef ref) {
        ObjectNode entry = BlueskyMedia.read(ref);
        ApiResponse response = api.send(ApiRequest.get(videoUrl + "/xrpc/app.bsky.video.getJobStatus?"
                + Query.of("jobId", ref.id())));
        return ref(answers.read(response, DOING).path("jobStatus"), entry);
    }

    /** A job with a blob is done, whatever its state says (an already uploaded video comes back with its blob). */
    private static MediaRef ref(JsonNode job, ObjectNode entry) {
        String jobId = job.path("jobId").asText("");
        if (job.path("blob").isObject()) {
            entry.set("video", job.path("blob"));
            return new MediaRef(jobId, true, BlueskyMedia.text(entry));
        }
        if ("JOB_STATE_FAILED".equals(job.path("state").asText())) {
            String reason = job.path("error").asText("");
            String message = job.path("message").asText("");
            String said = !message.isBlank() ? message : reason;
            throw new PlatformError(Kind.PERMANENT, 0, said.isBlank() ? "Bluesky could not process the video"
                    : "Bluesky could not process the video: " + said, null);
        }
        return new MediaRef(jobId, false, BlueskyMedia.text(entry));
    }

    /**
     * The host of the PDS that holds the account, from the DID document the session names (bsky.social is an
     * entryway; the account lives on another host); the configured PDS when the document names none.
     */
    private String pdsHost(String pds, Secret accessToken) {
        JsonNode session = answers.read(api.send(ApiRequest.get(pds + "/xrpc/com.atproto.server.getSession")
                .bearer(accessToken)), DOING);
        for (JsonNode service : session.path("didDoc").path("service")) {
            if (service.path("id").asText("").endsWith("#atproto_pds") && service.path("serviceEndpoint").isTextual()) {
                return didWebHost(service.path("serviceEndpoint").asText());
            }
        }
        return didWebHost(pds);
    }

    /** did:web writes a port after a percent-encoded colon. */
    private static String didWebHost(String url) {
        URI uri = URI.create(url);
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + "%3A" + uri.getPort();
    }
}
