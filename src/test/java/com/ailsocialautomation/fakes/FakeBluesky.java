package com.ailsocialautomation.fakes;

import com.ailsocialautomation.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.ibm.icu.text.BreakIterator;

import java.io.IOException;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Bluesky PDS on 127.0.0.1 that speaks the XRPC calls AIL makes, as strict as platforms.md §2 says the real one
 * is: createSession checks the app password (the main password asks for an email code, AuthFactorTokenRequired) and
 * is counted; access JWTs expire (ExpiredToken), a missing bearer is AuthMissing, a refresh JWT is not an access
 * token; refresh JWTs rotate and a used one is refused; createRecord wants JSON and a well-formed
 * app.bsky.feed.post (facets inside the text's UTF-8 bytes, not overlapping; images that were uploaded and are at
 * most 1,000,000 bytes) whose rkey, when given, is a TID not used before (else InvalidRequest; getRecord finds the
 * record by it); uploadBlob wants the image's own Content-Type; getServiceAuth issues tokens for an audience and an
 * expiry within the hour, which its video service ({@link FakeBlueskyVideo}) checks; video embeds must name a blob
 * the service produced, and aspect ratios must be whole and positive. Tests can make it answer 429 with
 * RateLimit-* headers, expire access tokens, take the account down, or be slow. It records every request.
 */
public final class FakeBluesky extends LoopbackApi {
    public static final String DID = "did:plc:ana4xk2q7m3wz5dfnr6e";
    public static final String HANDLE = "ana.bsky.social";
    public static final String APP_PASSWORD = "abcd-efgh-ijkl-mnop";
    public static final String MAIN_PASSWORD = "correct horse battery staple";
    public static final String DISPLAY_NAME = "Ana Example";
    public static final String AVATAR = "https://cdn.bsky.app/img/avatar/plain/" + DID + "/bafkreiavatar@jpeg";
    static final long MAX_IMAGE_BYTES = 1_000_000;

    private record Token(String did, String scope, Instant expiresAt) {}

    static Answer ok(Object body) {
        return Answer.json(200, "application/json; charset=utf-8", body);
    }

    static Answer error(int status, String error, String message) {
        return Answer.json(status, "application/json; charset=utf-8", Map.of("error", error, "message", message));
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Token> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Token> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, String> handles = new ConcurrentHashMap<>(Map.of(HANDLE, DID));
    final Map<String, JsonNode> blobs = new ConcurrentHashMap<>();
    private final List<JsonNode> posts = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, Object>> records = new ConcurrentHashMap<>();
    private final AtomicInteger sessionsCreated = new AtomicInteger();
    final AtomicLong ids = new AtomicLong(3_300_000_000L);
    private volatile Duration accessLifetime = Duration.ofMinutes(120);
    private volatile int expiredStatus = 400;
    private volatile String accountStatus = "active";
    private final FakeBlueskyVideo video = new FakeBlueskyVideo(this);

    private FakeBluesky() {
        super("Bluesky PDS");
    }

    /** The PDS is at {@link #url()}, as a person would give it after the handle. */
    public static FakeBluesky start() {
        return serve(new FakeBluesky());
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
        answerNext(path, error(429, "RateLimitExceeded", "Rate Limit Exceeded").with(Map.of("RateLimit-Limit", "5000",
                "RateLimit-Remaining", "0", "RateLimit-Reset", Long.toString(reset.getEpochSecond()), "RateLimit-Policy", "5000;w=3600")));
    }

    /** How the video service handles an upload: completes after two status polls, fails after one, or never ends. */
    public enum VideoProcessing { SUCCEEDS, FAILS, NEVER }

    public void videoProcessing(VideoProcessing processing) {
        video.processing = processing;
    }

    /** The bytes the video service received, in the order the jobs were made. */
    public List<byte[]> uploadedVideos() {
        return video.uploaded();
    }

    /** The did:web audience a service token must name: this PDS, as its DID document names it. */
    public String serviceDid() {
        java.net.URI uri = java.net.URI.create(url());
        return "did:web:" + uri.getHost() + "%3A" + uri.getPort();
    }

    public int sessionsCreated() {
        return sessionsCreated.get();
    }

    public boolean refreshTokenValid(String jwt) {
        return refreshTokens.containsKey(jwt);
    }

    public List<Received> received(String method) {
        return received().stream().filter(r -> r.path().equals("/xrpc/" + method)).toList();
    }

    /** The records createRecord stored, in order. */
    public List<JsonNode> posts() {
        return List.copyOf(posts);
    }

    // ---- routing ----

    /** A malformed answer (see {@link #malformNext}) is carried out but answered 200 with a body that is not JSON. */
    @Override
    protected Answer malformed(Answer answer) {
        return new Answer(answer.status(), answer.headers(), "<html>502 upstream</html>");
    }

    @Override
    protected Answer badJson(Received request) {
        return error(400, "InvalidRequest", "Unable to parse request body as JSON");
    }

    @Override
    protected Answer route(Received request) {
        String path = request.path();
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
            case "com.atproto.repo.getRecord" -> post ? notAllowed() : getRecord(request);
            case "com.atproto.server.getSession" -> post ? notAllowed() : authed(request, this::getSession);
            case "com.atproto.server.getServiceAuth" -> post ? notAllowed() : authed(request, t -> getServiceAuth(request, t));
            case "app.bsky.video.uploadVideo" -> post ? video.upload(request) : notAllowed();
            case "app.bsky.video.getJobStatus" -> post ? notAllowed() : video.status(request);
            default -> error(501, "MethodNotImplemented", "Method Not Implemented");
        };
    }

    private static Answer notAllowed() {
        return error(405, "InvalidRequest", "Incorrect HTTP method");
    }

    private interface Authed {
        Answer call(Token token);
    }

    private Answer authed(Received request, Authed call) {
        String bearer = request.bearer();
        if (bearer == null) {
            return error(401, "AuthMissing", "Authentication Required");
        }
        Token token = accessTokens.get(bearer);
        if (token == null) {
            return error(400, "InvalidToken", refreshTokens.containsKey(bearer)
                    ? "Bad token scope" : "Token could not be verified");
        }
        if (!token.expiresAt().isAfter(Instant.now())) {
            return error(expiredStatus, "ExpiredToken", "Token has expired");
        }
        return call.call(token);
    }

    // ---- sessions ----

    private Answer createSession(Received request) {
        sessionsCreated.incrementAndGet();
        if (!isJson(request)) {
            return error(400, "InvalidRequest", "Wrong request encoding (Content-Type): " + request.header("Content-Type"));
        }
        JsonNode body = request.json();
        String identifier = body.path("identifier").asText("");
        String password = body.path("password").asText("");
        boolean us = identifier.equalsIgnoreCase(HANDLE) || identifier.equals(DID) || identifier.equalsIgnoreCase("ana@example.com");
        if (us && "takendown".equals(accountStatus)) {
            return error(400, "AccountTakedown", "Account has been taken down");
        }
        if (us && password.equals(MAIN_PASSWORD) && body.path("authFactorToken").isMissingNode()) {
            return error(401, "AuthFactorTokenRequired", "A sign in code has been sent to your email address");
        }
        if (!us || !password.equals(APP_PASSWORD)) {
            return error(401, "AuthenticationRequired", "Invalid identifier or password");
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
        return ok(session);
    }

    private Answer refreshSession(Received request) {
        String bearer = request.bearer();
        if (bearer == null) {
            return error(401, "AuthMissing", "Authentication Required");
        }
        // single use: the PDS rotates the refresh token on every refresh (no grace period here, to be strict)
        Token used = refreshTokens.remove(bearer);
        if (used == null) {
            return error(400, "ExpiredToken", "Token has been revoked");
        }
        Map<String, Object> session = new LinkedHashMap<>(issue(used.did()));
        session.put("handle", HANDLE);
        session.put("did", used.did());
        return ok(session);
    }

    private Answer deleteSession(Received request) {
        String bearer = request.bearer();
        if (bearer == null) {
            return error(401, "AuthMissing", "Authentication Required");
        }
        return refreshTokens.remove(bearer) == null
                ? error(400, "InvalidToken", "Token could not be verified") : ok(Map.of());
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

    byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private Answer getSession(Token token) {
        return ok(Map.of("handle", HANDLE, "did", token.did(), "email", "ana@example.com", "emailConfirmed", true,
                "active", true, "didDoc", Map.of("id", token.did(), "service", List.of(Map.of("id", "#atproto_pds",
                        "type", "AtprotoPersonalDataServer", "serviceEndpoint", url())))));
    }

    /** As a PDS checks it: an audience, a method, and an expiry in the future but at most an hour away. */
    private Answer getServiceAuth(Received request, Token token) {
        Map<String, String> q = parseForm(request.query());
        String aud = q.get("aud");
        String lxm = q.get("lxm");
        if (aud == null || !aud.startsWith("did:")) {
            return error(400, "InvalidRequest", "Error: aud must be a valid did");
        }
        long now = Instant.now().getEpochSecond();
        long exp;
        try {
            exp = q.get("exp") == null ? now + 60 : Long.parseLong(q.get("exp"));
        } catch (NumberFormatException e) {
            return error(400, "InvalidRequest", "Error: exp must be an integer");
        }
        if (exp <= now) {
            return error(400, "BadExpiration", "expiration is in past");
        }
        if (exp > now + 3600) {
            return error(400, "BadExpiration", "cannot request a token with an expiration more than an hour in the future");
        }
        String jwt = jwt("JWT", Map.of("iss", token.did(), "aud", aud, "lxm", lxm == null ? "" : lxm, "exp", exp));
        video.trust(jwt, new FakeBlueskyVideo.ServiceToken(token.did(), aud, lxm, Instant.ofEpochSecond(exp)));
        return ok(Map.of("token", jwt));
    }

    // ---- identity and profile ----

    private Answer resolveHandle(Received request) {
        String did = handles.get(parseForm(request.query()).getOrDefault("handle", "").toLowerCase(java.util.Locale.ROOT));
        return did == null ? error(400, "InvalidRequest", "Unable to resolve handle") : ok(Map.of("did", did));
    }

    private Answer getProfile(Received request) {
        String actor = parseForm(request.query()).getOrDefault("actor", "");
        if (!actor.equals(DID) && !actor.equalsIgnoreCase(HANDLE)) {
            return error(400, "InvalidRequest", "Profile not found");
        }
        return ok(Map.of("did", DID, "handle", HANDLE, "displayName", DISPLAY_NAME, "avatar", AVATAR,
                "followersCount", 12, "postsCount", posts.size()));
    }

    // ---- repo ----

    private Answer uploadBlob(Received request) {
        String type = request.header("Content-Type");
        if (type == null || type.isBlank() || type.startsWith("application/json") || type.startsWith("application/x-www-form")) {
            return error(400, "InvalidRequest", "uploadBlob takes the raw bytes with their own Content-Type, got " + type);
        }
        if (request.body().length == 0) {
            return error(400, "InvalidRequest", "request has no body");
        }
        String link = "bafkrei" + HexFormat.of().formatHex(bytes(12));
        JsonNode blob = Json.MAPPER.valueToTree(Map.of("$type", "blob", "ref", Map.of("$link", link),
                "mimeType", type, "size", request.body().length));
        blobs.put(link, blob);
        return ok(Map.of("blob", blob));
    }

    private Answer createRecord(Received request, Token token) {
        if (!isJson(request)) {
            return error(400, "InvalidRequest", "Wrong request encoding (Content-Type): " + request.header("Content-Type"));
        }
        JsonNode body = request.json();
        if (!body.path("repo").asText("").equals(token.did()) && !body.path("repo").asText("").equals(HANDLE)) {
            return error(400, "InvalidRequest", "Invalid repo: not the authenticated account");
        }
        if (!"app.bsky.feed.post".equals(body.path("collection").asText())) {
            return error(400, "InvalidRequest", "Unsupported collection");
        }
        String invalid = invalidPost(body.path("record"));
        if (invalid != null) {
            return error(400, "InvalidRequest", "Invalid app.bsky.feed.post record: " + invalid);
        }
        String badReply = invalidReply(body.path("record").path("reply"), token.did());
        if (badReply != null) {
            return error(400, "InvalidRequest", "Invalid app.bsky.feed.post record: " + badReply);
        }
        String rkey = body.path("rkey").asText("");
        if (rkey.isEmpty()) {
            rkey = "3l" + Long.toString(ids.incrementAndGet(), 32);
        } else if (!rkey.matches("[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}")) {
            return error(400, "InvalidRequest", "Invalid record key for app.bsky.feed.post: must be a TID");
        }
        Map<String, Object> created = Map.of("uri", "at://" + token.did() + "/app.bsky.feed.post/" + rkey,
                "cid", "bafyrei" + HexFormat.of().formatHex(bytes(12)), "value", body.path("record"));
        if (records.putIfAbsent(rkey, created) != null) {
            return error(400, "InvalidRequest", "Record already exists: at://" + token.did() + "/app.bsky.feed.post/" + rkey);
        }
        posts.add(body.path("record"));
        return ok(Map.of("uri", created.get("uri"), "cid", created.get("cid"), "validationStatus", "valid"));
    }

    /**
     * A reply's root and parent are strong references ({uri, cid}, both required by the lexicon) to posts that exist
     * with that very cid (a cid names one version of a record); and the parent's own root is the reply's root, else
     * Bluesky's AppView shows the reply outside its thread. Null when there is no reply or it is sound.
     */
    private String invalidReply(JsonNode reply, String did) {
        if (reply.isMissingNode()) {
            return null;
        }
        for (String ref : List.of("root", "parent")) {
            JsonNode strong = reply.path(ref);
            if (!strong.path("uri").isTextual() || !strong.path("cid").isTextual()) {
                return "reply/" + ref + " must have the properties uri and cid";
            }
            Map<String, Object> target = record(strong.path("uri").asText(), did);
            if (target == null) {
                return "reply/" + ref + " " + strong.path("uri").asText() + " does not exist";
            }
            if (!target.get("cid").equals(strong.path("cid").asText())) {
                return "reply/" + ref + " cid does not match the record's";
            }
        }
        JsonNode parent = (JsonNode) record(reply.path("parent").path("uri").asText(), did).get("value");
        String parentRoot = parent.path("reply").isMissingNode() ? reply.path("parent").path("uri").asText()
                : parent.path("reply").path("root").path("uri").asText();
        return parentRoot.equals(reply.path("root").path("uri").asText()) ? null : "reply/root is not the parent's thread root";
    }

    /** A post of this repository by its at:// URI, or null. */
    private Map<String, Object> record(String uri, String did) {
        String prefix = "at://" + did + "/app.bsky.feed.post/";
        return uri.startsWith(prefix) ? records.get(uri.substring(prefix.length())) : null;
    }

    /**
     * The thread that starts at the post {@code rootUri}, as the AppView would show it to its author: the root, then
     * at each step the reply whose parent is the post before (the first such), each as {uri, cid, value}.
     */
    public List<JsonNode> replyChain(String rootUri) {
        List<JsonNode> chain = new java.util.ArrayList<>();
        Map<String, Object> at = record(rootUri, DID);
        while (at != null) {
            chain.add(Json.MAPPER.valueToTree(at));
            String uri = (String) at.get("uri");
            at = records.values().stream()
                    .filter(r -> uri.equals(((JsonNode) r.get("value")).path("reply").path("parent").path("uri").asText(null)))
                    .findFirst().orElse(null);
        }
        return chain;
    }

    /** Public, as on a real PDS: repo, collection and rkey name the record. */
    private Answer getRecord(Received request) {
        Map<String, String> query = parseForm(request.query());
        Map<String, Object> record = "app.bsky.feed.post".equals(query.get("collection"))
                && (DID.equals(query.get("repo")) || HANDLE.equals(query.get("repo"))) ? records.get(query.get("rkey")) : null;
        return record == null ? error(400, "RecordNotFound", "Could not locate record") : ok(record);
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
        if ("app.bsky.embed.video".equals(embed.path("$type").asText())) {
            JsonNode blob = blobs.get(embed.path("video").path("ref").path("$link").asText(""));
            if (blob == null || !blob.equals(embed.path("video")) || !"video/mp4".equals(blob.path("mimeType").asText())) {
                return "video blob was not processed by the video service for this repo";
            }
            if (embed.has("alt") && (!embed.path("alt").isTextual() || graphemes(embed.path("alt").asText()) > 1000)) {
                return "video alt must be text of at most 1000 graphemes";
            }
            return invalidAspectRatio(embed);
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
            String ratio = invalidAspectRatio(image);
            if (ratio != null) {
                return ratio;
            }
        }
        return null;
    }

    /** app.bsky.embed.defs#aspectRatio: width and height, both integers of at least 1. */
    private static String invalidAspectRatio(JsonNode item) {
        if (!item.has("aspectRatio")) {
            return null;
        }
        JsonNode ratio = item.path("aspectRatio");
        return ratio.path("width").isInt() && ratio.path("width").asInt() >= 1 && ratio.path("height").isInt()
                && ratio.path("height").asInt() >= 1 && ratio.size() == 2 ? null : "aspectRatio needs integer width and height of at least 1";
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
