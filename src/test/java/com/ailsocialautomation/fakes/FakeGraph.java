package com.ailsocialautomation.fakes;

import com.ailsocialautomation.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Meta's Graph API (v25.0) and login dialog on 127.0.0.1, for Facebook Pages and Instagram accounts through one app,
 * as strict as the documentation makes it: the dialog checks the app id, the exact redirect URI and the scopes; the
 * code works once, with the secret and the same redirect URI; a short-lived user token becomes a long-lived one only
 * through fb_exchange_token; tokens travel as {@code Authorization: OAuth} or {@code access_token}; a Page's edges
 * take only that Page's token (a user token gets error 200) and {@code /me/accounts} only a user token; unknown or
 * expired tokens get error 190; photos must be uploaded unpublished before a feed post attaches them, once each;
 * video upload sessions are opened under the app with a user token and take exactly the announced bytes from offset
 * 0. {@code DELETE /me/permissions} ends the grant and every token made from it. Tests can expire a token, make a
 * path answer a rate limit once (with X-Business-Use-Case-Usage), and read what was posted.
 */
public final class FakeGraph extends LoopbackApi {
    public static final String APP_ID = "1234567890123";
    public static final String APP_SECRET = "fake-meta-app-secret";
    public static final String V = "/v25.0";
    public static final String USER_ID = "10220000000000001"; // Ana's app-scoped user id
    static final Set<String> SCOPES = Set.of("pages_show_list", "pages_read_engagement", "pages_manage_posts",
            "pages_manage_engagement", "instagram_basic", "instagram_content_publish", "instagram_manage_comments",
            "business_management", "public_profile");

    public record Page(String id, String name, String username, String instagramId) {}

    public record Post(String id, String pageId, Map<String, String> fields, List<String> photos, String video) {}

    /** A comment made through the API: its id, the Facebook post or Instagram media it is on, and its message. */
    public record Comment(String id, String on, String message) {}

    private enum Kind { SHORT_USER, LONG_USER, PAGE }

    private record Token(Kind kind, String userId, String pageId, Instant expiresAt) {}

    private record Code(String redirectUri, String scope) {}

    private record Session(String pageOrApp, long length, String type, String userToken) {}

    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Page> pages = new LinkedHashMap<>();
    private final Map<String, String> unpublishedPhotos = new ConcurrentHashMap<>(); // photo id -> page id
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Long> handles = new ConcurrentHashMap<>(); // upload handle -> bytes received
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final List<Comment> comments = new CopyOnWriteArrayList<>();
    private final List<String> revoked = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(900000000000L);
    private final Set<String> redirectUris = ConcurrentHashMap.newKeySet();
    private final Map<String, String> instagramUsernames = Map.of("17841400000000002", "anatravels");
    final FakeInstagramMedia instagram = new FakeInstagramMedia(ids);
    volatile String grantedScope = "pages_show_list,pages_read_engagement,pages_manage_posts,pages_manage_engagement,"
            + "instagram_manage_comments";

    private FakeGraph() {
        super("Graph API");
    }

    @Override
    public void close() {
        instagram.close();
        super.close();
    }

    /** Ana manages two Pages; the second has an Instagram professional account linked. */
    public static FakeGraph start(String publicUrl) {
        FakeGraph graph = new FakeGraph();
        graph.redirectUris.add(publicUrl + "/oauth/facebook/callback");
        graph.redirectUris.add(publicUrl + "/oauth/instagram/callback");
        graph.pages.put("501", new Page("501", "Quintero Bakery", "quinterobakery", null));
        graph.pages.put("502", new Page("502", "Ana Travels", null, "17841400000000002"));
        return serve(graph);
    }

    // ---- test controls ----

    /** Opens the login dialog as Ana's browser would, consents, and reads the redirect back to AIL. */
    public Callback approve(URI authorizeUrl) {
        return callback(consent(authorizeUrl, "Facebook"));
    }

    /** The posts made on Pages, oldest first. */
    /** Every comment made on a Page post or an Instagram media, in order. */
    public List<Comment> comments() {
        return List.copyOf(comments);
    }

    public List<Post> posts() {
        return List.copyOf(posts);
    }

    /** The user tokens whose grant was revoked. */
    public List<String> revoked() {
        return List.copyOf(revoked);
    }

    public boolean valid(String token) {
        Token t = tokens.get(token);
        return t != null && t.expiresAt().isAfter(Instant.now());
    }

    /** Meta invalidates the token (the person changed their password, say): error 190 from now on. */
    public void expire(String token) {
        tokens.computeIfPresent(token, (k, t) -> new Token(t.kind(), t.userId(), t.pageId(), Instant.now().minusSeconds(1)));
    }

    public boolean isPageToken(String token) {
        Token t = tokens.get(token);
        return t != null && t.kind() == Kind.PAGE;
    }

    /**
     * The next request to {@code path} (under /v25.0) gets the Pages business use-case limit (error 32, HTTP 400 as
     * Graph sends it) with X-Business-Use-Case-Usage saying access returns in {@code minutes}.
     */
    public void rateLimitNext(String path, int minutes) {
        String usage = "{\"501\":[{\"type\":\"pages\",\"call_count\":100,\"total_cputime\":20,\"total_time\":30,"
                + "\"estimated_time_to_regain_access\":" + minutes + "}]}";
        answerNext(V + path, error(400, 32, 0, "Page request limit reached").with(Map.of("X-Business-Use-Case-Usage", usage)));
    }

    /**
     * Media URLs under {@code publicUrl} (AIL's public address, which does not resolve in tests) are fetched from
     * {@code local} instead: the same path on AIL's loopback port.
     */
    public void fetchVia(String publicUrl, String local) {
        instagram.publicUrl = publicUrl;
        instagram.fetchVia = local;
    }

    /** Meta's fetcher is busy: new containers stay IN_PROGRESS until {@link #fetchNow}. */
    public void holdFetches() {
        instagram.gate = new java.util.concurrent.CountDownLatch(1);
    }

    public void fetchNow() {
        java.util.concurrent.CountDownLatch gate = instagram.gate;
        instagram.gate = null;
        if (gate != null) {
            gate.countDown();
        }
    }

    /** Meta cannot reach AIL's public address from now on (a firewall, a wrong AIL_PUBLIC_URL): fetches fail. */
    public void cannotReachPublicUrl() {
        instagram.fetchVia = "http://127.0.0.1:1";
    }

    /** The media URLs Meta fetched for Instagram containers, in order. */
    public List<String> fetchedMediaUrls() {
        return List.copyOf(instagram.fetchedUrls);
    }

    /** Instagram posts: each published container's fields (caption, media_type, children...), oldest first. */
    public List<Map<String, String>> instagramPosts() {
        return instagram.published.stream().filter(p -> !p.container().fields.isEmpty()).map(p -> p.container().fields).toList();
    }

    /** The bytes Meta fetched for each item of the {@code n}th Instagram post (its children for a carousel). */
    public List<byte[]> instagramMediaOf(int n) {
        FakeInstagramMedia.Container c = instagram.published.stream().filter(p -> !p.container().fields.isEmpty()).toList().get(n).container();
        return c.children.isEmpty() ? List.of(c.fetched) : c.children.stream().map(id -> instagram.containers.get(id).fetched).toList();
    }

    /** {@code count} posts published through apps at {@code at}, which count toward the 24-hour limit until a day after. */
    public void instagramPostedAt(int count, Instant at) {
        for (int i = 0; i < count; i++) {
            instagram.publishedAt("17841400000000002", at);
        }
    }

    /**
     * A {@code signed_request} as Meta sends to an app's deauthorize and data-deletion callbacks: base64url of the
     * HMAC-SHA256 (keyed with the app secret) of the payload's base64url, a dot, the payload's base64url.
     */
    public static String signedRequest(String userId, String secret) {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String payload = b64.encodeToString(("{\"algorithm\":\"HMAC-SHA256\",\"expires\":0,\"issued_at\":"
                + Instant.now().getEpochSecond() + ",\"user_id\":\"" + userId + "\"}").getBytes(StandardCharsets.UTF_8));
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return b64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII))) + "." + payload;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next request to {@code path} (under /v25.0) gets HTTP 429 with Retry-After and the app-level usage header. */
    public void tooManyRequestsNext(String path, int retryAfterSeconds) {
        answerNext(V + path, error(429, 4, 0, "(#4) Application request limit reached").with(Map.of("Retry-After",
                Integer.toString(retryAfterSeconds), "X-App-Usage", "{\"call_count\":100,\"total_cputime\":12,\"total_time\":15}")));
    }

    /** What the person ticks on the dialog. */
    public void grantScope(String scope) {
        grantedScope = scope;
    }

    // ---- routing ----

    @Override
    protected Answer badJson(Received request) {
        return error(400, 100, 0, "(#100) Invalid parameter");
    }

    @Override
    protected Answer route(Received r) {
        String path = r.path();
        if (!path.startsWith(V + "/")) {
            return error(400, 2635, 0, "(#2635) You are calling a deprecated version of the Graph API or none at all");
        }
        String p = path.substring(V.length());
        Map<String, String> q = parseForm(r.query());
        if (r.method().equals("GET") && p.equals("/dialog/oauth")) {
            return dialog(q);
        }
        if (r.method().equals("GET") && p.equals("/oauth/access_token")) {
            return accessToken(q);
        }
        String raw = bearer(r, q);
        Token token = raw == null ? null : tokens.get(raw);
        if (token == null || token.expiresAt().isBefore(Instant.now())) {
            return error(400, 190, token == null ? 0 : 463, token == null ? "Invalid OAuth access token - Cannot parse access token"
                    : "Error validating access token: Session has expired");
        }
        if (p.startsWith("/upload:") && r.method().equals("POST")) {
            return uploadBytes(r, p.substring(1), raw, token);
        }
        String[] parts = p.substring(1).split("/");
        if (parts[0].equals("me")) {
            return me(r, parts, raw, token);
        }
        if (parts.length == 2 && parts[0].equals(APP_ID) && parts[1].equals("uploads") && r.method().equals("POST")) {
            return openSession(q, raw, token);
        }
        if (instagramUsernames.containsKey(parts[0]) || instagram.containers.containsKey(parts[0])
                || instagram.published.stream().anyMatch(pub -> pub.id().equals(parts[0]))) {
            if (token.kind() == Kind.PAGE) {
                return error(400, 200, 0, "(#200) Instagram content publishing requires the app user's User access token");
            }
            return instagram(r, parts, q);
        }
        Page page = pages.get(parts[0]);
        if (page != null && parts.length == 2 && r.method().equals("POST")) {
            if (token.kind() != Kind.PAGE || !page.id().equals(token.pageId())) {
                return error(403, 200, 0, "(#200) If posting to a page, requires both pages_read_engagement and "
                        + "pages_manage_posts as an admin with sufficient administrative permission");
            }
            return switch (parts[1]) {
                case "feed" -> feed(r, page);
                case "photos" -> photo(r, page);
                case "videos" -> video(r, page);
                default -> error(400, 100, 0, "(#100) Unknown path components: /" + parts[1]);
            };
        }
        Post post = posts.stream().filter(pp -> pp.id().equals(parts[0])).findFirst().orElse(null);
        if (post != null && parts.length == 2 && parts[1].equals("comments") && r.method().equals("POST")) {
            // the Page comments as itself, with its own token and pages_manage_engagement
            if (token.kind() != Kind.PAGE || !post.pageId().equals(token.pageId()) || !grantedScope.contains("pages_manage_engagement")) {
                return error(403, 200, 0, "(#200) Commenting as the Page requires a Page access token with pages_manage_engagement");
            }
            return comment(r, post.id());
        }
        return error(400, 100, 33, "Unsupported " + r.method() + " request. Object with ID '" + parts[0] + "' does not exist");
    }

    /** POST /{object}/comments with a non-empty message, as a form. */
    private Answer comment(Received r, String on) {
        Map<String, String> form = form(r);
        if (form == null) {
            return error(400, 100, 0, "(#100) The body must be application/x-www-form-urlencoded");
        }
        if (form.getOrDefault("message", "").isBlank() || !Set.of("message", "access_token").containsAll(form.keySet())) {
            return error(400, 100, 0, "(#100) A comment takes message (and no other field here)");
        }
        String id = on.contains("_") ? on + "_" + ids.incrementAndGet() : Long.toString(ids.incrementAndGet());
        comments.add(new Comment(id, on, form.get("message")));
        return ok(Map.of("id", id));
    }

    private Answer instagram(Received r, String[] parts, Map<String, String> q) {
        String id = parts[0];
        if (parts.length == 1 && r.method().equals("GET")) {
            if (instagramUsernames.containsKey(id)) {
                return ok(Map.of("id", id, "username", instagramUsernames.get(id), "name", "Ana Travels"));
            }
            FakeInstagramMedia.Container c = instagram.containers.get(id);
            if (c != null) {
                Map<String, Object> status = new LinkedHashMap<>();
                status.put("status_code", c.status);
                if (c.reason != null) {
                    status.put("status", c.reason);
                }
                status.put("id", id);
                return ok(status);
            }
            return ok(Map.of("id", id, "permalink", "https://www.instagram.com/p/C" + id + "/"));
        }
        if (parts.length == 2 && parts[1].equals("comments") && r.method().equals("POST")
                && instagram.published.stream().anyMatch(pub -> pub.id().equals(id))) {
            if (!grantedScope.contains("instagram_manage_comments")) {
                return error(403, 10, 0, "(#10) Application does not have permission for this action: instagram_manage_comments");
            }
            return comment(r, id);
        }
        if (parts.length != 2 || !instagramUsernames.containsKey(id)) {
            return error(400, 100, 33, "Unsupported request to " + String.join("/", parts));
        }
        if (r.method().equals("GET") && parts[1].equals("content_publishing_limit")) {
            return ok(instagram.limit(id));
        }
        if (r.method().equals("GET") && parts[1].equals("media")) {
            return ok(instagram.recent(id, Integer.parseInt(q.getOrDefault("limit", "25"))));
        }
        Map<String, String> form = form(r);
        if (form == null || !r.method().equals("POST")) {
            return error(400, 100, 0, "(#100) The body must be application/x-www-form-urlencoded");
        }
        if (parts[1].equals("media")) {
            List<FakeInstagramMedia.Container> made = new ArrayList<>();
            String refusal = instagram.create(id, form, made);
            return refusal != null ? error(400, 100, 2207010, refusal) : ok(Map.of("id", made.get(0).id));
        }
        if (parts[1].equals("media_publish")) {
            if (instagram.usedIn24h(id) >= instagram.quotaTotal) {
                return error(400, 9, 2207042, "Application request limit reached: the account has reached its publishing limit");
            }
            String refusal = instagram.publish(id, form.get("creation_id"));
            if (refusal != null) {
                return error(400, 9007, 2207027, refusal);
            }
            return ok(Map.of("id", instagram.published.get(instagram.published.size() - 1).id()));
        }
        return error(400, 100, 0, "(#100) Unknown path components: /" + parts[1]);
    }

    private Answer dialog(Map<String, String> q) {
        if (!APP_ID.equals(q.get("client_id"))) {
            return new Answer(400, Map.of("Content-Type", "text/html"), "Invalid App ID");
        }
        if (!redirectUris.contains(q.get("redirect_uri"))) {
            return new Answer(400, Map.of("Content-Type", "text/html"), "URL blocked: not a valid OAuth redirect URI");
        }
        if (!"code".equals(q.get("response_type")) || q.get("state") == null) {
            return new Answer(400, Map.of("Content-Type", "text/html"), "response_type must be code and state is required");
        }
        for (String scope : q.getOrDefault("scope", "").split(",")) {
            if (!SCOPES.contains(scope)) {
                return new Answer(400, Map.of("Content-Type", "text/html"), "Invalid Scopes: " + scope);
            }
        }
        String code = "code-" + ids.incrementAndGet();
        codes.put(code, new Code(q.get("redirect_uri"), q.get("scope")));
        return new Answer(302, Map.of("Location", q.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8) + "#_=_"), null);
    }

    private Answer accessToken(Map<String, String> q) {
        if (!APP_ID.equals(q.get("client_id")) || !APP_SECRET.equals(q.get("client_secret"))) {
            return error(400, 1, 0, "Error validating client secret.");
        }
        if ("fb_exchange_token".equals(q.get("grant_type"))) {
            Token user = tokens.get(q.getOrDefault("fb_exchange_token", ""));
            if (user == null || user.kind() == Kind.PAGE || user.expiresAt().isBefore(Instant.now())) {
                return error(400, 190, 0, "Invalid OAuth access token - Cannot parse access token");
            }
            return issued(Kind.LONG_USER, 5183944);
        }
        Code code = codes.remove(q.getOrDefault("code", ""));
        if (code == null) {
            return error(400, 100, 36009, "This authorization code has been used.");
        }
        if (!code.redirectUri().equals(q.get("redirect_uri"))) {
            return error(400, 100, 36008, "Error validating verification code. Please make sure your redirect_uri is identical "
                    + "to the one you used in the OAuth dialog request");
        }
        return issued(Kind.SHORT_USER, 5400);
    }

    private Answer issued(Kind kind, long seconds) {
        String token = (kind == Kind.SHORT_USER ? "EAAshort" : "EAAlong") + ids.incrementAndGet();
        tokens.put(token, new Token(kind, USER_ID, null, Instant.now().plusSeconds(seconds)));
        return ok(Map.of("access_token", token, "token_type", "bearer", "expires_in", seconds));
    }

    private Answer me(Received r, String[] parts, String raw, Token token) {
        if (parts.length == 1 && r.method().equals("GET")) {
            return token.kind() == Kind.PAGE ? ok(Map.of("id", token.pageId(), "name", pages.get(token.pageId()).name()))
                    : ok(Map.of("id", USER_ID, "name", "Ana Quintero"));
        }
        if (token.kind() == Kind.PAGE) {
            return error(400, 100, 0, "(#100) Tried accessing nonexisting field (" + parts[1] + ") on node type (Page)");
        }
        if (parts.length == 2 && parts[1].equals("accounts") && r.method().equals("GET")) {
            List<Map<String, Object>> data = new ArrayList<>();
            for (Page page : pages.values()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", page.id());
                entry.put("name", page.name());
                if (page.username() != null) {
                    entry.put("username", page.username());
                }
                if (grantedScope.contains("pages_show_list")) {
                    String pageToken = "EAApage" + page.id() + "x" + ids.incrementAndGet();
                    tokens.put(pageToken, new Token(Kind.PAGE, token.userId(), page.id(), token.kind() == Kind.LONG_USER
                            ? Instant.now().plus(Duration.ofDays(3650)) : token.expiresAt()));
                    entry.put("access_token", pageToken);
                }
                if (page.instagramId() != null) {
                    entry.put("instagram_business_account", Map.of("id", page.instagramId()));
                }
                data.add(entry);
            }
            return ok(Map.of("data", data, "paging", Map.of("cursors", Map.of("before", "QVFI", "after", "QVFJ"))));
        }
        if (parts.length == 2 && parts[1].equals("permissions") && r.method().equals("DELETE")) {
            tokens.entrySet().removeIf(e -> e.getValue().userId().equals(token.userId()));
            revoked.add(raw);
            return ok(Map.of("success", true));
        }
        return error(400, 100, 0, "(#100) Unknown path components: /" + parts[1]);
    }

    private Answer feed(Received r, Page page) {
        Map<String, String> form = form(r);
        if (form == null) {
            return error(400, 100, 0, "(#100) The post body must be application/x-www-form-urlencoded");
        }
        List<String> photos = new ArrayList<>();
        for (int i = 0; form.containsKey("attached_media[" + i + "]"); i++) {
            JsonNode media;
            try {
                media = Json.MAPPER.readTree(form.get("attached_media[" + i + "]"));
            } catch (Exception e) {
                return error(400, 100, 0, "(#100) param attached_media must be an array of objects with media_fbid");
            }
            String id = media.path("media_fbid").asText("");
            if (!page.id().equals(unpublishedPhotos.remove(id))) {
                return error(400, 100, 0, "(#100) Param attached_media[" + i + "] must be an unpublished photo of this Page");
            }
            photos.add(id);
        }
        if (form.getOrDefault("message", "").isBlank() && photos.isEmpty() && !form.containsKey("link")) {
            return error(400, 100, 0, "(#100) Missing message or attachment");
        }
        String id = page.id() + "_" + ids.incrementAndGet();
        posts.add(new Post(id, page.id(), form, photos, null));
        return ok(Map.of("id", id));
    }

    private Answer photo(Received r, Page page) {
        String type = r.header("Content-Type");
        if (type == null || !type.startsWith("multipart/form-data; boundary=")) {
            return error(400, 324, 0, "(#324) Requires upload file");
        }
        Map<String, FakeMultipart.Part> parts = FakeMultipart.parse(r.body(), type.substring(type.indexOf('=') + 1));
        FakeMultipart.Part source = parts.get("source");
        if (source == null || source.bytes().length == 0) {
            return error(400, 324, 0, "(#324) Requires upload file");
        }
        String id = Long.toString(ids.incrementAndGet());
        FakeMultipart.Part published = parts.get("published");
        if (published == null || !"false".equals(new String(published.bytes(), StandardCharsets.UTF_8))) {
            posts.add(new Post(id, page.id(), Map.of(), List.of(id), null));
            return ok(Map.of("id", id, "post_id", page.id() + "_" + id));
        }
        unpublishedPhotos.put(id, page.id());
        return ok(Map.of("id", id));
    }

    private Answer openSession(Map<String, String> q, String raw, Token token) {
        if (token.kind() == Kind.PAGE) {
            return error(400, 190, 0, "(#190) This method must be called with a user access token");
        }
        long length;
        try {
            length = Long.parseLong(q.getOrDefault("file_length", ""));
        } catch (NumberFormatException e) {
            return error(400, 100, 0, "(#100) file_length must be a positive integer");
        }
        if (q.get("file_name") == null || !Set.of("video/mp4", "video/quicktime", "image/jpeg", "image/png").contains(q.get("file_type"))) {
            return error(400, 100, 0, "(#100) file_name and a supported file_type are required");
        }
        String session = "upload:MTp" + ids.incrementAndGet() + "?sig=ARb" + ids.incrementAndGet();
        sessions.put(session.substring(0, session.indexOf('?')), new Session(APP_ID, length, q.get("file_type"), raw));
        return ok(Map.of("id", session));
    }

    private Answer uploadBytes(Received r, String sessionId, String raw, Token token) {
        Session session = sessions.get(sessionId);
        if (session == null || !session.userToken().equals(raw) || !"0".equals(r.header("file_offset"))) {
            return error(400, 100, 0, "(#100) Invalid upload session, token or file_offset");
        }
        if (r.body().length != session.length()) {
            return error(400, 100, 0, "(#100) The upload is " + r.body().length + " bytes, not the announced " + session.length());
        }
        sessions.remove(sessionId);
        String handle = "4::" + ids.incrementAndGet();
        handles.put(handle, session.length());
        return ok(Map.of("h", handle));
    }

    private Answer video(Received r, Page page) {
        Map<String, String> form = form(r);
        if (form == null || form.get("fbuploader_video_file_chunk") == null || handles.remove(form.get("fbuploader_video_file_chunk")) == null) {
            return error(400, 100, 0, "(#100) fbuploader_video_file_chunk must be the handle of a finished upload");
        }
        String id = Long.toString(ids.incrementAndGet());
        posts.add(new Post(id, page.id(), form, List.of(), form.get("fbuploader_video_file_chunk")));
        return ok(Map.of("id", id));
    }

    private static Map<String, String> form(Received r) {
        String type = r.header("Content-Type");
        return type != null && type.startsWith("application/x-www-form-urlencoded") ? parseForm(r.text()) : null;
    }

    /** The token of an {@code Authorization: OAuth} header or an {@code access_token} parameter. */
    private static String bearer(Received r, Map<String, String> q) {
        String header = r.header("Authorization");
        if (header != null) {
            return header.startsWith("OAuth ") ? header.substring(6) : header.startsWith("Bearer ") ? header.substring(7) : null;
        }
        return q.get("access_token");
    }

    static Answer ok(Object value) {
        return Answer.json(200, "application/json; charset=UTF-8", value);
    }

    /** Graph's error body, with the fbtrace_id every error carries. */
    static Answer error(int status, int code, int subcode, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", code == 190 ? "OAuthException" : "GraphMethodException");
        error.put("code", code);
        if (subcode != 0) {
            error.put("error_subcode", subcode);
        }
        error.put("fbtrace_id", "AbCdEf" + code);
        return Answer.json(status, "application/json; charset=UTF-8", Map.of("error", error));
    }
}
