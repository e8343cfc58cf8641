package com.ailsocialautomation.fakes;

import com.ailsocialautomation.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * X's OAuth 2.0 endpoints and API v2 on 127.0.0.1, as strict as the real service where platforms.md says what it
 * does: Basic auth on the token endpoint, exact redirect URI, PKCE S256 verified against the challenge, codes valid
 * for 30 s and once, rotating single-use refresh tokens (a reused one is a 400 invalid_request), 2 h bearer tokens,
 * scopes per endpoint, JSON and multipart content types, the chunked media upload with processing_info as a state
 * machine, duplicate-content refusals, problem-JSON errors and x-rate-limit-* headers on every API answer.
 * Tests can make it answer 429 once, send a malformed body once, fail or stall media processing, or be slow.
 * It records every request it receives.
 */
public final class FakeX extends LoopbackApi {
    public static final String CLIENT_ID = "fake-x-client-id";
    public static final String CLIENT_SECRET = "fake-x-client-secret";
    public static final String REDIRECT_URI = "https://ail.example.com/oauth/x/callback";
    public static final String USER_ID = "1500000000000000001";
    public static final String USERNAME = "ail_team";
    public static final String ALL_SCOPES = "tweet.read tweet.write users.read offline.access media.write";

    /** What processing_info the fake reports after finalize. NONE: no processing_info at all (X's usual image case). */
    public enum Processing { NONE, SUCCEEDS, FAILS, STAYS_PENDING }

    /** Tokens issued directly, as if the user had connected. */
    public record Issued(String accessToken, String refreshToken) {}

    /** What the user's browser is sent back with after approving. */

    private record Code(String challenge, String redirectUri, String scope, Instant issuedAt) {}

    private record Token(String scope, Instant expiresAt) {}

    private static final class Upload {
        final String category;
        final long totalBytes;
        final Map<Integer, byte[]> segments = new TreeMap<>();
        Processing processing;
        boolean finalized;
        int polls;
        long appended;
        String altText;

        Upload(String category, long totalBytes) {
            this.category = category;
            this.totalBytes = totalBytes;
        }
    }

    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Token> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>(); // token -> scope; removed when used
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final List<JsonNode> posts = new CopyOnWriteArrayList<>();
    private final Map<String, JsonNode> byId = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1880028106020515840L);
    private volatile Processing imageProcessing = Processing.NONE;
    private volatile Processing videoProcessing = Processing.SUCCEEDS;
    private volatile int checkAfterSecs = 1;

    private FakeX() {
        super("X");
    }

    /** Serves both the API host and the authorize host on {@link #url()}. */
    public static FakeX start() {
        return serve(new FakeX());
    }

    // ---- test controls ----

    public Issued issue() {
        return issue(ALL_SCOPES);
    }

    public Issued issue(String scope) {
        String access = "x-access-" + ids.incrementAndGet();
        accessTokens.put(access, new Token(scope, Instant.now().plus(Duration.ofHours(2))));
        String refresh = null;
        if (scope.contains("offline.access")) {
            refresh = "x-refresh-" + ids.incrementAndGet();
            refreshTokens.put(refresh, scope);
        }
        return new Issued(access, refresh);
    }

    public void expire(String accessToken) {
        accessTokens.computeIfPresent(accessToken, (k, t) -> new Token(t.scope(), Instant.now().minusSeconds(1)));
    }

    public boolean accessTokenValid(String token) {
        Token t = accessTokens.get(token);
        return t != null && t.expiresAt().isAfter(Instant.now());
    }

    public boolean refreshTokenValid(String token) {
        return refreshTokens.containsKey(token);
    }

    /** The next request to {@code path} gets a 429 with the 15-minute window's headers. */
    public void rateLimitNext(String path, Instant reset) {
        answerNext(path, tooManyRequests(Map.of("x-rate-limit-limit", "100", "x-rate-limit-remaining", "0",
                "x-rate-limit-reset", Long.toString(reset.getEpochSecond()))));
    }

    /** The next request to {@code path} gets a 429 because the plan's daily cap for this user is used up. */
    public void dailyCapNext(String path, int limit, Instant reset) {
        answerNext(path, tooManyRequests(Map.of("x-rate-limit-limit", "100", "x-rate-limit-remaining", "97",
                "x-rate-limit-reset", Long.toString(Instant.now().plusSeconds(600).getEpochSecond()),
                "x-user-limit-24hour-limit", Integer.toString(limit), "x-user-limit-24hour-remaining", "0",
                "x-user-limit-24hour-reset", Long.toString(reset.getEpochSecond()))));
    }

    public void imageProcessing(Processing processing) {
        imageProcessing = processing;
    }

    public void videoProcessing(Processing processing) {
        videoProcessing = processing;
    }

    /** Media left pending finishes: its next status check says succeeded. */
    public void finishProcessing() {
        uploads.values().stream().filter(u -> u.processing == Processing.STAYS_PENDING).forEach(u -> {
            u.processing = Processing.SUCCEEDS;
            u.polls = 2;
        });
    }

    /** How many status checks X answered. */
    public int statusChecks() {
        return received("GET", "/2/media/upload").size();
    }

    /** What processing_info's check_after_secs says while media is still processing. */
    public void checkAfterSecs(int seconds) {
        checkAfterSecs = seconds;
    }

    public List<JsonNode> posts() {
        return List.copyOf(posts);
    }

    /** The post X gave this id, as it was sent, or null. */
    public JsonNode post(String id) {
        return byId.get(id);
    }

    /** The posts from {@code rootId} on, each the first reply (reply.in_reply_to_tweet_id) to the one before. */
    public List<JsonNode> replyChain(String rootId) {
        List<JsonNode> chain = new java.util.ArrayList<>();
        String at = rootId;
        while (at != null && byId.containsKey(at)) {
            chain.add(byId.get(at));
            String parent = at;
            at = byId.entrySet().stream()
                    .filter(e -> parent.equals(e.getValue().path("reply").path("in_reply_to_tweet_id").asText(null)))
                    .map(Map.Entry::getKey).min(java.util.Comparator.comparingLong(Long::parseLong)).orElse(null);
        }
        return chain;
    }

    /** The alt text set through the media metadata endpoint, or null. */
    public String altText(String mediaId) {
        return uploads.get(mediaId).altText;
    }

    /** The media_category an upload was initialized with. */
    public String category(String mediaId) {
        return uploads.get(mediaId).category;
    }

    /** How many uploads were initialized. */
    public int uploadsStarted() {
        return uploads.size();
    }

    /** The bytes X assembled for an uploaded media id. */
    public byte[] uploadedBytes(String mediaId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        uploads.get(mediaId).segments.values().forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** Opens the authorize URL as the user's browser would, approves, and reads the redirect back to AIL. */
    public Callback approve(URI authorizeUrl) {
        return callback(consent(authorizeUrl, "X"));
    }

    // ---- routing ----

    @Override
    protected Answer badJson(Received request) {
        return invalid("Request body is not valid JSON");
    }

    /** Every API answer but a 429 carries x-rate-limit-* headers; a body is JSON unless it says otherwise. */
    @Override
    protected Answer finish(Received request, Answer answer) {
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        String path = request.path();
        if (path.startsWith("/2/") && !path.startsWith("/2/oauth2/") && answer.status() != 429) {
            headers.put("x-rate-limit-limit", "100");
            headers.put("x-rate-limit-remaining", "99");
            headers.put("x-rate-limit-reset", Long.toString(Instant.now().plusSeconds(900).getEpochSecond()));
        }
        headers.putIfAbsent("Content-Type", "application/json; charset=utf-8");
        return new Answer(answer.status(), headers, answer.body());
    }

    @Override
    protected Answer route(Received request) {
        String method = request.method();
        String path = request.path();
        if (method.equals("GET") && path.equals("/i/oauth2/authorize")) {
            return authorize(parseForm(request.query()));
        }
        if (method.equals("POST") && path.equals("/2/oauth2/token")) {
            return token(request);
        }
        if (method.equals("POST") && path.equals("/2/oauth2/revoke")) {
            return revoke(request);
        }
        if (!path.startsWith("/2/")) {
            return problem(404, "Not Found Error", "Not found: " + path, "https://api.x.com/2/problems/resource-not-found");
        }
        Token token = bearer(request);
        if (token == null) {
            return problem(401, "Unauthorized", "Unauthorized", "about:blank");
        }
        if (method.equals("GET") && path.equals("/2/users/me")) {
            return me(token);
        }
        if (method.equals("POST") && path.equals("/2/tweets")) {
            return tweet(token, request);
        }
        if (path.equals("/2/media/metadata")) {
            if (!token.scope().contains("media.write")) {
                return forbidden("media.write");
            }
            return method.equals("POST") ? metadata(request) : problem(404, "Not Found Error", "Not found", "about:blank");
        }
        if (path.startsWith("/2/media/upload")) {
            if (!token.scope().contains("media.write")) {
                return forbidden("media.write");
            }
            return media(method, path, request);
        }
        return problem(404, "Not Found Error", "Not found: " + method + " " + path, "https://api.x.com/2/problems/resource-not-found");
    }

    // ---- OAuth ----

    private Answer authorize(Map<String, String> q) {
        String error = null;
        if (!"code".equals(q.get("response_type"))) {
            error = "response_type must be code";
        } else if (!CLIENT_ID.equals(q.get("client_id"))) {
            error = "unknown client_id";
        } else if (!REDIRECT_URI.equals(q.get("redirect_uri"))) {
            error = "redirect_uri does not match the app's callback URL";
        } else if (q.get("scope") == null || !Set.of(ALL_SCOPES.split(" ")).containsAll(List.of(q.get("scope").split(" ")))) {
            error = "invalid scope";
        } else if (q.get("state") == null || q.get("state").length() > 500) {
            error = "state is required and at most 500 characters";
        } else if (q.get("code_challenge") == null || !"S256".equals(q.get("code_challenge_method"))) {
            error = "PKCE is required (code_challenge with code_challenge_method S256)";
        }
        if (error != null) {
            return new Answer(400, Map.of("Content-Type", "text/html"), "<html>Something went wrong: " + error + "</html>");
        }
        String code = "x-code-" + ids.incrementAndGet();
        codes.put(code, new Code(q.get("code_challenge"), q.get("redirect_uri"), q.get("scope"), Instant.now()));
        return new Answer(302, Map.of("Location", q.get("redirect_uri") + "?state=" + enc(q.get("state")) + "&code=" + code), null);
    }

    private Answer token(Received request) {
        if (!basicAuthOk(request)) {
            return oauthError(401, "unauthorized_client", "Missing valid authorization header");
        }
        String type = request.header("Content-Type");
        if (type == null || !type.startsWith("application/x-www-form-urlencoded")) {
            return oauthError(400, "invalid_request", "Missing required parameter [grant_type].");
        }
        Map<String, String> form = request.form();
        String grant = form.get("grant_type");
        if ("authorization_code".equals(grant)) {
            Code code = codes.remove(form.getOrDefault("code", ""));
            if (code == null || code.issuedAt().isBefore(Instant.now().minusSeconds(30))) {
                return oauthError(400, "invalid_request", "Value passed for the authorization code was invalid.");
            }
            if (!code.redirectUri().equals(form.get("redirect_uri"))) {
                return oauthError(400, "invalid_request", "Value passed for the redirect uri did not match the uri of the authorization code.");
            }
            if (form.get("code_verifier") == null || !s256(form.get("code_verifier")).equals(code.challenge())) {
                return oauthError(400, "invalid_request", "Value passed for the code verifier did not match the code challenge.");
            }
            return tokens(code.scope());
        }
        if ("refresh_token".equals(grant)) {
            String presented = form.getOrDefault("refresh_token", "");
            String scope = refreshTokens.remove(presented);
            if (scope == null) {
                return oauthError(400, "invalid_request", "Value passed for the token was invalid.");
            }
            return tokens(scope);
        }
        return oauthError(400, "invalid_request", "Missing required parameter [grant_type].");
    }

    private Answer tokens(String scope) {
        Issued issued = issue(scope);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "bearer");
        body.put("expires_in", 7200);
        body.put("access_token", issued.accessToken());
        body.put("scope", scope);
        if (issued.refreshToken() != null) {
            body.put("refresh_token", issued.refreshToken());
        }
        return json(200, body);
    }

    private Answer revoke(Received request) {
        if (!basicAuthOk(request)) {
            return oauthError(401, "unauthorized_client", "Missing valid authorization header");
        }
        String token = request.form().get("token");
        if (token == null) {
            return oauthError(400, "invalid_request", "Missing required parameter [token].");
        }
        accessTokens.remove(token);
        refreshTokens.remove(token);
        return json(200, Map.of("revoked", true));
    }

    private boolean basicAuthOk(Received request) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        return expected.equals(request.header("Authorization"));
    }

    private Token bearer(Received request) {
        String bearer = request.bearer();
        if (bearer == null) {
            return null;
        }
        Token token = accessTokens.get(bearer);
        return token != null && token.expiresAt().isAfter(Instant.now()) ? token : null;
    }

    // ---- API ----

    private Answer me(Token token) {
        if (!token.scope().contains("users.read") || !token.scope().contains("tweet.read")) {
            return forbidden("users.read");
        }
        return json(200, Map.of("data", Map.of("id", USER_ID, "name", "AIL Team", "username", USERNAME,
                "profile_image_url", "https://pbs.twimg.com/profile_images/1/ail_normal.png")));
    }

    private Answer tweet(Token token, Received request) {
        if (!token.scope().contains("tweet.write")) {
            return forbidden("tweet.write");
        }
        String type = request.header("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            return problem(415, "Unsupported Media Type", "Content-Type must be application/json", "about:blank");
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(request.body());
        } catch (IOException e) {
            return invalid("Request body is not valid JSON");
        }
        JsonNode mediaIds = body.path("media").path("media_ids");
        if (!body.path("text").isTextual() && mediaIds.isMissingNode()) {
            return invalid("$.text: is missing but it is required");
        }
        if (!mediaIds.isMissingNode()) {
            if (!mediaIds.isArray() || mediaIds.isEmpty() || mediaIds.size() > 4) {
                return invalid("$.media.media_ids: must have between 1 and 4 items");
            }
            for (JsonNode id : mediaIds) {
                Upload upload = uploads.get(id.asText());
                if (!id.isTextual() || !id.asText().matches("[0-9]{1,19}") || upload == null || !upload.finalized
                        || !(upload.processing == Processing.NONE || (upload.processing == Processing.SUCCEEDS && upload.polls >= 2))) {
                    return invalid("Your media IDs are invalid.");
                }
            }
        }
        JsonNode reply = body.path("reply");
        if (!reply.isMissingNode()) {
            java.util.Iterator<String> fields = reply.fieldNames();
            while (fields.hasNext()) {
                String field = fields.next();
                if (!field.equals("in_reply_to_tweet_id") && !field.equals("exclude_reply_user_ids")) {
                    return invalid("$.reply." + field + ": is not defined in the schema and the schema does not allow additional properties");
                }
            }
            JsonNode to = reply.path("in_reply_to_tweet_id");
            if (!to.isTextual() || !to.asText().matches("[0-9]{1,19}")) {
                return invalid("$.reply.in_reply_to_tweet_id: does not match the regex pattern ^[0-9]{1,19}$");
            }
            if (!byId.containsKey(to.asText())) {
                return problem(403, "Forbidden", "You attempted to reply to a Tweet that is deleted or not visible to you.", "about:blank");
            }
        }
        String text = body.path("text").asText("");
        if (text.isEmpty() && mediaIds.isMissingNode()) {
            return invalid("$.text: must not be empty when there is no media");
        }
        if (com.twitter.twittertext.TwitterTextParser.parseTweet(text).weightedLength > 280) {
            return problem(403, "Forbidden", "Your Post text is too long.", "about:blank");
        }
        if (!text.isEmpty() && posts.stream().anyMatch(p -> p.path("text").asText("").equals(text))) {
            return problem(403, "Forbidden", "You are not allowed to create a Tweet with duplicate content.", "about:blank");
        }
        posts.add(body);
        String id = Long.toString(ids.incrementAndGet());
        byId.put(id, body);
        return json(201, Map.of("data", Map.of("id", id, "text", text, "edit_history_post_ids", List.of(id))));
    }

    private Answer media(String method, String path, Received request) {
        String[] parts = path.split("/"); // "", "2", "media", "upload", id, action
        if (method.equals("POST") && path.equals("/2/media/upload/initialize")) {
            return initialize(request);
        }
        if (method.equals("GET") && path.equals("/2/media/upload")) {
            return status(parseForm(request.query()));
        }
        if (method.equals("POST") && parts.length == 6) {
            Upload upload = uploads.get(parts[4]);
            if (upload == null) {
                return invalid("Media id " + parts[4] + " does not exist");
            }
            if (parts[5].equals("append")) {
                return append(upload, request);
            }
            if (parts[5].equals("finalize")) {
                return finalizeUpload(parts[4], upload);
            }
        }
        return problem(404, "Not Found Error", "Not found: " + path, "https://api.x.com/2/problems/resource-not-found");
    }

    /** POST /2/media/metadata: {"id", "metadata": {"alt_text": {"text"}}}, for media that was uploaded. */
    private Answer metadata(Received request) {
        String type = request.header("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            return problem(415, "Unsupported Media Type", "Content-Type must be application/json", "about:blank");
        }
        JsonNode body = request.json();
        Upload upload = uploads.get(body.path("id").asText(""));
        if (upload == null || !upload.finalized) {
            return invalid("$.id: the media must be uploaded and finalized");
        }
        JsonNode alt = body.path("metadata").path("alt_text").path("text");
        if (!alt.isTextual() || alt.asText().isEmpty() || alt.asText().codePointCount(0, alt.asText().length()) > 1000) {
            return invalid("$.metadata.alt_text.text: must be 1 to 1000 characters");
        }
        upload.altText = alt.asText();
        return json(200, Map.of("data", Map.of("id", body.path("id").asText(),
                "associated_metadata", Map.of("alt_text", Map.of("text", alt.asText())))));
    }

    private Answer initialize(Received request) {
        String type = request.header("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            return problem(415, "Unsupported Media Type", "Content-Type must be application/json", "about:blank");
        }
        JsonNode body = request.json();
        String category = body.path("media_category").asText("");
        if (!body.path("media_type").isTextual() || !body.path("total_bytes").canConvertToLong() || body.path("total_bytes").asLong() <= 0) {
            return invalid("media_type and total_bytes are required");
        }
        if (!Set.of("tweet_image", "tweet_gif", "tweet_video").contains(category)) {
            return invalid("media_category must be one of tweet_image, tweet_gif, tweet_video");
        }
        String id = Long.toString(ids.incrementAndGet());
        uploads.put(id, new Upload(category, body.path("total_bytes").asLong()));
        return json(200, Map.of("data", Map.of("id", id, "media_key", "3_" + id, "expires_after_secs", 86400)));
    }

    private Answer append(Upload upload, Received request) {
        String type = request.header("Content-Type");
        if (type == null || !type.startsWith("multipart/form-data; boundary=")) {
            return invalid("append takes multipart/form-data");
        }
        Map<String, byte[]> fields = parseMultipart(request.body(), type.substring(type.indexOf("boundary=") + 9));
        if (upload.finalized) {
            return invalid("Media is already finalized");
        }
        if (!fields.containsKey("media") || !fields.containsKey("segment_index")) {
            return invalid("media and segment_index are required");
        }
        int segment;
        try {
            segment = Integer.parseInt(new String(fields.get("segment_index"), StandardCharsets.UTF_8));
        } catch (NumberFormatException e) {
            return invalid("segment_index must be a number");
        }
        if (segment < 0 || segment > 999) {
            return invalid("segment_index must be between 0 and 999");
        }
        if (segment != upload.segments.size()) {
            return invalid("segment_index " + segment + " is out of order; expected " + upload.segments.size());
        }
        if (upload.appended + fields.get("media").length > upload.totalBytes) {
            return invalid("Appended bytes exceed total_bytes " + upload.totalBytes);
        }
        upload.appended += fields.get("media").length;
        upload.segments.put(segment, fields.get("media"));
        return json(200, Map.of("data", Map.of("expires_at", Instant.now().plusSeconds(86400).getEpochSecond())));
    }

    private Answer finalizeUpload(String id, Upload upload) {
        if (upload.finalized) {
            return invalid("Media " + id + " is already finalized");
        }
        long size = upload.segments.values().stream().mapToLong(b -> b.length).sum();
        if (size != upload.totalBytes) {
            return invalid("File size mismatch: received " + size + " of " + upload.totalBytes + " bytes");
        }
        upload.finalized = true;
        upload.processing = upload.category.equals("tweet_image") ? imageProcessing : videoProcessing;
        Map<String, Object> data = new LinkedHashMap<>(Map.of("id", id, "media_key", "3_" + id, "size", size, "expires_after_secs", 86400));
        if (upload.processing != Processing.NONE) {
            data.put("processing_info", Map.of("state", "pending", "check_after_secs", checkAfterSecs, "progress_percent", 0));
        }
        return json(200, Map.of("data", data));
    }

    private Answer status(Map<String, String> q) {
        Upload upload = uploads.get(q.getOrDefault("media_id", ""));
        if (!"STATUS".equals(q.get("command")) || upload == null || !upload.finalized) {
            return invalid("command=STATUS and the media_id of a finalized upload are required");
        }
        upload.polls++;
        Map<String, Object> info = new LinkedHashMap<>();
        switch (upload.processing) {
            case NONE -> { }
            case STAYS_PENDING -> info.putAll(Map.of("state", "pending", "check_after_secs", checkAfterSecs, "progress_percent", 0));
            case SUCCEEDS -> info.putAll(upload.polls >= 2 ? Map.of("state", "succeeded", "progress_percent", 100)
                    : Map.of("state", "in_progress", "check_after_secs", checkAfterSecs, "progress_percent", 50));
            case FAILS -> info.putAll(upload.polls >= 2 ? Map.of("state", "failed", "progress_percent", 50,
                    "error", Map.of("code", 1, "name", "InvalidMedia", "message", "Unsupported video format"))
                    : Map.of("state", "in_progress", "check_after_secs", checkAfterSecs, "progress_percent", 50));
        }
        Map<String, Object> data = new LinkedHashMap<>(Map.of("id", q.get("media_id"), "media_key", "3_" + q.get("media_id")));
        if (!info.isEmpty()) {
            data.put("processing_info", info);
        }
        return json(200, Map.of("data", data));
    }

    // ---- answers and parsing ----

    private static Answer json(int status, Object value) {
        return Answer.json(status, null, value);
    }

    private static Answer tooManyRequests(Map<String, String> headers) {
        return new Answer(429, headers, problem(429, "Too Many Requests", "Too Many Requests", "about:blank").body());
    }

    private static Answer problem(int status, String title, String detail, String type) {
        return json(status, Map.of("title", title, "detail", detail, "type", type, "status", status));
    }

    private static Answer invalid(String message) {
        return json(400, Map.of("errors", List.of(Map.of("message", message)), "title", "Invalid Request",
                "detail", "One or more parameters to your request was invalid.",
                "type", "https://api.x.com/2/problems/invalid-request"));
    }

    private static Answer forbidden(String scope) {
        return problem(403, "Forbidden", "Your token lacks the " + scope + " scope.", "https://api.x.com/2/problems/client-forbidden");
    }

    private static Answer oauthError(int status, String error, String description) {
        return json(status, Map.of("error", error, "error_description", description));
    }

    /** The PKCE S256 challenge for a verifier. */
    public static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Part name to bytes. Works on ISO-8859-1 text so every byte maps to one char and back unchanged. */
    static Map<String, byte[]> parseMultipart(byte[] body, String boundary) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.ISO_8859_1);
        List<String> chunks = new ArrayList<>(List.of(text.split("--" + java.util.regex.Pattern.quote(boundary))));
        for (String chunk : chunks) {
            int split = chunk.indexOf("\r\n\r\n");
            if (split < 0 || !chunk.startsWith("\r\n")) {
                continue;
            }
            String headers = chunk.substring(0, split);
            int nameAt = headers.indexOf("name=\"");
            if (nameAt < 0) {
                continue;
            }
            String name = headers.substring(nameAt + 6, headers.indexOf('"', nameAt + 6));
            String content = chunk.substring(split + 4, chunk.length() - 2); // drop the CRLF before the next boundary
            parts.put(name, content.getBytes(StandardCharsets.ISO_8859_1));
        }
        return parts;
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
