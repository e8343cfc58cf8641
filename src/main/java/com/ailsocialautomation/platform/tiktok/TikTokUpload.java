package com.ailsocialautomation.platform.tiktok;

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

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * TikTok's Direct Post of a video with FILE_UPLOAD: {@code /v2/post/publish/video/init/} with the post's settings and
 * the chunk plan, then each chunk PUT in order to the upload_url TikTok gave, with Content-Range; TikTok posts the
 * video once the last chunk is in, and {@code /v2/post/publish/status/fetch/} tells how far it got. Only the last
 * chunk can post: a failure before it leaves nothing at TikTok but an unfinished upload, which TikTok drops.
 */
final class TikTokUpload {
    /** How long TikTok is given before the first status check: it needs a few seconds for even a short video. */
    static final Duration FIRST_CHECK = Duration.ofSeconds(5);

    private final ApiClient api;
    private final String apiUrl;
    private final TikTokAnswers answers;
    private final long chunkBytes;

    TikTokUpload(ApiClient api, String apiUrl, TikTokAnswers answers, long chunkBytes) {
        this.api = api;
        this.apiUrl = apiUrl;
        this.answers = answers;
        this.chunkBytes = chunkBytes;
    }

    /** Sends the video with its settings; the ref is TikTok's publish_id, not ready until the status says so. */
    MediaRef post(Secret token, Media video, String caption, TikTokPost post, CreatorInfo creator) {
        ChunkPlan plan = ChunkPlan.of(video.size(), chunkBytes);
        Map<String, Object> postInfo = new LinkedHashMap<>();
        postInfo.put("title", caption == null ? "" : caption);
        postInfo.put("privacy_level", post.privacy().level);
        postInfo.put("disable_duet", creator.disableDuet(post));
        postInfo.put("disable_comment", creator.disableComment(post));
        postInfo.put("disable_stitch", creator.disableStitch(post));
        postInfo.put("brand_content_toggle", post.brandedContent());
        postInfo.put("brand_organic_toggle", post.yourBrand());
        Map<String, Object> sourceInfo = new LinkedHashMap<>();
        sourceInfo.put("source", "FILE_UPLOAD");
        sourceInfo.put("video_size", plan.videoSize());
        sourceInfo.put("chunk_size", plan.chunkSize());
        sourceInfo.put("total_chunk_count", plan.count());
        JsonNode data = beforePosting(() -> answers.data(api.send(ApiRequest.post(apiUrl + "/v2/post/publish/video/init/")
                .json(Map.of("post_info", postInfo, "source_info", sourceInfo)).bearer(token)), "starting the upload"));
        String publishId = TikTokAnswers.required(data, "publish_id", "starting the upload");
        String uploadUrl = uploadUrl(TikTokAnswers.required(data, "upload_url", "starting the upload"));
        for (int i = 0; i < plan.count(); i++) {
            int index = i;
            if (index < plan.count() - 1) {
                beforePosting(() -> put(uploadUrl, video, plan, index));
            } else {
                put(uploadUrl, video, plan, index); // the last chunk posts: its lost answer may mean a post
            }
        }
        return new MediaRef(publishId, false, null, FIRST_CHECK);
    }

    /** How far TikTok got; ready once published, with the post's id as payload when TikTok gives one. */
    MediaRef status(Secret token, MediaRef ref) {
        JsonNode data = answers.data(api.send(ApiRequest.post(apiUrl + "/v2/post/publish/status/fetch/")
                .json(Map.of("publish_id", ref.id())).bearer(token)), "asking how the post is doing");
        String status = data.path("status").asText("");
        return switch (status) {
            case "PUBLISH_COMPLETE" -> {
                // sic: TikTok spells it "publicaly"; the id appears only once the video is public and reviewed
                JsonNode ids = data.path("publicaly_available_post_id");
                String postId = ids.isArray() && !ids.isEmpty() ? ids.get(0).asText() : null;
                yield new MediaRef(ref.id(), true, postId);
            }
            case "FAILED" -> throw new PlatformError(Kind.PERMANENT, 0, failure(data.path("fail_reason").asText("")), null);
            case "SEND_TO_USER_INBOX" -> new MediaRef(ref.id(), true, null);
            default -> new MediaRef(ref.id(), false, null); // PROCESSING_UPLOAD, PROCESSING_DOWNLOAD
        };
    }

    private void put(String uploadUrl, Media video, ChunkPlan plan, int index) {
        long first = plan.first(index);
        long length = plan.length(index);
        StreamedBody chunk = new StreamedBody(length, () -> {
            InputStream in = video.open();
            in.skipNBytes(first);
            return new BoundedStream(in, length);
        });
        ApiResponse response = api.send(ApiRequest.method("PUT", uploadUrl).body(video.mimeType(), chunk)
                .header("Content-Range", "bytes " + first + "-" + plan.last(index) + "/" + plan.videoSize()));
        boolean last = index == plan.count() - 1;
        if (response.status() == (last ? 201 : 206) || (last && response.status() == 200)) {
            return;
        }
        if (response.ok()) {
            throw new PlatformError(Kind.TRANSIENT, response.status(), "TikTok answered chunk " + (index + 1) + " of "
                    + plan.count() + " with HTTP " + response.status(), null);
        }
        throw answers.refusal(response, response.firstText("/error/code"), "uploading the video");
    }

    /** An upload address must be TikTok's (or the configured API host, which tests point at a fake). */
    private String uploadUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new PlatformError(Kind.PERMANENT, 0, "TikTok gave an upload address AIL cannot use", null);
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean tiktok = host.equals(URI.create(apiUrl).getHost()) || host.equals("tiktokapis.com") || host.endsWith(".tiktokapis.com");
        if (!tiktok || !("https".equals(uri.getScheme()) || url.startsWith(apiUrl))) {
            throw new PlatformError(Kind.PERMANENT, 0, "TikTok gave an upload address outside TikTok's hosts (" + host
                    + "); AIL sends videos only to TikTok", null);
        }
        return url;
    }

    private static String failure(String reason) {
        String words = switch (reason) {
            case "file_format_check_failed" -> "TikTok could not read the video's format";
            case "duration_check_failed" -> "the video's length is not one TikTok takes for this account";
            case "frame_rate_check_failed" -> "TikTok does not take the video's frame rate";
            case "picture_size_check_failed" -> "TikTok does not take the video's picture size";
            case "spam_risk_too_many_posts" -> "the account has posted as much as TikTok allows for today";
            case "spam_risk_user_banned_from_posting" -> "TikTok does not let the account post at the moment";
            case "auth_removed" -> "the account no longer allows AIL to post";
            case "publish_cancelled" -> "the post was cancelled at TikTok";
            default -> "TikTok could not publish the video";
        };
        return reason.isBlank() ? words : words + " (" + reason + ")";
    }

    /** Runs a step that cannot publish anything: its failures are safe to repeat whatever happened to its answer. */
    private static <T> T beforePosting(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (PlatformError e) {
            throw PlatformError.nothingPosted(e);
        }
    }

    private static void beforePosting(Runnable step) {
        beforePosting(() -> {
            step.run();
            return null;
        });
    }
}
