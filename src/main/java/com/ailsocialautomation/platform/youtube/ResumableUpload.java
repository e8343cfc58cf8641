package com.ailsocialautomation.platform.youtube;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.platform.ApiClient;
import com.ailsocialautomation.platform.ApiRequest;
import com.ailsocialautomation.platform.ApiResponse;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PlatformError.Kind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Google's resumable upload protocol for videos.insert: a POST with the video resource opens a session whose URI
 * comes back in Location; the bytes follow in PUTs of whole multiples of 256 KiB (the last may be shorter), each
 * with its Content-Range. 308 means "more", with Range saying what Google holds; 200 or 201 carries the video. When
 * a chunk's answer is lost, AIL asks the session ({@code Content-Range: bytes *}{@code /total}) and goes on from the
 * byte Google names, never from the start: a session that finished answers with the video, so a lost answer to the
 * last chunk never uploads the video twice.
 */
final class ResumableUpload {
    /** Google requires every chunk but the last to be a multiple of this. */
    static final int QUANTUM = 256 * 1024;
    /** 8 MiB: few requests for a long video, one chunk in memory at a time. */
    static final int CHUNK_BYTES = 32 * QUANTUM;
    /** Chunks in a row that Google may keep none of before this run stops and a later one asks again. */
    private static final int MAX_STALLS = 2;
    private static final Pattern RANGE = Pattern.compile("bytes=0-(\\d+)");

    /** Where a session stands: finished with the video's id, or holding the first {@code received} bytes. */
    record Standing(String videoId, long received) {
        boolean done() {
            return videoId != null;
        }
    }

    private final ApiClient api;
    private final String apiUrl;
    private final YouTubeAnswers answers;
    private final int chunkBytes;

    ResumableUpload(ApiClient api, String apiUrl, YouTubeAnswers answers, int chunkBytes) {
        if (chunkBytes <= 0 || chunkBytes % QUANTUM != 0) {
            throw new IllegalArgumentException("YouTube chunks are whole multiples of 256 KiB, not " + chunkBytes + " bytes");
        }
        this.api = api;
        this.apiUrl = apiUrl;
        this.answers = answers;
        this.chunkBytes = chunkBytes;
    }

    /** Opens a session for {@code media} with its details: the session URI, which only the API's own host may serve. */
    String open(Secret token, VideoDetails details, Media media) {
        byte[] resource;
        try {
            resource = Json.MAPPER.writeValueAsBytes(details.resource());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a video resource is plain JSON", e);
        }
        ApiResponse response = api.send(ApiRequest.post(apiUrl + "/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status")
                .body("application/json; charset=UTF-8", resource)
                .header("X-Upload-Content-Length", Long.toString(media.size()))
                .header("X-Upload-Content-Type", media.mimeType())
                .bearer(token));
        answers.accept(response, "opening the upload");
        String session = response.header("Location");
        if (session == null || !session.startsWith(apiUrl + "/upload/")) {
            throw new PlatformError(Kind.PERMANENT, response.status(), "YouTube's answer while opening the upload named no "
                    + "upload address on " + apiUrl, null);
        }
        return session;
    }

    /**
     * Sends the bytes from {@code from} on, chunk by chunk, reading AIL's copy once from start to end (again only
     * when Google holds fewer bytes than were sent): the video's id once Google has all. A chunk whose answer is lost
     * is followed by one question to the session and the upload goes on from there; any other failure is thrown with
     * the session left as it is, to be asked about later.
     */
    String send(Secret token, String session, Media media, long from) {
        long total = media.size();
        long offset = from;
        boolean askedAfterLoss = false;
        int stalls = 0;
        try (Copy copy = new Copy(media)) {
            while (true) {
                byte[] chunk = copy.chunkAt(offset, chunkBytes);
                ApiRequest put = ApiRequest.method("PUT", session).body(media.mimeType(), chunk)
                        .header("Content-Range", "bytes " + offset + "-" + (offset + chunk.length - 1) + "/" + total).bearer(token);
                Standing standing;
                try {
                    standing = standing(api.send(put), total);
                } catch (PlatformError e) {
                    if (e.kind() != Kind.TRANSIENT || askedAfterLoss) {
                        throw e;
                    }
                    askedAfterLoss = true; // once per run: a session that keeps failing is asked about on a later run
                    standing = ask(token, session, total);
                }
                if (standing.done()) {
                    return standing.videoId();
                }
                if (standing.received() <= offset && ++stalls > MAX_STALLS) {
                    throw new PlatformError(Kind.TRANSIENT, 308, "YouTube kept none of the last chunks of the upload", null);
                }
                offset = standing.received();
            }
        }
    }

    /** Asks the session how much it holds, or for the video when it is complete. */
    Standing ask(Secret token, String session, long total) {
        ApiRequest query = ApiRequest.method("PUT", session).body("application/octet-stream", new byte[0])
                .header("Content-Range", "bytes */" + total).bearer(token);
        return standing(api.send(query), total);
    }

    private Standing standing(ApiResponse response, long total) {
        if (response.status() == 308) {
            String range = response.header("Range");
            if (range == null) {
                return new Standing(null, 0); // Google holds nothing yet
            }
            Matcher m = RANGE.matcher(range.strip());
            if (!m.matches() || Long.parseLong(m.group(1)) >= total) {
                throw new PlatformError(Kind.PERMANENT, 308, "YouTube answered the upload with a Range AIL cannot follow", null);
            }
            return new Standing(null, Long.parseLong(m.group(1)) + 1);
        }
        if (response.status() == 404 || response.status() == 410) {
            throw new PlatformError(Kind.PERMANENT, response.status(), "YouTube's upload session ended before the video "
                    + "was complete (sessions last about a week); Retry uploads it again", null);
        }
        JsonNode video = answers.read(response, "uploading the video");
        return new Standing(YouTubeAnswers.required(video, "id", "uploading the video"), total);
    }

    /** AIL's copy, read forward; a step back (Google holds less than was sent) opens it again. */
    private static final class Copy implements AutoCloseable {
        private final Media media;
        private InputStream in;
        private long position;

        Copy(Media media) {
            this.media = media;
        }

        /** Up to {@code size} bytes from {@code offset}: all of them unless the copy ends there. */
        byte[] chunkAt(long offset, int size) {
            try {
                if (in == null || offset < position) {
                    close();
                    in = media.open();
                    position = 0;
                }
                in.skipNBytes(offset - position);
                byte[] chunk = in.readNBytes((int) Math.min(size, media.size() - offset));
                position = offset + chunk.length;
                if (chunk.length == 0 || (position < media.size() && chunk.length % QUANTUM != 0)) {
                    throw new PlatformError(Kind.PERMANENT, 0, "AIL's copy of " + media.fileName() + " is shorter than its "
                            + media.size() + " bytes; attach it again", null);
                }
                return chunk;
            } catch (IOException e) {
                throw new PlatformError(Kind.TRANSIENT, 0, "AIL could not read its copy of " + media.fileName()
                        + " (" + e.getClass().getSimpleName() + ")", null);
            }
        }

        @Override
        public void close() {
            if (in != null) {
                try {
                    in.close();
                } catch (IOException e) {
                    // reading is over; nothing was lost
                }
                in = null;
            }
        }
    }
}
