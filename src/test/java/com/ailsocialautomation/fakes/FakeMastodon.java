package com.ailsocialautomation.fakes;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Mastodon instance on 127.0.0.1, as strict as the real one where platforms.md says what it does: apps registered
 * with {@code POST /api/v1/apps} and checked by client id and secret, the exact registered redirect URI, scopes
 * within the app's, PKCE S256 verified against the challenge, single-use codes, bearer tokens that live until
 * revoked, scopes per endpoint, form or JSON for statuses and multipart with a typed file part for media, the
 * instance's own character limit, the Idempotency-Key (the same key from the same account gives the same status and
 * no duplicate), media processing as a state machine (202, then 206 until ready, 200 or 422), {@code X-RateLimit-*}
 * headers with an ISO-8601 reset, the default limit of 30 media uploads per account in 30 minutes (429 beyond it), and
 * {@code {"error": ...}} bodies. Tests can expire a token, make the next request
 * to a path answer 429 or fail, keep media processing or fail it, deny the authorization, or slow every answer. It can
 * also play a server older than 4.3 that refuses the {@code profile} scope. It records every request it receives.
 */
public final class FakeMastodon extends LoopbackApi {
    public static final Set<String> KNOWN_SCOPES = Set.of("read", "write", "profile", "read:accounts", "write:statuses", "write:media");

    /** How uploaded media is processed: at once (200), after two polls, failing after a poll, or never finishing. */
    public enum Processing { IMMEDIATE, AFTER_POLLS, FAILS, NEVER }

    /** A registered app. */
    public record App(String clientId, String clientSecret, String redirectUri, Set<String> scopes) {}

    /** A person on this instance. */
    public record User(String id, String username, String displayName) {}

    record Code(App app, String redirectUri, String challenge, Set<String> scopes, User user, Instant issuedAt) {}

    record Token(App app, Set<String> scopes, User user) {}

    record Remembered(String status, Instant at) {}

    static final class Upload {
        final User owner;
        final Processing processing;
        final String mimeType;
        final byte[] bytes;
        final String description;
        int polls;

        Upload(User owner, Processing processing, String mimeType, byte[] bytes, String description) {
            this.owner = owner;
            this.processing = processing;
            this.mimeType = mimeType;
            this.bytes = bytes;
            this.description = description;
        }

        boolean ready() {
            return processing == Processing.IMMEDIATE || (processing == Processing.AFTER_POLLS && polls >= 2);
        }
    }

    final Map<String, App> apps = new ConcurrentHashMap<>();
    final Map<String, Code> codes = new ConcurrentHashMap<>();
    final Map<String, Token> tokens = new ConcurrentHashMap<>();
    final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    final List<JsonNode> statuses = new CopyOnWriteArrayList<>();
    /** user id + key -> the status JSON and when the key was first used; Mastodon forgets a key after an hour. */
    final Map<String, Remembered> idempotent = new ConcurrentHashMap<>();
    volatile Duration timeShift = Duration.ZERO;
    /** Mastodon's default limit on POST /api/v2/media per account: 30 in 30 minutes. */
    static final int MEDIA_LIMIT = 30;
    static final Duration MEDIA_WINDOW = Duration.ofMinutes(30);
    /** user id -> when each of their uploads was taken, within the last window. */
    final Map<String, java.util.Deque<Instant>> mediaUploadsAt = new ConcurrentHashMap<>();
    final Map<String, Duration> slowOnce = new ConcurrentHashMap<>();
    final AtomicLong ids = new AtomicLong(109_300_000_000_000_000L);
    volatile User user = new User("109300000000000001", "ana", "Ana Example");
    volatile int maxCharacters = 500;
    volatile boolean instanceV2 = true;
    volatile boolean before43;
    volatile boolean denyNext;
    volatile Processing processing = Processing.IMMEDIATE;
    private final FakeMastodonApi api = new FakeMastodonApi(this);

    private FakeMastodon() {
        super("Mastodon");
    }

    /** The instance is at {@link #url()}, as a person would name it with AIL_INSECURE_LOOPBACK on. */
    public static FakeMastodon start() {
        return serve(new FakeMastodon());
    }

    // ---- test controls ----

    /** Registers an app and issues a token for the current user, as if they had connected. */
    public String issue(String redirectUri, String scopes) {
        App app = register(redirectUri, Set.of(scopes.split(" ")));
        String token = "mst-" + ids.incrementAndGet();
        tokens.put(token, new Token(app, app.scopes(), user));
        return token;
    }

    public App appFor(String token) {
        return tokens.get(token).app();
    }

    public void expire(String token) {
        tokens.remove(token);
    }

    /** Every token the instance has issued and not revoked. */
    public List<String> tokens() {
        return List.copyOf(tokens.keySet());
    }

    public boolean tokenValid(String token) {
        return tokens.containsKey(token);
    }

    /** Who approves the next authorization. */
    public void signInAs(User next) {
        user = next;
    }

    public void maxCharacters(int limit) {
        maxCharacters = limit;
    }

    /** Answer /api/v2/instance with 404, as Mastodon before 4.0 does. */
    public void withoutInstanceV2() {
        instanceV2 = false;
    }

    /** Play a server older than 4.3: an app asking for the profile scope is refused. */
    public void before43() {
        before43 = true;
    }

    /** The person presses "Deny" on the next authorize page. */
    public void denyNext() {
        denyNext = true;
    }

    /** The instance's clock moves on by {@code by}: idempotency keys older than an hour are forgotten. */
    public void passTime(Duration by) {
        timeShift = timeShift.plus(by);
    }

    Instant now() {
        return Instant.now().plus(timeShift);
    }

    /** The alt text (description) an upload was given, or null. */
    public String description(String mediaId) {
        return uploads.get(mediaId).description;
    }

    /** The bytes the instance received for an upload. */
    public byte[] uploadedBytes(String mediaId) {
        return uploads.get(mediaId).bytes.clone();
    }

    /** How many media uploads the instance took. */
    public int uploadCount() {
        return uploads.size();
    }

    public void processing(Processing next) {
        processing = next;
    }

    /**
     * The next request to {@code path} is answered only after {@code by}, and is carried out then: a client that gave
     * up waiting does not know that it went through.
     */
    public void slowNext(String path, Duration by) {
        slowOnce.put(path, by);
    }

    /** The next request to {@code path} gets a 429 with X-RateLimit-* headers resetting at {@code reset}. */
    public void rateLimitNext(String path, Instant reset) {
        answerNext(path, new Answer(429, Map.of("X-RateLimit-Limit", "300", "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", reset.toString(), "Content-Type", "application/json; charset=utf-8"),
                "{\"error\":\"Too many requests\"}"));
    }

    /** The next request to {@code path} gets {@code status} with an HTML body, like a proxy in front of a sick server. */
    public void failNext(String path, int status) {
        answerNext(path, new Answer(status, Map.of("Content-Type", "text/html"),
                "<html><body>We're sorry, but something went wrong.</body></html>"));
    }

    public List<App> apps() {
        return List.copyOf(apps.values());
    }

    public List<JsonNode> statuses() {
        return List.copyOf(statuses);
    }

    /**
     * The reply chain that starts at {@code rootId}, as Mastodon's context would show it: the root, then each
     * status's first reply in turn (in_reply_to_id pointing at the one before).
     */
    public List<JsonNode> replyChain(String rootId) {
        List<JsonNode> chain = new java.util.ArrayList<>();
        JsonNode at = FakeMastodonStatuses.find(this, rootId);
        while (at != null) {
            chain.add(at);
            String id = at.path("id").asText();
            at = statuses.stream().filter(st -> id.equals(st.path("in_reply_to_id").asText(null))).findFirst().orElse(null);
        }
        return chain;
    }

    /**
     * Opens the authorize URL as the person's browser would, approves (or denies, after {@link #denyNext()}), and
     * returns where the instance sends the browser back: AIL's callback URL with the code and state.
     */
    public String approve(URI authorizeUrl) {
        return consent(authorizeUrl, "Mastodon");
    }

    // ---- serving ----

    App register(String redirectUri, Set<String> scopes) {
        String n = Long.toString(ids.incrementAndGet());
        App app = new App("client-" + n, "secret-" + Base64.getUrlEncoder().encodeToString(n.getBytes(StandardCharsets.UTF_8)),
                redirectUri, scopes);
        apps.put(app.clientId(), app);
        return app;
    }

    static Answer json(int status, Object value) {
        return Answer.json(status, "application/json; charset=utf-8", value);
    }

    static Answer error(int status, String message) {
        return json(status, Map.of("error", message));
    }

    /** A slowNext(path) outlasts slow(). */
    @Override
    protected Duration delay(Received request) {
        Duration once = slowOnce.remove(request.path());
        return once != null ? once : super.delay(request);
    }

    @Override
    protected Answer route(Received request) {
        return api.route(request);
    }

    @Override
    protected Answer badJson(Received request) {
        return error(400, "Error occurred while parsing request parameters.");
    }

    /** Every API answer carries X-RateLimit-* headers. */
    @Override
    protected Answer finish(Received request, Answer answer) {
        if (!request.path().startsWith("/api/") || answer.headers().containsKey("X-RateLimit-Limit")) {
            return answer;
        }
        return answer.with(Map.of("X-RateLimit-Limit", "300", "X-RateLimit-Remaining", "299",
                "X-RateLimit-Reset", Instant.now().plusSeconds(300).toString()));
    }
}
