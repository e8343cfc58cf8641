package com.ailsocialautomation.fakes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Threads API and its authorization window on 127.0.0.1, as strict as Threads' documentation: the Threads app
 * id and secret and the exact redirect URI for the code exchange (a form POST), short-lived tokens (one hour) that
 * only exchange for long-lived ones (60 days, {@code th_exchange_token}), which renew ({@code th_refresh_token})
 * only once 24 hours old and still valid; every API call carries {@code access_token} (code 190 when unknown or
 * expired), known parameters only, the token's own user id (or "me"). Containers: TEXT needs text, IMAGE an
 * {@code image_url}, VIDEO a {@code video_url}, CAROUSEL 2 to 20 finished carousel items of the same user; text
 * at most 500 characters with an emoji counted as its UTF-8 bytes. Like Threads, it fetches each picture or
 * video itself from the URL given, which must be AIL's public https address (mapped to the service on loopback
 * by {@link #fetchesFrom}); a video is first asked for a byte range. A container stays IN_PROGRESS for the first
 * status check of a video, then is FINISHED, or ERROR with Threads' reason when the fetch failed or a test says so. Only a
 * FINISHED container that is not a carousel item publishes (code 9007 otherwise), once; 250 posts per 24 hours.
 * Tests can make a path answer 429 once, lose an answer, or use up the quota. It records every request.
 */
public final class FakeThreads extends LoopbackApi {
    public static final String CLIENT_ID = "1208474650135620";
    public static final String CLIENT_SECRET = "fake-threads-app-secret";
    public static final String REDIRECT_URI = "https://ail.example.com/oauth/threads/callback";
    public static final String USER_ID = "25019436497712345";
    public static final String USERNAME = "ana.quintero";
    public static final int QUOTA = 250;
    private static final Set<String> SCOPES = Set.of("threads_basic", "threads_content_publish", "threads_manage_replies",
            "threads_read_replies", "threads_manage_insights");
    private static final Set<String> CONTAINER_PARAMS = Set.of("media_type", "text", "image_url", "video_url",
            "is_carousel_item", "children", "alt_text", "reply_to_id", "access_token");
    private static final HttpClient FETCHER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** A token as issued: short-lived tokens only exchange. */
    private record Token(boolean longLived, Instant issuedAt, Instant expiresAt) {}

    /** What Threads fetched from a media URL: the status, Content-Type, declared length and bytes. */
    public record Fetch(String url, int status, String contentType, long declaredLength, byte[] body, boolean rangeHonoured) {}

    /** A published post: its id, the container's type, text, the media fetched for it, and the post it replies to or null. */
    public record Post(String id, String mediaType, String text, List<Fetch> media, String replyTo) {}

    private static final class Container {
        final String id;
        final String mediaType;
        final String text;
        final boolean carouselItem;
        final List<String> children;
        final Fetch fetch;
        String replyTo;
        String status;
        String errorMessage;
        int checks;

        Container(String id, String mediaType, String text, boolean carouselItem, List<String> children, Fetch fetch) {
            this.id = id;
            this.mediaType = mediaType;
            this.text = text;
            this.carouselItem = carouselItem;
            this.children = children;
            this.fetch = fetch;
        }
    }

    private final Map<String, String> codes = new ConcurrentHashMap<>(); // code -> redirect URI
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Container> containers = new ConcurrentHashMap<>();
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final List<Instant> publishedAt = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(17_889_615_691_921_000L);
    private volatile Duration longLife = Duration.ofDays(60);
    private volatile Duration tokenAgeAtIssue = Duration.ZERO;
    private volatile String publicBase = "https://ail.example.com";
    private volatile String localBase;
    private volatile String failNextProcessing;
    private volatile int quotaUsedBefore;
    private volatile boolean repliesGranted = true;

    private FakeThreads() {
        super("Threads");
    }

    /** Serves the API host (graph.threads.net) and the authorization window (threads.com) on {@link #url()}. */
    public static FakeThreads start() {
        return serve(new FakeThreads());
    }

    // ---- test controls ----

    /** Media URLs under {@code publicUrl} are fetched from {@code localUrl} (AIL on loopback) instead. */
    public void fetchesFrom(String publicUrl, String localUrl) {
        publicBase = publicUrl;
        localBase = localUrl;
    }

    /** Long-lived tokens issued from now on last this long, and count as issued {@code age} ago. */
    public void longLivedTokens(Duration life, Duration age) {
        longLife = life;
        tokenAgeAtIssue = age;
    }

    /** A long-lived token for the fake user, as the exchange would issue it. */
    public String issueLongLived() {
        String token = "THQW" + ids.incrementAndGet();
        Instant issued = Instant.now().minus(tokenAgeAtIssue);
        tokens.put(token, new Token(true, issued, Instant.now().plus(longLife)));
        return token;
    }

    public boolean tokenValid(String token) {
        Token t = tokens.get(token);
        return t != null && t.longLived() && t.expiresAt().isAfter(Instant.now());
    }

    /** Every token stops working (the person removed AIL, or the session was invalidated). */
    public void revokeAll() {
        tokens.replaceAll((k, t) -> new Token(t.longLived(), t.issuedAt(), Instant.now().minusSeconds(1)));
    }

    /** The next video container fails processing with this error_message (INVALID_DURATION, ...). */
    public void failNextProcessing(String errorMessage) {
        failNextProcessing = errorMessage;
    }

    /** The profile has already published this many posts through apps in the last 24 hours. */
    public void quotaUsed(int posts) {
        quotaUsedBefore = posts;
    }

    /** The next request to {@code path} is throttled: 429, code 4, and the time to regain access in minutes. */
    public void throttleNext(String path, int minutes) {
        answerNext(path, error(429, 4, "Application request limit reached", null)
                .with(Map.of("X-Business-Use-Case-Usage", "{\"" + USER_ID + "\":[{\"type\":\"threads\",\"call_count\":100,"
                        + "\"total_cputime\":20,\"total_time\":30,\"estimated_time_to_regain_access\":" + minutes + "}]}")));
    }

    public List<Post> posts() {
        return List.copyOf(posts);
    }

    /** The person did not grant threads_manage_replies: a container with reply_to_id is refused (#10). */
    public void withoutReplyPermission() {
        repliesGranted = false;
    }

    /** The posts from {@code rootId} on, each the first published reply to the one before. */
    public List<Post> replyChain(String rootId) {
        List<Post> chain = new ArrayList<>();
        Post at = posts.stream().filter(p -> p.id().equals(rootId)).findFirst().orElse(null);
        while (at != null) {
            chain.add(at);
            String parent = at.id();
            at = posts.stream().filter(p -> parent.equals(p.replyTo())).findFirst().orElse(null);
        }
        return chain;
    }

    /** Every media fetch Threads made, in order. */
    public List<Fetch> fetches() {
        return containers.values().stream().filter(c -> c.fetch != null).map(c -> c.fetch).toList();
    }

    /** Consents in the authorization window as the person would; the redirect back to AIL. */
    public Callback approve(URI authorizeUrl) {
        return callback(consent(authorizeUrl, "Threads"));
    }

    // ---- routes ----

    @Override
    protected Answer route(Received r) {
        String path = r.path();
        if (r.method().equals("GET") && path.equals("/oauth/authorize")) {
            return authorize(r);
        }
        if (r.method().equals("POST") && path.equals("/oauth/access_token")) {
            return codeExchange(r);
        }
        if (r.method().equals("GET") && (path.equals("/access_token") || path.equals("/refresh_access_token"))) {
            return longLived(r, path.equals("/refresh_access_token"));
        }
        if (!path.startsWith("/v1.0/")) {
            return error(404, 100, "Unsupported request - method type: " + r.method().toLowerCase(), null);
        }
        Map<String, String> params = params(r);
        Answer refused = tokenRefusal(params.get("access_token"));
        if (refused != null) {
            return refused;
        }
        String[] parts = path.substring("/v1.0/".length()).split("/");
        if (parts.length == 1 && r.method().equals("GET")) {
            return parts[0].equals("me") ? me(params) : node(parts[0], params);
        }
        if (parts.length == 2 && !(parts[0].equals("me") || parts[0].equals(USER_ID))) {
            return error(400, 100, "Unsupported post request. Object with ID '" + parts[0] + "' does not exist, cannot be "
                    + "loaded due to missing permissions, or does not support this operation", null);
        }
        if (parts.length == 2 && r.method().equals("POST") && parts[1].equals("threads")) {
            return create(r, params);
        }
        if (parts.length == 2 && r.method().equals("POST") && parts[1].equals("threads_publish")) {
            return publish(params);
        }
        if (parts.length == 2 && r.method().equals("GET") && parts[1].equals("threads_publishing_limit")) {
            return Answer.json(200, "application/json", Map.of("data", List.of(Map.of("quota_usage", used(),
                    "config", Map.of("quota_total", QUOTA, "quota_duration", 86_400)))));
        }
        return error(400, 100, "Unknown path components: /" + String.join("/", parts), null);
    }

    private Answer authorize(Received r) {
        Map<String, String> q = parseForm(r.query());
        if (!CLIENT_ID.equals(q.get("client_id"))) {
            return error(400, 101, "Error validating application. Invalid application ID.", null);
        }
        if (!REDIRECT_URI.equals(q.get("redirect_uri"))) {
            return error(400, 100, "Redirect URI is not whitelisted", null);
        }
        if (!"code".equals(q.get("response_type")) || q.get("scope") == null
                || !SCOPES.containsAll(Arrays.asList(q.get("scope").split(",")))) {
            return error(400, 100, "Invalid response_type or scope", null);
        }
        String code = "AQD" + ids.incrementAndGet();
        codes.put(code, q.get("redirect_uri"));
        String state = q.get("state") == null ? "" : "&state=" + q.get("state");
        return new Answer(302, Map.of("Location", q.get("redirect_uri") + "?code=" + code + state + "#_"), null);
    }

    private Answer codeExchange(Received r) {
        String type = r.header("Content-Type");
        if (type == null || !type.startsWith("application/x-www-form-urlencoded")) {
            return error(400, 100, "Missing client_id parameter", null);
        }
        Map<String, String> form = r.form();
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            return error(400, 101, "Error validating client secret.", null);
        }
        String redirect = codes.remove(form.getOrDefault("code", ""));
        if (!"authorization_code".equals(form.get("grant_type")) || redirect == null || !redirect.equals(form.get("redirect_uri"))) {
            return error(400, 36009, "Invalid verification code format or the code has been used", null);
        }
        String token = "THQVJ" + ids.incrementAndGet();
        tokens.put(token, new Token(false, Instant.now(), Instant.now().plus(Duration.ofHours(1))));
        return Answer.json(200, "application/json", Map.of("access_token", token, "user_id", Long.parseLong(USER_ID)));
    }

    private Answer longLived(Received r, boolean refresh) {
        Map<String, String> q = parseForm(r.query());
        Token given = tokens.get(q.getOrDefault("access_token", ""));
        if (given == null || !given.expiresAt().isAfter(Instant.now())) {
            return error(400, 190, "Error validating access token: Session has expired", 463);
        }
        if (refresh) {
            if (!"th_refresh_token".equals(q.get("grant_type")) || !given.longLived()) {
                return error(400, 100, "Invalid grant_type or token for th_refresh_token", null);
            }
            if (given.issuedAt().isAfter(Instant.now().minus(Duration.ofHours(24)))) {
                return error(400, 100, "The access token must be at least 24 hours old to be refreshed", null);
            }
        } else if (!"th_exchange_token".equals(q.get("grant_type")) || !CLIENT_SECRET.equals(q.get("client_secret")) || given.longLived()) {
            return error(400, 100, "Invalid grant_type, client_secret or token for th_exchange_token", null);
        }
        String token = issueLongLived();
        return Answer.json(200, "application/json", Map.of("access_token", token, "token_type", "bearer",
                "expires_in", longLife.toSeconds()));
    }

    private Answer tokenRefusal(String token) {
        Token t = token == null ? null : tokens.get(token);
        if (t == null) {
            return error(400, 190, "Invalid OAuth access token - Cannot parse access token", null);
        }
        if (!t.expiresAt().isAfter(Instant.now())) {
            return error(400, 190, "Error validating access token: Session has expired", 463);
        }
        return t.longLived() ? null : error(400, 190, "Error validating access token: this short-lived token only exchanges", null);
    }

    private Answer me(Map<String, String> params) {
        return Answer.json(200, "application/json", Map.of("id", USER_ID, "username", USERNAME, "name", "Ana Quintero",
                "threads_profile_picture_url", "https://scontent.example.com/ana.jpg"));
    }

    private Answer node(String id, Map<String, String> params) {
        Container c = containers.get(id);
        if (c != null && "status,error_message".equals(params.get("fields"))) {
            c.checks++;
            if (c.status.equals("IN_PROGRESS") && (c.checks > 1 || c.mediaType.equals("IMAGE"))) { // a video takes longer
                c.status = c.errorMessage == null ? "FINISHED" : "ERROR";
            }
            Map<String, Object> out = new LinkedHashMap<>(Map.of("id", id, "status", c.status));
            if (c.status.equals("ERROR")) {
                out.put("error_message", c.errorMessage);
            }
            return Answer.json(200, "application/json", out);
        }
        Post post = posts.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
        if (post != null && "permalink".equals(params.get("fields"))) {
            return Answer.json(200, "application/json", Map.of("id", id,
                    "permalink", "https://www.threads.com/@" + USERNAME + "/post/C" + id.substring(id.length() - 8)));
        }
        return error(400, 100, "Unsupported get request. Object with ID '" + id + "' does not exist or fields are wrong", 33);
    }

    private Answer create(Received r, Map<String, String> p) {
        Set<String> unknown = new java.util.TreeSet<>(p.keySet());
        unknown.removeAll(CONTAINER_PARAMS);
        if (!unknown.isEmpty()) {
            return error(400, 100, "(#100) Param " + unknown.iterator().next() + " is not a valid parameter", null);
        }
        String type = p.getOrDefault("media_type", "");
        String text = p.get("text");
        boolean item = "true".equals(p.get("is_carousel_item"));
        if (text != null && length(text) > 500) {
            return error(400, 100, "Param text must be at most 500 characters long.", 2207010);
        }
        String replyTo = p.get("reply_to_id");
        if (replyTo != null && !repliesGranted) {
            return error(403, 10, "(#10) Application does not have permission for this action", null);
        }
        if (replyTo != null && (item || posts.stream().noneMatch(post -> post.id().equals(replyTo)))) {
            return error(400, 100, "Param reply_to_id must be the id of a published Threads post (not a carousel item)", null);
        }
        List<String> children = List.of();
        Fetch fetch = null;
        String problem = null;
        switch (type) {
            case "TEXT" -> {
                if (text == null || text.isBlank() || item || p.containsKey("image_url") || p.containsKey("video_url")) {
                    return error(400, 100, "A TEXT container needs text and takes no media", null);
                }
            }
            case "IMAGE", "VIDEO" -> {
                String url = p.get(type.equals("IMAGE") ? "image_url" : "video_url");
                if (url == null || p.containsKey(type.equals("IMAGE") ? "video_url" : "image_url") || (item && text != null)) {
                    return error(400, 100, "An " + type + " container needs " + type.toLowerCase() + "_url (and a carousel item no text)", null);
                }
                fetch = fetch(url, type.equals("VIDEO"));
                problem = problem(fetch, type);
            }
            case "CAROUSEL" -> {
                children = Arrays.asList(p.getOrDefault("children", "").split(","));
                if (item || children.size() < 2 || children.size() > 20 || !children.stream().allMatch(id -> {
                    Container c = containers.get(id);
                    return c != null && c.carouselItem && c.status.equals("FINISHED");
                })) {
                    return error(400, 100, "A carousel needs 2 to 20 finished carousel items", 4279009);
                }
            }
            default -> {
                return error(400, 100, "Param media_type must be one of {TEXT, IMAGE, VIDEO, CAROUSEL}", null);
            }
        }
        String id = Long.toString(ids.incrementAndGet());
        Container c = new Container(id, type, text, item, children, fetch);
        c.replyTo = replyTo;
        boolean media = type.equals("IMAGE") || type.equals("VIDEO");
        String failing = type.equals("VIDEO") ? failNextProcessing : null;
        if (failing != null) {
            failNextProcessing = null;
        }
        c.errorMessage = problem != null ? problem : failing;
        c.status = media ? "IN_PROGRESS" : "FINISHED";
        containers.put(id, c);
        return Answer.json(200, "application/json", Map.of("id", id));
    }

    private Answer publish(Map<String, String> p) {
        if (!Set.of("creation_id", "access_token").containsAll(p.keySet())) {
            return error(400, 100, "(#100) threads_publish takes creation_id only", null);
        }
        Container c = containers.get(p.getOrDefault("creation_id", ""));
        if (c == null || c.carouselItem) {
            return error(400, 100, "Param creation_id must be a container that is not a carousel item", null);
        }
        if (!c.status.equals("FINISHED")) {
            return error(400, 9007, "The media is not ready for publishing, please wait for a moment", 2207027);
        }
        if (used() >= QUOTA) {
            return error(400, 4, "Threads publishing limit reached for this profile", null);
        }
        c.status = "PUBLISHED";
        List<Fetch> media = new ArrayList<>();
        if (c.fetch != null) {
            media.add(c.fetch);
        }
        c.children.forEach(child -> media.add(containers.get(child).fetch));
        String id = Long.toString(ids.incrementAndGet());
        posts.add(new Post(id, c.mediaType, c.text, List.copyOf(media), c.replyTo));
        publishedAt.add(Instant.now());
        return Answer.json(200, "application/json", Map.of("id", id));
    }

    private int used() {
        Instant since = Instant.now().minus(Duration.ofHours(24));
        return quotaUsedBefore + (int) publishedAt.stream().filter(t -> t.isAfter(since)).count();
    }

    /** Fetches the media as Threads does: from AIL's public https address; a video first by a byte range. */
    private Fetch fetch(String url, boolean video) {
        if (!url.startsWith(publicBase + "/") || !url.startsWith("https://") || localBase == null) {
            return new Fetch(url, 0, null, -1, new byte[0], false);
        }
        URI local = URI.create(localBase + url.substring(publicBase.length()));
        try {
            boolean ranged = false;
            if (video) {
                HttpResponse<byte[]> head = FETCHER.send(HttpRequest.newBuilder(local).header("Range", "bytes=0-99").build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                ranged = head.statusCode() == 206 && head.body().length == 100;
            }
            HttpResponse<byte[]> got = FETCHER.send(HttpRequest.newBuilder(local).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Fetch(url, got.statusCode(), got.headers().firstValue("Content-Type").orElse(null),
                    got.headers().firstValueAsLong("Content-Length").orElse(-1), got.body(), ranged);
        } catch (java.io.IOException e) {
            return new Fetch(url, 0, null, -1, new byte[0], false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Fetch(url, 0, null, -1, new byte[0], false);
        }
    }

    /** Why Threads could not take what it fetched; null when it could. */
    private static String problem(Fetch f, String type) {
        boolean image = type.equals("IMAGE");
        String failed = image ? "FAILED_DOWNLOADING_IMAGE" : "FAILED_DOWNLOADING_VIDEO";
        if (f.status() != 200 || f.declaredLength() != f.body().length) {
            return failed;
        }
        Set<String> types = image ? Set.of("image/jpeg", "image/png") : Set.of("video/mp4", "video/quicktime");
        if (f.contentType() == null || !types.contains(f.contentType())) {
            return image ? "UNSUPPORTED_IMAGE_FORMAT" : "FAILED_PROCESSING_VIDEO";
        }
        return f.body().length > (image ? 8L << 20 : 1L << 30) ? "FILE_TOO_LARGE" : null;
    }

    /** Threads' count: an emoji is its UTF-8 bytes, anything else one per code point. */
    static int length(String text) {
        return text.codePoints().map(cp -> cp >= 0x1F000 ? new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length : 1).sum();
    }

    /** Graph API parameters: from the query string and, for a POST, the form body. */
    private static Map<String, String> params(Received r) {
        Map<String, String> all = new LinkedHashMap<>(parseForm(r.query()));
        if (r.method().equals("POST") && r.body().length > 0) {
            String type = r.header("Content-Type");
            if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
                all.putAll(r.form());
            }
        }
        return all;
    }

    private static Answer error(int status, int code, String message, Integer subcode) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", code == 190 ? "OAuthException" : "THApiException");
        error.put("code", code);
        if (subcode != null) {
            error.put("error_subcode", subcode);
        }
        error.put("fbtrace_id", "AbCdEfGh123");
        return Answer.json(status, "application/json", Map.of("error", error));
    }
}
