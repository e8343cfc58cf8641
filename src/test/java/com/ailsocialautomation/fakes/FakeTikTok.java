package com.ailsocialautomation.fakes;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * TikTok's Login Kit v2 and Content Posting API (Direct Post, FILE_UPLOAD) on 127.0.0.1, as strict as TikTok's docs:
 * {@code client_key} and {@code client_secret} in the token form, the exact redirect URI, comma-separated scopes,
 * PKCE with the challenge as hex SHA-256 of the verifier, codes valid once for 5 minutes, rotating refresh tokens, a
 * day-long access token, scopes per endpoint; creator_info from the creator's settings; init checks the privacy level
 * against them, the caption length and the chunk rules (5-64 MB chunks, the last up to 128 MB, a video under 5 MB
 * whole, total_chunk_count = floor(video_size / chunk_size)); chunks PUT in order with an exact Content-Range; the
 * status goes PROCESSING_UPLOAD, then PUBLISH_COMPLETE or FAILED. An unaudited app posts only SELF_ONLY. Tests can
 * make it answer 429 (rate_limit_exceeded) once, expire tokens, or fail processing.
 */
public final class FakeTikTok extends LoopbackApi {
    public static final String CLIENT_KEY = "fake-tiktok-client-key";
    public static final String CLIENT_SECRET = "fake-tiktok-client-secret";
    public static final String REDIRECT_URI = "https://ail.example.com/oauth/tiktok/callback";
    public static final String OPEN_ID = "-000ZG5uZmFrZS1vcGVuLWlk";
    public static final String USERNAME = "ail.team";
    static final Set<String> SCOPES = Set.of("user.info.basic", "user.info.profile", "video.publish", "video.upload");
    static final long MB = 1024L * 1024;

    /** Tokens issued as if the creator had connected. */
    public record Issued(String accessToken, String refreshToken) {}

    /** A video TikTok published: its caption, privacy level, switches and bytes. */
    public record Post(String publishId, String title, String privacy, boolean disableComment, boolean disableDuet,
                       boolean disableStitch, boolean brandContent, boolean brandOrganic, byte[] video) {}

    private record Code(String challenge, String redirectUri, String scope, Instant issuedAt) {}

    private record Token(String scope, Instant expiresAt, String refresh) {}

    private static final class Upload {
        final JsonNode postInfo;
        final long size;
        final long chunkSize;
        final int count;
        final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        int next;
        int polls;
        String status = "PROCESSING_UPLOAD";

        Upload(JsonNode postInfo, long size, long chunkSize, int count) {
            this.postInfo = postInfo;
            this.size = size;
            this.chunkSize = chunkSize;
            this.count = count;
        }
    }

    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Token> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>(); // token -> scope; removed when used
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>(); // by publish_id
    private final Map<String, String> uploadIds = new ConcurrentHashMap<>(); // upload_id -> publish_id
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(7_300_000_000_000_000_000L);
    private volatile List<String> privacyOptions = List.of("PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY");
    private volatile boolean commentDisabled;
    private volatile int maxDurationSec = 600;
    private volatile boolean audited = true;
    private volatile int processingPolls = 1;
    private volatile String failReason;
    private volatile boolean publicId = true;

    private FakeTikTok() {
        super("TikTok");
    }

    /** Serves the API, the upload host and the authorize page on {@link #url()}. */
    public static FakeTikTok start() {
        return serve(new FakeTikTok());
    }

    // ---- test controls ----

    public Issued issue(String scope) {
        String refresh = "rft." + ids.incrementAndGet();
        String access = "act." + ids.incrementAndGet();
        accessTokens.put(access, new Token(scope, Instant.now().plus(Duration.ofHours(24)), refresh));
        refreshTokens.put(refresh, scope);
        return new Issued(access, refresh);
    }

    public void expire(String accessToken) {
        accessTokens.computeIfPresent(accessToken, (k, t) -> new Token(t.scope(), Instant.now().minusSeconds(1), t.refresh()));
    }

    public boolean accessTokenValid(String token) {
        Token t = accessTokens.get(token);
        return t != null && t.expiresAt().isAfter(Instant.now());
    }

    public boolean refreshTokenValid(String token) {
        return refreshTokens.containsKey(token);
    }

    /** The creator's settings in TikTok's app, as creator_info reports them. */
    public void creator(List<String> privacyLevels, boolean commentsDisabled, int maxVideoSeconds) {
        this.privacyOptions = List.copyOf(privacyLevels);
        this.commentDisabled = commentsDisabled;
        this.maxDurationSec = maxVideoSeconds;
    }

    /** Whether TikTok has audited the app: until then, only SELF_ONLY posts, to private accounts. */
    public void audited(boolean audited) {
        this.audited = audited;
    }

    /** How many status checks say PROCESSING_UPLOAD before the end; the end is FAILED with {@code reason} if set. */
    public void processing(int polls, String failReason) {
        this.processingPolls = polls;
        this.failReason = failReason;
    }

    /** Whether a published video gets a public post id (not while TikTok's review lasts, never for SELF_ONLY). */
    public void givesPublicId(boolean gives) {
        publicId = gives;
    }

    /** The next request to {@code path} gets TikTok's 429 rate_limit_exceeded. */
    public void rateLimitNext(String path) {
        answerNext(path, error(429, "rate_limit_exceeded", "API rate limit was exceeded, please try later."));
    }

    /** The next request to {@code path} gets TikTok's answer with {@code code} (e.g. spam_risk_too_many_posts). */
    public void refuseNext(String path, int status, String code) {
        answerNext(path, error(status, code, "refused: " + code));
    }

    public List<Post> posts() {
        return List.copyOf(posts);
    }

    public int uploadsStarted() {
        return uploads.size();
    }

    public Callback approve(URI authorizeUrl) {
        return callback(consent(authorizeUrl, "TikTok"));
    }

    /** The challenge TikTok expects for a verifier: SHA-256, lowercase hex. */
    public static String challenge(String verifier) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- routing ----

    @Override
    protected Answer badJson(Received request) {
        return error(400, "invalid_params", "The request body is not valid JSON.");
    }

    @Override
    protected Answer finish(Received request, Answer answer) {
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        headers.putIfAbsent("Content-Type", "application/json; charset=UTF-8");
        return new Answer(answer.status(), headers, answer.body());
    }

    @Override
    protected Answer route(Received request) {
        String method = request.method();
        String path = request.path();
        if (method.equals("GET") && path.equals("/v2/auth/authorize/")) {
            return authorize(parseForm(request.query()));
        }
        if (method.equals("POST") && (path.equals("/v2/oauth/token/") || path.equals("/v2/oauth/revoke/"))) {
            String type = request.header("Content-Type");
            if (type == null || !type.startsWith("application/x-www-form-urlencoded")) {
                return oauthError("invalid_request", "Content-Type must be application/x-www-form-urlencoded");
            }
            Map<String, String> form = request.form();
            if (!CLIENT_KEY.equals(form.get("client_key")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
                return oauthError("invalid_client", "Client key or secret is invalid.");
            }
            return path.equals("/v2/oauth/token/") ? token(form) : revoke(form);
        }
        if (method.equals("PUT") && path.equals("/upload/")) {
            return chunk(request);
        }
        String bearer = request.bearer();
        Token token = bearer == null ? null : accessTokens.get(bearer);
        if (token == null || token.expiresAt().isBefore(Instant.now())) {
            return error(401, "access_token_invalid", "The access token is invalid or not found in the request.");
        }
        if (method.equals("GET") && path.equals("/v2/user/info/")) {
            return userInfo(token, parseForm(request.query()).getOrDefault("fields", ""));
        }
        if (!method.equals("POST") || !path.startsWith("/v2/post/publish/")) {
            return error(404, "invalid_params", "Not found: " + method + " " + path);
        }
        if (!token.scope().contains("video.publish")) {
            return error(401, "scope_not_authorized", "The user did not authorize the scope required for completing this request.");
        }
        String type = request.header("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            return error(400, "invalid_params", "Content-Type must be application/json; charset=UTF-8");
        }
        return switch (path) {
            case "/v2/post/publish/creator_info/query/" -> ok(creatorInfo());
            case "/v2/post/publish/video/init/" -> init(request.json());
            case "/v2/post/publish/status/fetch/" -> status(request.json());
            default -> error(404, "invalid_params", "Not found: " + path);
        };
    }

    // ---- OAuth ----

    private Answer authorize(Map<String, String> q) {
        String error = null;
        if (!CLIENT_KEY.equals(q.get("client_key"))) {
            error = "client_key";
        } else if (!"code".equals(q.get("response_type"))) {
            error = "response_type";
        } else if (!REDIRECT_URI.equals(q.get("redirect_uri"))) {
            error = "redirect_uri";
        } else if (q.get("scope") == null || q.get("scope").contains(" ") || !SCOPES.containsAll(List.of(q.get("scope").split(",")))) {
            error = "scope";
        } else if (q.get("state") == null) {
            error = "state";
        } else if (q.get("code_challenge") == null || !q.get("code_challenge").matches("[0-9a-f]{64}")
                || !"S256".equals(q.get("code_challenge_method"))) {
            error = "code_challenge";
        }
        if (error != null) {
            return new Answer(400, Map.of("Content-Type", "text/html"), "<html>Something went wrong: " + error + "</html>");
        }
        String code = "code-" + ids.incrementAndGet() + "*0!";
        codes.put(code, new Code(q.get("code_challenge"), q.get("redirect_uri"), q.get("scope"), Instant.now()));
        return new Answer(302, Map.of("Location", q.get("redirect_uri") + "?code=" + enc(code) + "&scopes=" + enc(q.get("scope"))
                + "&state=" + enc(q.get("state"))), null);
    }

    private Answer token(Map<String, String> form) {
        String grant = form.get("grant_type");
        if ("authorization_code".equals(grant)) {
            Code code = codes.remove(form.getOrDefault("code", ""));
            if (code == null || code.issuedAt().isBefore(Instant.now().minus(Duration.ofMinutes(5)))) {
                return oauthError("invalid_grant", "Authorization code is expired.");
            }
            if (!code.redirectUri().equals(form.get("redirect_uri"))) {
                return oauthError("invalid_request", "Redirect URI does not match.");
            }
            if (form.get("code_verifier") == null || !challenge(form.get("code_verifier")).equals(code.challenge())) {
                return oauthError("invalid_request", "Code verifier or code challenge is invalid.");
            }
            return tokens(code.scope());
        }
        if ("refresh_token".equals(grant)) {
            String scope = refreshTokens.remove(form.getOrDefault("refresh_token", ""));
            if (scope == null) {
                return oauthError("invalid_grant", "Refresh token is invalid or expired.");
            }
            accessTokens.values().removeIf(t -> t.refresh().equals(form.get("refresh_token")));
            return tokens(scope);
        }
        return oauthError("unsupported_grant_type", "Grant type is not supported.");
    }

    private Answer tokens(String scope) {
        Issued issued = issue(scope);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued.accessToken());
        body.put("expires_in", 86400);
        body.put("open_id", OPEN_ID);
        body.put("refresh_expires_in", 31536000);
        body.put("refresh_token", issued.refreshToken());
        body.put("scope", scope);
        body.put("token_type", "Bearer");
        return Answer.json(200, null, body);
    }

    /** Revoking the access token ends the authorization: its refresh token stops working too. */
    private Answer revoke(Map<String, String> form) {
        Token token = accessTokens.remove(form.getOrDefault("token", ""));
        if (token == null) {
            return oauthError("invalid_request", "Access token is invalid.");
        }
        refreshTokens.remove(token.refresh());
        return Answer.json(200, null, Map.of());
    }

    // ---- API ----

    private Answer userInfo(Token token, String fields) {
        Map<String, Object> user = new LinkedHashMap<>();
        for (String field : fields.split(",")) {
            switch (field) {
                case "open_id" -> user.put("open_id", OPEN_ID);
                case "union_id" -> user.put("union_id", "union-" + OPEN_ID);
                case "avatar_url" -> user.put("avatar_url", "https://p16-sign.tiktokcdn.com/avatar.jpeg");
                case "display_name" -> user.put("display_name", "AIL Team");
                case "username", "bio_description", "profile_deep_link", "is_verified" -> {
                    if (!token.scope().contains("user.info.profile")) {
                        return error(401, "scope_not_authorized", "The user did not authorize the scope required for completing this request.");
                    }
                    user.put(field, field.equals("username") ? USERNAME : "");
                }
                default -> {
                    return error(400, "invalid_params", "Invalid field: " + field);
                }
            }
        }
        return ok(Map.of("user", user));
    }

    private Map<String, Object> creatorInfo() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("creator_avatar_url", "https://p16-sign.tiktokcdn.com/avatar.jpeg");
        data.put("creator_username", USERNAME);
        data.put("creator_nickname", "AIL Team");
        data.put("privacy_level_options", privacyOptions); // an unaudited app learns of its limit at init
        data.put("comment_disabled", commentDisabled);
        data.put("duet_disabled", false);
        data.put("stitch_disabled", true);
        data.put("max_video_post_duration_sec", maxDurationSec);
        return data;
    }

    private Answer init(JsonNode body) {
        JsonNode post = body.path("post_info");
        JsonNode source = body.path("source_info");
        String privacy = post.path("privacy_level").asText("");
        if (!post.path("privacy_level").isTextual()) {
            return error(400, "invalid_params", "post_info.privacy_level is required.");
        }
        if (!audited && !privacy.equals("SELF_ONLY")) {
            return error(403, "unaudited_client_can_only_post_to_private_accounts",
                    "Please review our integration guidelines at https://developers.tiktok.com/doc/content-sharing-guidelines/");
        }
        if (!privacyOptions.contains(privacy)) {
            return error(400, "privacy_level_option_mismatch", "privacy_level is not among the creator's privacy_level_options.");
        }
        String title = post.path("title").asText("");
        if (title.length() > 2200) {
            return error(400, "invalid_params", "The title is longer than 2200 characters.");
        }
        if (commentDisabled && !post.path("disable_comment").asBoolean(false)) {
            return error(400, "invalid_params", "The creator has disabled comments: disable_comment must be true.");
        }
        if (!"FILE_UPLOAD".equals(source.path("source").asText())) {
            return error(400, "invalid_params", "source_info.source must be FILE_UPLOAD or PULL_FROM_URL.");
        }
        long size = source.path("video_size").asLong(-1);
        long chunk = source.path("chunk_size").asLong(-1);
        long count = source.path("total_chunk_count").asLong(-1);
        String broken = chunkRules(size, chunk, count);
        if (broken != null) {
            return error(400, "invalid_params", broken);
        }
        String publishId = "v_pub_file~v2-1." + ids.incrementAndGet();
        String uploadId = Long.toString(ids.incrementAndGet());
        uploads.put(publishId, new Upload(post, size, chunk, (int) count));
        uploadIds.put(uploadId, publishId);
        return ok(Map.of("publish_id", publishId, "upload_url", url() + "/upload/?upload_id=" + uploadId + "&upload_token=tok" + uploadId));
    }

    /** TikTok's media transfer rules; null when the plan keeps them. */
    public static String chunkRules(long size, long chunk, long count) {
        if (size <= 0 || chunk <= 0 || count <= 0) {
            return "video_size, chunk_size and total_chunk_count are required.";
        }
        if (count != size / chunk) {
            return "total_chunk_count must be floor(video_size / chunk_size).";
        }
        if (size < 5 * MB && (chunk != size || count != 1)) {
            return "A video under 5 MB must be uploaded whole.";
        }
        if (size > 64 * MB && count == 1) {
            return "A video over 64 MB must be uploaded in chunks.";
        }
        if (count > 1 && (chunk < 5 * MB || chunk > 64 * MB)) {
            return "chunk_size must be between 5 MB and 64 MB.";
        }
        if (count > 1000 || size - (count - 1) * chunk > 128 * MB) {
            return "The chunks are too many or the last is over 128 MB.";
        }
        return null;
    }

    private Answer chunk(Received request) {
        String publishId = uploadIds.get(parseForm(request.query()).getOrDefault("upload_id", ""));
        Upload upload = publishId == null ? null : uploads.get(publishId);
        if (upload == null) {
            return error(404, "invalid_params", "The upload URL is invalid or expired.");
        }
        String type = request.header("Content-Type");
        if (type == null || !Set.of("video/mp4", "video/quicktime", "video/webm").contains(type)) {
            return error(400, "invalid_params", "Content-Type must be video/mp4, video/quicktime or video/webm.");
        }
        synchronized (upload) {
            long first = (long) upload.next * upload.chunkSize;
            long last = upload.next == upload.count - 1 ? upload.size - 1 : first + upload.chunkSize - 1;
            String expected = "bytes " + first + "-" + last + "/" + upload.size;
            if (upload.next >= upload.count || !expected.equals(request.header("Content-Range"))) {
                return error(416, "invalid_params", "Content-Range must be " + expected + " for the next chunk.");
            }
            if (request.body().length != last - first + 1) {
                return error(400, "invalid_params", "The chunk's length does not match its Content-Range.");
            }
            upload.bytes.writeBytes(request.body());
            upload.next++;
            if (upload.next < upload.count) {
                return new Answer(206, Map.of(), null);
            }
            JsonNode p = upload.postInfo;
            posts.add(new Post(publishId, p.path("title").asText(""), p.path("privacy_level").asText(),
                    p.path("disable_comment").asBoolean(false), p.path("disable_duet").asBoolean(false),
                    p.path("disable_stitch").asBoolean(false), p.path("brand_content_toggle").asBoolean(false),
                    p.path("brand_organic_toggle").asBoolean(false), upload.bytes.toByteArray()));
            return new Answer(201, Map.of(), null);
        }
    }

    private Answer status(JsonNode body) {
        Upload upload = uploads.get(body.path("publish_id").asText(""));
        if (upload == null) {
            return error(400, "invalid_params", "publish_id is invalid.");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        synchronized (upload) {
            if (upload.next == upload.count && "PROCESSING_UPLOAD".equals(upload.status) && ++upload.polls > processingPolls) {
                upload.status = failReason == null ? "PUBLISH_COMPLETE" : "FAILED";
            }
            data.put("status", upload.status);
            data.put("uploaded_bytes", upload.bytes.size());
            if ("FAILED".equals(upload.status)) {
                data.put("fail_reason", failReason);
            }
            if ("PUBLISH_COMPLETE".equals(upload.status)) {
                boolean visible = publicId && !"SELF_ONLY".equals(upload.postInfo.path("privacy_level").asText());
                data.put("publicaly_available_post_id", visible ? List.of(7_400_000_000_000_000_001L) : List.of());
            }
        }
        return ok(data);
    }

    // ---- answers ----

    private static Answer ok(Object data) {
        return Answer.json(200, null, Map.of("data", data, "error", Map.of("code", "ok", "message", "", "log_id", "20261206ok")));
    }

    private static Answer error(int status, String code, String message) {
        return Answer.json(status, null, Map.of("data", Map.of(), "error", Map.of("code", code, "message", message,
                "log_id", "20261206" + code.length())));
    }

    private static Answer oauthError(String error, String description) {
        return Answer.json(400, null, Map.of("error", error, "error_description", description, "log_id", "20261206oauth"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
