package com.ailsocialautomation.fakes;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.fakes.FakeBluesky.VideoProcessing;
import com.ailsocialautomation.fakes.LoopbackApi.Answer;
import com.ailsocialautomation.fakes.LoopbackApi.Received;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bluesky's video service, served by {@link FakeBluesky} on the same port (AIL_BLUESKY_VIDEO_URL points there):
 * {@code uploadVideo} takes a service token the PDS issued for itself and {@code com.atproto.repo.uploadBlob}, from the
 * DID the upload names, with the file's length and a video type; a video it already has answers 409 already_exists
 * with the earlier job; {@code getJobStatus} (no token) moves a job from created to encoding to completed with a blob
 * the PDS then knows, or to failed with the service's reason.
 */
final class FakeBlueskyVideo {
    /** A service-auth token: who asked, for which service (aud) and method (lxm), until when. */
    record ServiceToken(String did, String aud, String lxm, Instant expiresAt) {}

    static final long MAX_VIDEO_BYTES = 100_000_000;
    /** What Bluesky's app uploads as video; the service re-encodes each to MP4. */
    static final Set<String> VIDEO_TYPES = Set.of("video/mp4", "video/quicktime", "video/webm");

    private static final class Job {
        final String id;
        final String did;
        final byte[] bytes;
        final VideoProcessing processing;
        int polls;
        JsonNode blob;

        Job(String id, String did, byte[] bytes, VideoProcessing processing) {
            this.id = id;
            this.did = did;
            this.bytes = bytes;
            this.processing = processing;
        }
    }

    private final FakeBluesky pds;
    private final Map<String, ServiceToken> tokens = new ConcurrentHashMap<>();
    private final List<Job> jobs = new ArrayList<>();
    volatile VideoProcessing processing = VideoProcessing.SUCCEEDS;

    FakeBlueskyVideo(FakeBluesky pds) {
        this.pds = pds;
    }

    void trust(String jwt, ServiceToken token) {
        tokens.put(jwt, token);
    }

    synchronized List<byte[]> uploaded() {
        return jobs.stream().map(j -> j.bytes).toList();
    }

    synchronized Answer upload(Received request) {
        String bearer = request.bearer();
        ServiceToken token = bearer == null ? null : tokens.get(bearer);
        if (token == null) {
            return FakeBluesky.error(401, "AuthMissing", "a service-auth token from the account's PDS is required");
        }
        if (!token.aud().equals(pds.serviceDid()) || !"com.atproto.repo.uploadBlob".equals(token.lxm())) {
            return FakeBluesky.error(401, "InvalidToken", "service token must be for " + pds.serviceDid() + " and com.atproto.repo.uploadBlob");
        }
        if (!token.expiresAt().isAfter(Instant.now())) {
            return FakeBluesky.error(401, "ExpiredToken", "service token has expired");
        }
        Map<String, String> q = LoopbackApi.parseForm(request.query());
        if (!token.did().equals(q.get("did")) || q.get("name") == null || q.get("name").isBlank()) {
            return FakeBluesky.error(400, "InvalidRequest", "did must be the token's issuer and name is required");
        }
        String type = request.header("Content-Type");
        if (!VIDEO_TYPES.contains(type)) {
            return FakeBluesky.error(400, "InvalidRequest", "uploadVideo takes " + VIDEO_TYPES + ", got " + type);
        }
        String length = request.header("Content-Length");
        if (length == null || Long.parseLong(length) != request.body().length) {
            return FakeBluesky.error(400, "InvalidRequest", "Content-Length is required");
        }
        if (request.body().length == 0 || request.body().length > MAX_VIDEO_BYTES) {
            return FakeBluesky.error(400, "InvalidRequest", "video must be 1 to " + MAX_VIDEO_BYTES + " bytes");
        }
        for (Job earlier : jobs) {
            if (earlier.did.equals(token.did()) && Arrays.equals(earlier.bytes, request.body())) {
                return Answer.json(409, "application/json", Map.of("did", token.did(), "jobId", earlier.id,
                        "state", "JOB_STATE_COMPLETED", "error", "already_exists", "message", "Video already processed"));
            }
        }
        Job job = new Job("job-" + pds.ids.incrementAndGet(), token.did(), request.body(), processing);
        jobs.add(job);
        return FakeBluesky.ok(status(job));
    }

    synchronized Answer status(Received request) {
        String id = LoopbackApi.parseForm(request.query()).getOrDefault("jobId", "");
        Job job = jobs.stream().filter(j -> j.id.equals(id)).findFirst().orElse(null);
        if (job == null) {
            return FakeBluesky.error(404, "NotFound", "no such job");
        }
        job.polls++;
        if (job.processing == VideoProcessing.SUCCEEDS && job.polls >= 2 && job.blob == null) {
            job.blob = Json.MAPPER.valueToTree(Map.of("$type", "blob", "ref", Map.of("$link", "bafkreivid"
                    + HexFormat.of().formatHex(pds.bytes(10))), "mimeType", "video/mp4", "size", job.bytes.length));
            pds.blobs.put(job.blob.path("ref").path("$link").asText(), job.blob);
        }
        return FakeBluesky.ok(Map.of("jobStatus", status(job)));
    }

    private static Map<String, Object> status(Job job) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("jobId", job.id);
        status.put("did", job.did);
        if (job.blob != null) {
            status.put("state", "JOB_STATE_COMPLETED");
            status.put("blob", job.blob);
        } else if (job.processing == VideoProcessing.FAILS && job.polls >= 1) {
            status.put("state", "JOB_STATE_FAILED");
            status.put("error", "Video too long");
            status.put("message", "Video is longer than 3 minutes");
        } else {
            status.put("state", job.polls == 0 ? "JOB_STATE_CREATED" : "JOB_STATE_ENCODING");
            status.put("progress", Math.min(90, job.polls * 40));
        }
        return status;
    }
}
