package com.ailsocialautomation.fakes;

import com.ailsocialautomation.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.ibm.icu.text.BreakIterator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Bluesky PDS on 127.0.0.1 that speaks the XRPC calls AIL makes, as strict as platforms.md §2 says the real one
 * is: createSession checks the app password (the main password asks for an email code, AuthFactorTokenRequired) and
 * is counted; access JWTs expire (ExpiredToken), a missing bearer is AuthMissing, a refresh JWT is not an access
 * token; refresh JWTs rotate and a used one is refused; createRecord wants JSON and a well-formed
 * app.bsky.feed.post (facets inside the text's UTF-8 bytes, not overlapping; images that were uploaded and are at
 * most 1,000,000 bytes); uploadBlob wants the image's own Content-Type. Tests can make it answer 429 with
 * RateLimit-* headers, expire access tokens, take the account down, or be slow. It records every request.
 */
public final class FakeBluesky implements AutoCloseable {
    public static final String DID = "did:plc:ana4xk2q7m3wz5dfnr6e";
    public static final String HANDLE = "ana.bsky.social";
    public static final String APP_PASSWORD = "abcd-efgh-ijkl-mnop";
    public static final String MAIN_PASSWORD = "correct horse battery staple";
    public static final String DISPLAY_NAME = "Ana Example";
    public static final String AVATAR = "https://cdn.bsky.app/img/avatar/plain/" + DID + "/bafkreiavatar@jpeg";
    static final long MAX_IMAGE_BYTES = 1_000_000;

    /** One request as the fake received it. */
    public record Received(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text(), e);
            }
        }
    }

    private record Token(String did, String scope, Instant expiresAt) {}

    private record Answer(int status, Map<String, String> headers, Object body) {
        static Answer ok(Object body) {
            return new Answer(200, Map.of(), body);
        }

        static Answer error(int status, String error, String message) {
            return new Answer(status, Map.of(), Map.of("error", error, "message", message));
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final SecureRandom random = new SecureRandom();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Token> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Token> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, String> handles = new ConcurrentHashMap<>(Map.of(HANDLE, DID));
    private final Map<String, JsonNode> blobs = new ConcurrentHashMap<>();
    private final List<JsonNode> posts = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, String>> rateLimitOnce = new ConcurrentHashMap<>();
    private final java.util.Set<String> malformedOnce = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sessionsCreated = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong(3_300_000_000L);
    private volatile Duration accessLifetime = Duration.ofMinutes(120);
    private volatile int expiredStatus = 400;
    private volatile String accountStatus = "active";
    private volatile Duration delay = Duration.ZERO;

    private FakeBluesky() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static FakeBluesky start() {
        try {
            return new FakeBluesky();
        } catch (IOException e) {
            throw new IllegalStateException("could not start the fake Bluesky PDS", e);
        }
    }

    /** The PDS URL, as a person would give it after the handle. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    // ---- test controls ----

    /** Another account's handle that resolveHandle knows (for mentions). */
    public FakeBluesky knows(String handle, String did) {
        handles.put(handle, did);
        return this;
    }

    /** How long access JWTs issued from now on live (Bluesky: 120 minutes). */
    public void accessLifetime(Duration lifetime) {
        accessLifetime = lifetime;
    }

    /** Every access token issued so far is expired from now on. */
    public void expireAccessTokens() {
        accessTokens.replaceAll((jwt, t) -> new Token(t.did(), t.scope(), Instant.now().minusSeconds(1)));
    }

    /** The HTTP status that carries ExpiredToken: 400 (older PDS versions) or 401. */
    public void expiredTokenStatus(int status) {
        expiredStatus = status;
    }

    /** takendown, suspended or deactivated: createSession answers AccountTakedown or a non-active status. */
    public void accountStatus(String status) {
        accountStatus = status;
    }

    /** The next request to {@code path} (such as /xrpc/com.atproto.repo.createRecord) gets a 429. */
    public void rateLimitNext(String path, Instant reset) {
        rateLimitOnce.put(path, Map.of("RateLimit-Limit", "5000", "RateLimit-Remaining", "0",
                "RateLimit-Reset", Long.toString(reset.getEpochSecond()), "RateLimit-Policy", "5000;w=3600"));
    }

    /** The next request to {@code path} is carried out but answered 200 with a body that is not JSON. */
    public void malformNext(String path) {
        malformedOnce.add(path);
    }

    public void slow(Duration delay) {
        this.delay = delay;
    }

    public int sessionsCreated() {
        return sessionsCreated.get();
    }

    public boolean refreshTokenValid(String jwt) {
        return refreshTokens.containsKey(jwt);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String method) {
        return received.stream().filter(r -> r.path().equals("/xrpc/" + method)).toList();
    }

    /** The records createRecord stored, in order. */
    public List<JsonNode> posts() {
        return List.copyOf(posts);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- routing ----

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            Received request = new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()), body);
            received.add(request);
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            Answer answer = route(path, request);
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] out = answer.status() == 200 && malformedOnce.remove(path)
                    ? "<html>502 upstream</html>".getBytes(StandardCharsets.UTF_8) : Json.MAPPER.writeValueAsBytes(answer.body());
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(answer.status(), out.length);
            exchange.getResponseBody().write(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            e.printStackTrace(); // a bug in the fake must fail a test, not hang a connection
            exchange.sendResponseHeaders(500, -1);
        } finally {
            exchange.close();
        }
    }

    private Answer route(String path, Received request) {
        Map<String, String> limited = rateLimitOnce.remove(path);
        if (limited != null) {
            return new Answer(429, limited, Map.of("error", "RateLimitExceeded", "message", "Rate Limit Exceeded"));
        }
        String method = path.startsWith("/xrpc/") ? path.substring("/xrpc/".length()) : "";
        boolean post = request.method().equals("POST");
        return switch (method) {
            case "com.atproto.server.createSession" -> post ? createSession(request) : notAllowed();
            case "com.atproto.server.refreshSession" -> post ? refreshSession(request) : notAllowed();
            case "com.atproto.server.deleteSession" -> post ? deleteSession(request) : notAllowed();
            case "com.atproto.identity.resolveHandle" -> post ? notAllowed() : resolveHandle(request);
            case "app.bsky.actor.getProfile" -> post ? notAllowed() : authed(request, t -> getProfile(request));
            case "com.atproto.repo.uploadBlob" -> post ? authed(request, t -> uploadBlob(request)) : notAllowed();
            case "com.atproto.repo.createRecord" -> post ? authed(request, t -> createRecord(request, t)) : notAllowed();
            default -> Answer.error(501, "MethodNotImplemented", "Method Not Implemented");
        };
    }

    private static Answer notAllowed() {
        return Answer.error(405, "InvalidRequest", "Incorrect HTTP method");
    }

    private interface Authed {
        Answer call(Token token);
    }

    private Answer authed(Received request, Authed call) {
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return Answer.error(401, "AuthMissing", "Authentication Required");
        }
        Token token = accessTokens.get(authorization.substring("Bearer ".length()));
        if (token == null) {
            return Answer.error(400, "InvalidToken", refreshTokens.containsKey(authorization.substring(7))
                    ? "Bad token scope" : "Token could not be verified");
        }
        if (!token.expiresAt().isAfter(Instant.now())) {
            return Answer.error(expiredStatus, "ExpiredToken", "Token has expired");
        }
        return call.call(token);
    }

    // ---- sessions ----

    private Answer createSession(Received request) {
        sessionsCreated.incrementAndGet();
        if (!isJson(request)) {
            return Answer.error(400, "InvalidRequest", "Wrong request encoding (Content-Type): " + request.header("Content-Type"));
        }
        JsonNode body = request.json();
        String identifier = body.path("identifier").asText("");
        String password = body.path("password").asText("");
        boolean us = identifier.equalsIgnoreCase(HANDLE) || identifier.equals(DID) || identifier.equalsIgnoreCase("ana@example.com");
        if (us && "takendown".equals(accountStatus)) {
            return Answer.error(400, "AccountTakedown", "Account has been taken down");
        }
        if (us && password.equals(MAIN_PASSWORD) && body.path("authFactorToken").isMissingNode()) {
            return Answer.error(401, "AuthFactorTokenRequired", "A sign in code has been sent to your email address");
        }
        if (!us || !password.equals(APP_PASSWORD)) {
            return Answer.error(401, "AuthenticationRequired", "Invalid identifier or password");
        }
        Map<String, Object> session = new LinkedHashMap<>(issue(DID));
        session.put("handle", HANDLE);
        session.put("did", DID);
        session.put("didDoc", Map.of("id", DID, "service", List.of(Map.of("id", "#atproto_pds",
                "type", "AtprotoPersonalDataServer", "serviceEndpoint", url()))));
        session.put("email", "ana@example.com");
        session.put("emailConfirmed", true);
        session.put("active", accountStatus.equals("active"));
        if (!accountStatus.equals("active")) {
            session.put("status", accountStatus);
        }
        return Answer.ok(session);
    }

    private Answer refreshSession(Received request) {
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return Answer.error(401, "AuthMissing", "Authentication Required");
        }
        // single use: the PDS rotates the refresh token on every refresh (no grace period here, to be strict)
        Token used = refreshTokens.remove(authorization.substring("Bearer ".length()));
        if (used == null) {
            return Answer.error(400, "ExpiredToken", "Token has been revoked");
        }
        Map<String, Object> session = new LinkedHashMap<>(issue(used.did()));
        session.put("handle", HANDLE);
        session.put("did", used.did());
        return Answer.ok(session);
    }

    private Answer deleteSession(Received request) {
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return Answer.error(401, "AuthMissing", "Authentication Required");
        }
        return refreshTokens.remove(authorization.substring(7)) == null
                ? Answer.error(400, "InvalidToken", "Token could not be verified") : Answer.ok(Map.of());
    }

    private Map<String, String> issue(String did) {
        Instant now = Instant.now();
        Instant accessExp = now.plus(accessLifetime);
        Instant refreshExp = now.plus(Duration.ofDays(90));
        String access = jwt("at+jwt", Map.of("scope", "com.atproto.appPass", "sub", did, "aud", "did:web:127.0.0.1",
                "iat", now.getEpochSecond(), "exp", accessExp.getEpochSecond()));
        String refresh = jwt("refresh+jwt", Map.of("scope", "com.atproto.refresh", "sub", did, "aud", "did:web:127.0.0.1",
                "jti", HexFormat.of().formatHex(bytes(16)), "iat", now.getEpochSecond(), "exp", refreshExp.getEpochSecond()));
        accessTokens.put(access, new Token(did, "com.atproto.appPass", accessExp));
        refreshTokens.put(refresh, new Token(did, "com.atproto.refresh", refreshExp));
        return Map.of("accessJwt", access, "refreshJwt", refresh);
    }

    private String jwt(String type, Map<String, Object> claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        try {
            return b64.encodeToString(Json.MAPPER.writeValueAsBytes(Map.of("typ", type, "alg", "HS256"))) + "."
                    + b64.encodeToString(Json.MAPPER.writeValueAsBytes(claims)) + "." + b64.encodeToString(bytes(32));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    // ---- identity and profile ----

    private Answer resolveHandle(Received request) {
        String did = handles.get(query(request).getOrDefault("handle", "").toLowerCase(java.util.Locale.ROOT));
        return did == null ? Answer.error(400, "InvalidRequest", "Unable to resolve handle") : Answer.ok(Map.of("did", did));
    }

    private Answer getProfile(Received request) {
        String actor = query(request).getOrDefault("actor", "");
        if (!actor.equals(DID) && !actor.equalsIgnoreCase(HANDLE)) {
            return Answer.error(400, "InvalidRequest", "Profile not found");
        }
        return Answer.ok(Map.of("did", DID, "handle", HANDLE, "displayName", DISPLAY_NAME, "avatar", AVATAR,
                "followersCount", 12, "postsCount", posts.size()));
    }

    private static Map<String, String> query(Received request) {
        Map<String, String> out = new LinkedHashMap<>();
        if (request.query() != null) {
            for (String pair : request.query().split("&")) {
                int eq = pair.indexOf('=');
                out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    // ---- repo ----

    private Answer uploadBlob(Received request) {
        String type = request.header("Content-Type");
        if (type == null || type.isBlank() || type.startsWith("application/json") || type.startsWith("application/x-www-form")) {
            return Answer.error(400, "InvalidRequest", "uploadBlob takes the raw bytes with their own Content-Type, got " + type);
        }
        if (request.body().length == 0) {
            return Answer.error(400, "InvalidRequest", "request has no body");
        }
        String link = "bafkrei" + HexFormat.of().formatHex(bytes(12));
        JsonNode blob = Json.MAPPER.valueToTree(Map.of("$type", "blob", "ref", Map.of("$link", link),
                "mimeType", type, "size", request.body().length));
        blobs.put(link, blob);
        return Answer.ok(Map.of("blob", blob));
    }

    private Answer createRecord(Received request, Token token) {
        if (!isJson(request)) {
            return Answer.error(400, "InvalidRequest", "Wrong request encoding (Content-Type): " + request.header("Content-Type"));
        }
        JsonNode body = request.json();
        if (!body.path("repo").asText("").equals(token.did()) && !body.path("repo").asText("").equals(HANDLE)) {
            return Answer.error(400, "InvalidRequest", "Invalid repo: not the authenticated account");
        }
        if (!"app.bsky.feed.post".equals(body.path("collection").asText())) {
            return Answer.error(400, "InvalidRequest", "Unsupported collection");
        }
        String invalid = invalidPost(body.path("record"));
        if (invalid != null) {
            return Answer.error(400, "InvalidRequest", "Invalid app.bsky.feed.post record: " + invalid);
        }
        posts.add(body.path("record"));
        String rkey = "3l" + Long.toString(ids.incrementAndGet(), 32);
        return Answer.ok(Map.of("uri", "at://" + token.did() + "/app.bsky.feed.post/" + rkey,
                "cid", "bafyrei" + HexFormat.of().formatHex(bytes(12)), "validationStatus", "valid"));
    }

    private String invalidPost(JsonNode record) {
        if (!"app.bsky.feed.post".equals(record.path("$type").asText())) {
            return "$type must be app.bsky.feed.post";
        }
        if (!record.path("text").isTextual()) {
            return "text must be a string";
        }
        String text = record.path("text").asText();
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > 3000 || graphemes(text) > 300) {
            return "text must not be longer than 300 graphemes";
        }
        try {
            String createdAt = record.path("createdAt").asText("");
            Instant.parse(createdAt);
            if (!createdAt.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z")) {
                return "createdAt is not the ISO datetime with milliseconds that Bluesky's app writes";
            }
        } catch (DateTimeParseException e) {
            return "createdAt must be a valid datetime";
        }
        String facets = invalidFacets(record.path("facets"), bytes);
        return facets != null ? facets : invalidEmbed(record.path("embed"));
    }

    private static String invalidFacets(JsonNode facets, int textBytes) {
        if (facets.isMissingNode()) {
            return null;
        }
        int end = 0;
        for (JsonNode facet : facets) {
            JsonNode index = facet.path("index");
            if (!index.path("byteStart").isInt() || !index.path("byteEnd").isInt()) {
                return "facet index must have integer byteStart and byteEnd";
            }
            int s = index.path("byteStart").asInt();
            int e = index.path("byteEnd").asInt();
            if (s < 0 || e <= s || e > textBytes) {
                return "facet " + s + ".." + e + " is outside the text's " + textBytes + " bytes";
            }
            if (s < end) {
                return "facets overlap at byte " + s;
            }
            end = e;
            if (!facet.path("features").isArray() || facet.path("features").isEmpty()) {
                return "facet without features";
            }
            for (JsonNode feature : facet.path("features")) {
                String type = feature.path("$type").asText();
                boolean ok = switch (type) {
                    case "app.bsky.richtext.facet#link" -> feature.path("uri").asText("").matches("https?://.+");
                    case "app.bsky.richtext.facet#mention" -> feature.path("did").asText("").startsWith("did:");
                    case "app.bsky.richtext.facet#tag" -> !feature.path("tag").asText("").isEmpty()
                            && graphemes(feature.path("tag").asText()) <= 64 && !feature.path("tag").asText().startsWith("#");
                    default -> false;
                };
                if (!ok) {
                    return "bad facet feature " + feature;
                }
            }
        }
        return null;
    }

    private String invalidEmbed(JsonNode embed) {
        if (embed.isMissingNode()) {
            return null;
        }
        if (!"app.bsky.embed.images".equals(embed.path("$type").asText())) {
            return "unsupported embed " + embed.path("$type").asText();
        }
        JsonNode images = embed.path("images");
        if (!images.isArray() || images.isEmpty() || images.size() > 4) {
            return "embed.images must hold 1 to 4 images";
        }
        for (JsonNode image : images) {
            if (!image.path("alt").isTextual()) {
                return "an image needs alt text (may be empty)";
            }
            JsonNode blob = blobs.get(image.path("image").path("ref").path("$link").asText(""));
            if (blob == null || !blob.equals(image.path("image"))) {
                return "image blob was not uploaded to this repo";
            }
            if (!blob.path("mimeType").asText().startsWith("image/") || blob.path("size").asLong() > MAX_IMAGE_BYTES) {
                return "image must be an image of at most 1000000 bytes";
            }
        }
        return null;
    }

    private static boolean isJson(Received request) {
        String type = request.header("Content-Type");
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
    }

    private static int graphemes(String s) {
        BreakIterator it = BreakIterator.getCharacterInstance();
        it.setText(s);
        int count = 0;
        while (it.next() != BreakIterator.DONE) {
            count++;
        }
        return count;
    }
}
