package com.ailsocialautomation.fakes;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Google's OAuth endpoints and the YouTube Data API v3 on 127.0.0.1, strict where Google's docs say what they do:
 * the consent page checks client, exact redirect URI, response type, scopes and S256; the token endpoint takes the
 * client's secret in the form, codes once and within ten minutes with the verifier behind the challenge and the same
 * redirect URI, gives a refresh token only for offline access (a second consent without prompt=consent gives none),
 * never rotates it, and answers invalid_grant once Google revoked it; access tokens last 3599 s. channels.list needs
 * youtube.readonly; videos.insert opens resumable sessions only with youtube.upload, a JSON video resource, the
 * upload's length and type, and counts against a daily quota (quotaExceeded past it). Sessions take chunks in order,
 * each but the last a multiple of 256 KiB with a Content-Range that matches the body, answer 308 with Range, and the
 * video when complete; {@code bytes *}{@code /total} asks where they stand. Tests can drop a chunk mid-way (part of it
 * kept, no answer), fail one with 503 or 429, use up the quota, or revoke a grant. Every request is recorded.
 */
public final class FakeYouTube extends LoopbackApi {
    public static final String CLIENT_ID = "fake-youtube-client.apps.googleusercontent.com";
    public static final String CLIENT_SECRET = "fake-youtube-client-secret";
    public static final String REDIRECT_URI = "https://ail.example.com/oauth/youtube/callback";
    public static final String UPLOAD = "https://www.googleapis.com/auth/youtube.upload";
    public static final String READONLY = "https://www.googleapis.com/auth/youtube.readonly";
    public static final String CHANNEL_ID = "UCa1LteamXyZ0123456789ab";
    public static final String HANDLE = "@ailteam";
    public static final int QUANTUM = 256 * 1024;
    private static final Set<String> SCOPES = Set.of(UPLOAD, READONLY, "https://www.googleapis.com/auth/youtube");
    private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
    private static final Pattern ASK = Pattern.compile("bytes \\*/(\\d+)");

    /** One uploaded video as YouTube stores it. */
    public record Video(String id, String title, String description, List<String> tags, String privacy, int bytes) {}

    private record Code(String challenge, String redirectUri, String scope, boolean offline, Instant issuedAt) {}

    private record Token(String scope, String refresh, Instant expiresAt) {}

    private static final class Session {
        final JsonNode resource;
        final long total;
        final String type;
        final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        Video video;

        Session(JsonNode resource, long total, String type) {
            this.resource = resource;
            this.total = total;
            this.type = type;
        }
    }

    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Token> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>(); // token -> scope
    private final Set<String> consented = ConcurrentHashMap.newKeySet(); // client ids the person consented to once
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final List<Video> videos = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private final AtomicInteger insertsToday = new AtomicInteger();
    private final AtomicInteger dropChunk = new AtomicInteger(-1);
    private final AtomicInteger chunksSeen = new AtomicInteger();
    private final AtomicInteger failQuestions = new AtomicInteger();
    private final Map<String, Answer> nextChunkAnswer = new ConcurrentHashMap<>();
    private volatile int dailyInserts = 100;
    private volatile int failAfterDrop;
    private volatile boolean hasChannel = true;
    private volatile String grantedScopes;

    private FakeYouTube() {
        super("YouTube");
    }

    /** Serves the consent page, the token endpoint and the API on {@link #url()}. */
    public static FakeYouTube start() {
        return serve(new FakeYouTube());
    }

    // ---- test controls ----

    /** Opens the authorize URL as the person's browser would, consents, and reads the redirect back to AIL. */
    public Callback approve(URI authorizeUrl) {
        return callback(consent(authorizeUrl, "Google"));
    }

    /** On the consent page the person leaves only these scopes ticked (Google's granular consent). */
    public void grantOnly(String scopes) {
        grantedScopes = scopes;
    }

    /** Tokens as if the person had connected: access (3599 s) and refresh, with both YouTube scopes. */
    public List<String> issue() {
        String refresh = "1//refresh-" + ids.incrementAndGet();
        refreshTokens.put(refresh, UPLOAD + " " + READONLY);
        return List.of(access(UPLOAD + " " + READONLY, refresh), refresh);
    }

    /** Google revokes the grant behind a refresh token (the person removed access, six months unused, testing mode). */
    public void revokeGrant(String refreshToken) {
        refreshTokens.remove(refreshToken);
        accessTokens.values().removeIf(t -> refreshToken.equals(t.refresh()));
    }

    public void expire(String accessToken) {
        accessTokens.computeIfPresent(accessToken, (k, t) -> new Token(t.scope(), t.refresh(), Instant.now().minusSeconds(1)));
    }

    public boolean accessTokenValid(String token) {
        Token t = accessTokens.get(token);
        return t != null && t.expiresAt().isAfter(Instant.now());
    }

    public boolean refreshTokenValid(String token) {
        return refreshTokens.containsKey(token);
    }

    /** The account has no YouTube channel. */
    public void noChannel() {
        hasChannel = false;
    }

    /** How many videos.insert calls the project may make today (Google's default is 100). */
    public void dailyInserts(int limit) {
        dailyInserts = limit;
    }

    /** The videos.insert calls counted today. */
    public int insertsToday() {
        return insertsToday.get();
    }

    /** The {@code n}th chunk (from 1) keeps only its first 256 KiB, then the connection drops without an answer. */
    public void dropChunk(int n) {
        chunksSeen.set(0);
        dropChunk.set(n);
    }

    /** The next {@code n} questions to a session after a dropped chunk get a 503 backendError. */
    public void failQuestionsAfterDrop(int n) {
        failAfterDrop = n;
    }

    /** The next chunk gets a 503 backendError; Google keeps none of its bytes. */
    public void failNextChunk() {
        nextChunkAnswer.put("chunk", error(503, "backendError", "Backend Error"));
    }

    /** The next chunk gets a 429 with Retry-After. */
    public void rateLimitNextChunk(int retryAfterSeconds) {
        nextChunkAnswer.put("chunk", error(429, "rateLimitExceeded", "The request cannot be completed because you have "
                + "exceeded your quota.").with(Map.of("Retry-After", Integer.toString(retryAfterSeconds))));
    }

    /** The bytes YouTube holds of the video with {@code id}. */
    public byte[] bytesOf(String id) {
        return sessions.values().stream().filter(s -> s.video != null && s.video.id().equals(id)).findFirst()
                .orElseThrow().bytes.toByteArray();
    }

    public List<Video> videos() {
        return List.copyOf(videos);
    }

    /** The bytes of every chunk PUT that carried some, in order, as "first-last/total". */
    public List<String> chunkRanges() {
        List<String> out = new ArrayList<>();
        received().stream().filter(r -> r.method().equals("PUT") && r.body().length > 0)
                .forEach(r -> out.add(r.header("Content-Range").substring("bytes ".length())));
        return out;
    }

    /** Questions to a session: PUTs with {@code bytes *}{@code /total} and no body. */
    public int sessionQuestions() {
        return (int) received().stream().filter(r -> r.method().equals("PUT") && r.body().length == 0).count();
    }

    // ---- routing ----

    @Override
    protected Answer badJson(Received request) {
        return error(400, "parseError", "Parse Error");
    }

    @Override
    protected Answer finish(Received request, Answer answer) {
        if (answer.body() == null || answer.headers().containsKey("Content-Type")) {
            return answer;
        }
        return answer.with(Map.of("Content-Type", "application/json; charset=UTF-8"));
    }

    @Override
    protected Answer route(Received request) {
        String method = request.method();
        String path = request.path();
        if (method.equals("GET") && path.equals("/o/oauth2/v2/auth")) {
            return authorize(parseForm(request.query()));
        }
        if (method.equals("POST") && path.equals("/token")) {
            return token(request);
        }
        if (method.equals("POST") && path.equals("/revoke")) {
            return revoke(request);
        }
        Token token = accessTokens.get(request.bearer() == null ? "" : request.bearer());
        if (token == null || token.expiresAt().isBefore(Instant.now())) {
            return error(401, "authError", "Request had invalid authentication credentials. Expected OAuth 2 access token, "
                    + "login cookie or other valid authentication credential.");
        }
        if (method.equals("GET") && path.equals("/youtube/v3/channels")) {
            return channels(token, parseForm(request.query()));
        }
        if (path.equals("/upload/youtube/v3/videos")) {
            Map<String, String> q = parseForm(request.query());
            if (!"resumable".equals(q.get("uploadType"))) {
                return error(400, "invalidParameter", "uploadType must be resumable here");
            }
            if (method.equals("POST")) {
                return insert(token, request, q);
            }
            if (method.equals("PUT")) {
                return chunk(request, q);
            }
        }
        return error(404, "notFound", "Not Found: " + method + " " + path);
    }

    // ---- OAuth ----

    private Answer authorize(Map<String, String> q) {
        String error = null;
        if (!CLIENT_ID.equals(q.get("client_id"))) {
            error = "invalid_client: The OAuth client was not found.";
        } else if (!REDIRECT_URI.equals(q.get("redirect_uri"))) {
            error = "redirect_uri_mismatch";
        } else if (!"code".equals(q.get("response_type"))) {
            error = "unsupported_response_type";
        } else if (q.get("scope") == null || !SCOPES.containsAll(List.of(q.get("scope").split(" ")))) {
            error = "invalid_scope";
        } else if (q.get("code_challenge") != null && !"S256".equals(q.get("code_challenge_method"))) {
            error = "invalid_request: code_challenge_method";
        } else if (q.get("include_granted_scopes") != null) {
            error = "AIL asked for earlier grants too (include_granted_scopes): tokens would carry more than it needs";
        }
        if (error != null) {
            return new Answer(400, Map.of("Content-Type", "text/html"), "<html>Error 400: " + error + "</html>");
        }
        String granted = grantedScopes != null ? grantedScopes : q.get("scope");
        // Google sends a refresh token only for offline access, and again only when consent is asked for anew.
        boolean offline = "offline".equals(q.get("access_type"))
                && (consented.add(q.get("client_id")) || "consent".equals(q.get("prompt")));
        String code = "4/0A-code-" + ids.incrementAndGet();
        codes.put(code, new Code(q.get("code_challenge"), q.get("redirect_uri"), granted, offline, Instant.now()));
        return new Answer(302, Map.of("Location", q.get("redirect_uri") + "?state=" + enc(q.get("state")) + "&code="
                + enc(code) + "&scope=" + enc(granted)), null);
    }

    private Answer token(Received request) {
        String type = request.header("Content-Type");
        if (type == null || !type.startsWith("application/x-www-form-urlencoded")) {
            return oauthError(400, "invalid_request", "Invalid content type");
        }
        Map<String, String> form = request.form();
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            return oauthError(401, "invalid_client", "Unauthorized");
        }
        String grant = form.get("grant_type");
        if ("authorization_code".equals(grant)) {
            Code code = codes.remove(form.getOrDefault("code", ""));
            if (code == null || code.issuedAt().isBefore(Instant.now().minus(Duration.ofMinutes(10)))) {
                return oauthError(400, "invalid_grant", "Malformed auth code.");
            }
            if (!code.redirectUri().equals(form.get("redirect_uri"))) {
                return oauthError(400, "redirect_uri_mismatch", "Bad Request");
            }
            if (code.challenge() != null && form.get("code_verifier") == null) {
                return oauthError(400, "invalid_grant", "Missing code verifier.");
            }
            if (code.challenge() != null && !FakeX.s256(form.get("code_verifier")).equals(code.challenge())) {
                return oauthError(400, "invalid_grant", "Invalid code verifier.");
            }
            String refresh = null;
            if (code.offline()) {
                refresh = "1//refresh-" + ids.incrementAndGet();
                refreshTokens.put(refresh, code.scope());
            }
            return tokens(code.scope(), refresh, true);
        }
        if ("refresh_token".equals(grant)) {
            String presented = form.getOrDefault("refresh_token", "");
            String scope = refreshTokens.get(presented);
            if (scope == null) {
                return oauthError(400, "invalid_grant", "Token has been expired or revoked.");
            }
            return tokens(scope, presented, false); // Google keeps the refresh token: none in the answer
        }
        return oauthError(400, "unsupported_grant_type", "Invalid grant_type: " + grant);
    }

    private Answer tokens(String scope, String refresh, boolean withRefresh) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", access(scope, refresh));
        body.put("expires_in", 3599);
        body.put("scope", scope);
        body.put("token_type", "Bearer");
        if (withRefresh && refresh != null) {
            body.put("refresh_token", refresh);
        }
        return Answer.json(200, "application/json; charset=utf-8", body);
    }

    private String access(String scope, String refresh) {
        String access = "ya29.fake-" + ids.incrementAndGet();
        accessTokens.put(access, new Token(scope, refresh, Instant.now().plusSeconds(3599)));
        return access;
    }

    /** Revoking a refresh token ends its access tokens too; an unknown token is Google's invalid_token. */
    private Answer revoke(Received request) {
        String type = request.header("Content-Type");
        if (type == null || !type.startsWith("application/x-www-form-urlencoded")) {
            return oauthError(400, "invalid_request", "Invalid content type");
        }
        String token = request.form().getOrDefault("token", "");
        if (refreshTokens.containsKey(token)) {
            revokeGrant(token);
            return Answer.json(200, "application/json; charset=utf-8", Map.of());
        }
        if (accessTokens.remove(token) != null) {
            return Answer.json(200, "application/json; charset=utf-8", Map.of());
        }
        return oauthError(400, "invalid_token", "Token expired or revoked");
    }

    // ---- API ----

    private Answer channels(Token token, Map<String, String> q) {
        if (!token.scope().contains(READONLY) && !Set.of(token.scope().split(" ")).contains("https://www.googleapis.com/auth/youtube")) {
            return error(403, "insufficientPermissions", "Request had insufficient authentication scopes.");
        }
        if (!"snippet".equals(q.get("part")) || !"true".equals(q.get("mine"))) {
            return error(400, "invalidParameter", "AIL reads its own channel with part=snippet&mine=true");
        }
        List<Object> items = new ArrayList<>();
        if (hasChannel) {
            items.add(Map.of("kind", "youtube#channel", "id", CHANNEL_ID, "snippet", Map.of("title", "AIL Team",
                    "customUrl", HANDLE, "thumbnails", Map.of("default", Map.of("url", "https://yt3.ggpht.com/ail=s88")))));
        }
        return Answer.json(200, null, Map.of("kind", "youtube#channelListResponse", "items", items,
                "pageInfo", Map.of("totalResults", items.size(), "resultsPerPage", 5)));
    }

    private Answer insert(Token token, Received request, Map<String, String> q) {
        if (!Set.of(token.scope().split(" ")).contains(UPLOAD)) {
            return error(403, "insufficientPermissions", "Request had insufficient authentication scopes.");
        }
        if (q.get("part") == null || !Set.of(q.get("part").split(",")).containsAll(Set.of("snippet", "status"))) {
            return error(400, "invalidPart", "AIL sets snippet and status: part must name both");
        }
        String type = request.header("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            return error(400, "badContent", "The video resource must be JSON");
        }
        String length = request.header("X-Upload-Content-Length");
        String uploadType = request.header("X-Upload-Content-Type");
        if (length == null || !length.matches("\\d+") || Long.parseLong(length) == 0) {
            return error(400, "invalidValue", "X-Upload-Content-Length is required");
        }
        if (uploadType == null || !(uploadType.startsWith("video/") || uploadType.equals("application/octet-stream"))) {
            return error(400, "invalidValue", "X-Upload-Content-Type must be video/* or application/octet-stream");
        }
        JsonNode video = request.json();
        String title = video.path("snippet").path("title").asText("");
        String description = video.path("snippet").path("description").asText("");
        if (title.isBlank() || title.codePointCount(0, title.length()) > 100 || title.matches("(?s).*[<>].*")) {
            return error(400, "invalidTitle", "The request metadata specifies an invalid video title.");
        }
        if (description.getBytes(StandardCharsets.UTF_8).length > 5000 || description.matches("(?s).*[<>].*")) {
            return error(400, "invalidDescription", "The request metadata specifies an invalid video description.");
        }
        int tagCharacters = 0;
        for (JsonNode tag : video.path("snippet").path("tags")) {
            tagCharacters += tag.asText().length() + (tag.asText().contains(" ") ? 2 : 0) + 1; // quoted when spaced, commas
        }
        if (tagCharacters > 501) {
            return error(400, "invalidTags", "The request metadata specifies invalid video keywords.");
        }
        if (!Set.of("public", "unlisted", "private").contains(video.path("status").path("privacyStatus").asText())) {
            return error(400, "invalidPrivacyStatus", "The request metadata specifies an invalid privacy status.");
        }
        if (insertsToday.incrementAndGet() > dailyInserts) {
            return Answer.json(403, null, Map.of("error", Map.of("code", 403, "message", "The request cannot be completed "
                    + "because you have exceeded your <a href=\"/youtube/v3/getting-started#quota\">quota</a>.",
                    "errors", List.of(Map.of("message", "quota exceeded", "domain", "youtube.quota", "reason", "quotaExceeded")))));
        }
        String uploadId = "AEnB2U-" + ids.incrementAndGet();
        sessions.put(uploadId, new Session(video, Long.parseLong(length), uploadType));
        return new Answer(200, Map.of("Location", url() + "/upload/youtube/v3/videos?uploadType=resumable&upload_id=" + uploadId), null);
    }

    private Answer chunk(Received request, Map<String, String> q) {
        Session session = sessions.get(q.getOrDefault("upload_id", ""));
        if (session == null) {
            return error(404, "notFound", "The upload session was not found or has expired.");
        }
        String range = request.header("Content-Range");
        if (range == null) {
            return error(400, "badRequest", "Content-Range is required");
        }
        synchronized (session) {
            Matcher ask = ASK.matcher(range);
            if (ask.matches() && request.body().length == 0) {
                if (failQuestions.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    return error(503, "backendError", "Backend Error");
                }
                if (Long.parseLong(ask.group(1)) != session.total) {
                    return error(400, "badRequest", "The total in Content-Range does not match X-Upload-Content-Length");
                }
                return standing(session);
            }
            Matcher m = RANGE.matcher(range);
            if (!m.matches()) {
                return error(400, "badRequest", "Content-Range must be bytes first-last/total");
            }
            long first = Long.parseLong(m.group(1));
            long last = Long.parseLong(m.group(2));
            long total = Long.parseLong(m.group(3));
            int held = session.bytes.size();
            if (session.video != null) {
                return standing(session);
            }
            if (total != session.total || last >= total || last - first + 1 != request.body().length) {
                return error(400, "badRequest", "Content-Range does not match the body or the upload's length");
            }
            if (first != held) {
                return error(400, "badRequest", "The chunk starts at byte " + first + " but the session holds " + held);
            }
            if (last + 1 < total && request.body().length % QUANTUM != 0) {
                return error(400, "badRequest", "Every chunk but the last must be a multiple of 262144 bytes");
            }
            Answer planned = nextChunkAnswer.remove("chunk");
            if (planned != null) {
                return planned;
            }
            if (chunksSeen.incrementAndGet() == dropChunk.get()) {
                session.bytes.write(request.body(), 0, Math.min(QUANTUM, request.body().length));
                failQuestions.set(failAfterDrop);
                return Answer.dropped();
            }
            session.bytes.write(request.body(), 0, request.body().length);
            if (session.bytes.size() == session.total) {
                JsonNode r = session.resource;
                List<String> tags = new ArrayList<>();
                r.path("snippet").path("tags").forEach(t -> tags.add(t.asText()));
                session.video = new Video(videoId(), r.path("snippet").path("title").asText(),
                        r.path("snippet").path("description").asText(), tags, r.path("status").path("privacyStatus").asText(),
                        session.bytes.size());
                videos.add(session.video);
            }
            return standing(session);
        }
    }

    /** 308 with what the session holds, or the video once it is complete. */
    private Answer standing(Session session) {
        if (session.video != null) {
            Video v = session.video;
            return Answer.json(200, null, Map.of("kind", "youtube#video", "id", v.id(),
                    "snippet", Map.of("title", v.title(), "description", v.description(), "channelId", CHANNEL_ID),
                    "status", Map.of("uploadStatus", "uploaded", "privacyStatus", v.privacy())));
        }
        int held = session.bytes.size();
        return new Answer(308, held == 0 ? Map.of() : Map.of("Range", "bytes=0-" + (held - 1)), null);
    }

    private String videoId() {
        String base = Long.toString(ids.incrementAndGet(), 36);
        return ("dQw4w9WgXcQ" + base).substring(base.length());
    }

    private static Answer error(int code, String reason, String message) {
        return Answer.json(code, null, Map.of("error", Map.of("code", code, "message", message,
                "errors", List.of(Map.of("message", message, "domain", "youtube", "reason", reason)))));
    }

    private static Answer oauthError(int status, String error, String description) {
        return Answer.json(status, "application/json; charset=utf-8", Map.of("error", error, "error_description", description));
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
