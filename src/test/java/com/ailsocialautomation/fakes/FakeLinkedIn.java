package com.ailsocialautomation.fakes;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLDecoder;
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
 * LinkedIn's OAuth endpoints, OpenID userinfo and versioned REST API on 127.0.0.1, as strict as the real service
 * where platforms.md says what it does: client id and secret in the token request body, exact redirect URI,
 * 60-day bearer tokens (expired: 401 EXPIRED_ACCESS_TOKEN), {@code LinkedIn-Version} required on /rest (missing:
 * 400 VERSION_MISSING; retired: 426 NONEXISTENT_VERSION), {@code X-Restli-Protocol-Version: 2.0.0} required, URNs
 * URL-encoded in paths, the post's author must be the token's member, media must be AVAILABLE before use,
 * duplicates refused, the post URN returned in {@code x-restli-id}. Images and videos go through initializeUpload,
 * PUT and (video) finalize with ETags, then PROCESSING until AVAILABLE or PROCESSING_FAILED. For approved apps it
 * issues refresh tokens whose 365-day life does not restart on refresh. Tests can make it answer 429 once, send
 * a malformed answer once, fail or stall processing, retire versions, or be slow. It records every request.
 *
 * <p>Organizations (the Community Management API): the member holds roles on organizations the test declares;
 * {@code /rest/organizationAcls?q=roleAssignee} lists them (only with {@code r_organization_admin} or
 * {@code rw_organization_admin}, else 403), {@code /rest/organizations/{id}} names one the member has a role on, and
 * a post or upload whose author or owner is {@code urn:li:organization:<id>} needs {@code w_organization_social}
 * and the member's approved ADMINISTRATOR role there (else 403), as a member's own needs {@code w_member_social}.
 */
public final class FakeLinkedIn extends LoopbackApi {
    public static final String CLIENT_ID = "fake-linkedin-client-id";
    public static final String CLIENT_SECRET = "fake-linkedin-client-secret";
    public static final String REDIRECT_URI = "https://ail.example.com/oauth/linkedin/callback";
    public static final String MEMBER_ID = "yQ5Yd3kLp0";
    public static final String MEMBER_URN = "urn:li:person:" + MEMBER_ID;
    public static final String ALL_SCOPES = "openid profile w_member_social";
    private static final Set<String> KNOWN_SCOPES = Set.of("openid", "profile", "email", "w_member_social",
            "w_organization_social", "r_organization_admin", "rw_organization_admin");
    public static final String ORGANIZATION_PREFIX = "urn:li:organization:";

    /** A role the member holds on an organization: ADMINISTRATOR, ANALYST... in state APPROVED or REQUESTED. */
    public record Role(String organizationId, String name, String vanityName, String role, String state) {}
    private static final long SIXTY_DAYS = Duration.ofDays(60).toSeconds();
    private static final long YEAR = Duration.ofDays(365).toSeconds();

    public enum Processing { SUCCEEDS, FAILS, STAYS_PROCESSING }

    public record Issued(String accessToken, String refreshToken) {}


    private record Code(String redirectUri, String scope, Instant issuedAt) {}

    private record Token(String scope, Instant expiresAt) {}

    private record Refresh(String scope, Instant endsAt) {}

    private static final class Asset {
        final String urn;
        final long size;
        final String uploadToken;
        final List<String> etags = new ArrayList<>();
        String status = "WAITING_UPLOAD";
        String owner;
        Processing processing;
        int polls;

        Asset(String urn, long size, String uploadToken) {
            this.urn = urn;
            this.size = size;
            this.uploadToken = uploadToken;
        }
    }

    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Token> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Refresh> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Asset> assets = new ConcurrentHashMap<>(); // by URN
    private final Map<String, Asset> uploads = new ConcurrentHashMap<>(); // by upload path
    private final List<JsonNode> posts = new CopyOnWriteArrayList<>();
    private final List<JsonNode> comments = new CopyOnWriteArrayList<>();
    private final Map<String, Role> roles = new ConcurrentHashMap<>(); // by organization id
    private final AtomicLong ids = new AtomicLong(7000000000000000000L);
    private volatile String oldestVersion = "202506";
    private volatile String newestVersion = "202612";
    private volatile boolean issuesRefreshTokens;
    private volatile String grantedScope = ALL_SCOPES;
    private volatile Processing imageProcessing = Processing.SUCCEEDS;
    private volatile Processing videoProcessing = Processing.SUCCEEDS;
    private volatile int videoPartBytes = 4 * 1024 * 1024;
    private volatile String uploadBase; // null: upload URLs on url()

    private FakeLinkedIn() {
        super("LinkedIn");
    }

    /** Serves the API host, the www (OAuth) host and the upload host on {@link #url()}. */
    public static FakeLinkedIn start() {
        return serve(new FakeLinkedIn());
    }

    // ---- test controls ----

    public Issued issue() {
        return issue(ALL_SCOPES, Instant.now().plusSeconds(YEAR));
    }

    private Issued issue(String scope, Instant refreshEndsAt) {
        String access = "li-access-" + ids.incrementAndGet();
        accessTokens.put(access, new Token(scope, Instant.now().plusSeconds(SIXTY_DAYS)));
        String refresh = null;
        if (issuesRefreshTokens) {
            refresh = "li-refresh-" + ids.incrementAndGet();
            refreshTokens.put(refresh, new Refresh(scope, refreshEndsAt));
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

    /** Only apps approved for programmatic refresh tokens get them. */
    public void issueRefreshTokens(boolean approved) {
        issuesRefreshTokens = approved;
    }

    /** What the member leaves ticked on the consent page. */
    public void grantScope(String scope) {
        grantedScope = scope;
    }

    /** Versions before {@code oldest} answer 426, as LinkedIn does about a year after a release. */
    public void activeVersions(String oldest, String newest) {
        oldestVersion = oldest;
        newestVersion = newest;
    }

    /** The next request to {@code path} gets LinkedIn's daily-limit 429, which carries no reset header. */
    public void rateLimitNext(String path) {
        answerNext(path, error(429, null, "Resource level throttle APPLICATION DAY limit for calls to this resource is reached."));
    }

    public void imageProcessing(Processing processing) {
        imageProcessing = processing;
    }

    public void videoProcessing(Processing processing) {
        videoProcessing = processing;
    }

    public void videoPartBytes(int bytes) {
        videoPartBytes = bytes;
    }

    /**
     * Upload URLs start with {@code base} instead of {@link #url()}: a base such as http://localhost:port still
     * reaches this fake, but under a host name that is not LinkedIn's API host.
     */
    public void uploadBase(String base) {
        uploadBase = base;
    }

    private String uploadUrl(String path) {
        String base = uploadBase;
        return (base == null ? url() : base) + path;
    }

    /** The member holds {@code role} on this organization (APPROVED unless {@code state} says otherwise). */
    public void role(Role role) {
        roles.put(role.organizationId(), role);
    }

    public List<JsonNode> posts() {
        return List.copyOf(posts);
    }

    /** Opens the authorize URL as the member's browser would, consents, and reads the redirect back to AIL. */
    public Callback approve(URI authorizeUrl) {
        return callback(consent(authorizeUrl, "LinkedIn"));
    }

    // ---- routing ----

    /** A malformed answer (see {@link #malformNext}) is HTML and lacks x-restli-id. */
    @Override
    protected Answer malformed(Answer answer) {
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        headers.remove("x-restli-id");
        headers.put("Content-Type", "text/html");
        return new Answer(answer.status(), headers, "<html>Request timed out</html>");
    }

    @Override
    protected Answer badJson(Received request) {
        return error(400, null, "Unable to parse the request body as JSON");
    }

    @Override
    protected Answer route(Received r) {
        String path = r.path();
        if (r.method().equals("GET") && path.equals("/oauth/v2/authorization")) {
            return authorize(parseForm(r.query()));
        }
        if (r.method().equals("POST") && path.equals("/oauth/v2/accessToken")) {
            return accessToken(r);
        }
        if (r.method().equals("POST") && path.equals("/oauth/v2/revoke")) {
            return revoke(r);
        }
        if (r.method().equals("PUT") && path.startsWith("/dms-uploads/")) {
            return upload(r);
        }
        String tokenProblem = bearerProblem(r);
        if (tokenProblem != null) {
            return error(401, tokenProblem.equals("expired") ? "EXPIRED_ACCESS_TOKEN" : "INVALID_ACCESS_TOKEN",
                    tokenProblem.equals("expired") ? "The token used in the request has expired" : "Invalid access token");
        }
        Token token = accessTokens.get(r.bearer());
        if (r.method().equals("GET") && path.equals("/v2/userinfo")) {
            if (!token.scope().contains("openid") || !token.scope().contains("profile")) {
                return error(403, "ACCESS_DENIED", "Not enough permissions to access: userinfo.GET.NO_VERSION");
            }
            return json(200, Map.of("sub", MEMBER_ID, "name", "Ada Lovelace", "given_name", "Ada", "family_name", "Lovelace",
                    "picture", "https://media.licdn.com/dms/image/ada.jpg", "locale", Map.of("country", "GB", "language", "en")));
        }
        if (!path.startsWith("/rest/")) {
            return error(404, null, "No resource found for " + path);
        }
        Answer versionProblem = versionProblem(r);
        if (versionProblem != null) {
            return versionProblem;
        }
        if (r.method().equals("GET") && path.equals("/rest/organizationAcls")) {
            return acls(r, token);
        }
        if (r.method().equals("GET") && path.startsWith("/rest/organizations/")) {
            return organization(path.substring("/rest/organizations/".length()), token);
        }
        String action = parseForm(r.query()).get("action");
        if (r.method().equals("POST") && path.equals("/rest/posts")) {
            Answer refused = isJson(r) ? socialProblem(token, r.json().path("author").asText(""), "create a post for") : null;
            return refused != null ? refused : post(r);
        }
        if (r.method().equals("POST") && path.startsWith("/rest/socialActions/") && path.endsWith("/comments")) {
            Answer refused = isJson(r) ? socialProblem(token, r.json().path("actor").asText(""), "comment as") : null;
            return refused != null ? refused : comment(r);
        }
        if (r.method().equals("POST") && (path.equals("/rest/images") || path.equals("/rest/videos")) && "initializeUpload".equals(action)) {
            Answer refused = isJson(r) ? socialProblem(token, r.json().path("initializeUploadRequest").path("owner").asText(""),
                    "upload for") : null;
            if (refused != null) {
                return refused;
            }
            return path.equals("/rest/images") ? initializeImage(r) : initializeVideo(r);
        }
        if (!token.scope().contains("w_member_social") && !token.scope().contains("w_organization_social")) {
            return error(403, "ACCESS_DENIED", "Not enough permissions to access: " + path);
        }
        if (r.method().equals("POST") && path.equals("/rest/videos") && "finalizeUpload".equals(action)) {
            return finalizeVideo(r);
        }
        if (r.method().equals("GET") && (path.startsWith("/rest/images/") || path.startsWith("/rest/videos/"))) {
            return asset(r);
        }
        return error(404, null, "No resource found for " + r.method() + " " + path);
    }

    // ---- OAuth ----

    private Answer authorize(Map<String, String> q) {
        String problem = null;
        if (!"code".equals(q.get("response_type"))) {
            problem = "response_type must be code";
        } else if (!CLIENT_ID.equals(q.get("client_id"))) {
            problem = "invalid client_id";
        } else if (!REDIRECT_URI.equals(q.get("redirect_uri"))) {
            problem = "The redirect_uri does not match the registered value";
        } else if (q.get("scope") == null || !KNOWN_SCOPES.containsAll(List.of(q.get("scope").split(" ")))) {
            problem = "invalid scope";
        } else if (q.get("state") == null) {
            problem = "state is required";
        }
        if (problem != null) {
            return new Answer(400, Map.of("Content-Type", "text/html"), "<html>" + problem + "</html>");
        }
        String code = "li-code-" + ids.incrementAndGet();
        codes.put(code, new Code(q.get("redirect_uri"), grantedScope, Instant.now()));
        return empty(302, Map.of("Location", q.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8)));
    }

    private Answer accessToken(Received r) {
        String type = r.header("Content-Type");
        if (type == null || !type.startsWith("application/x-www-form-urlencoded")) {
            return oauthError(400, "invalid_request", "A required parameter \"grant_type\" is missing");
        }
        Map<String, String> form = r.form();
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            return oauthError(401, "invalid_client", "Client authentication failed");
        }
        if ("authorization_code".equals(form.get("grant_type"))) {
            Code code = codes.remove(form.getOrDefault("code", ""));
            if (code == null || code.issuedAt().isBefore(Instant.now().minus(Duration.ofMinutes(30)))) {
                return oauthError(400, "invalid_request", "Unable to retrieve access token: authorization code not found");
            }
            if (!code.redirectUri().equals(form.get("redirect_uri"))) {
                return oauthError(400, "invalid_request", "Unable to retrieve access token: appid/redirect uri/code verifier does not match authorization code");
            }
            return tokens(issue(code.scope(), Instant.now().plusSeconds(YEAR)), code.scope());
        }
        if ("refresh_token".equals(form.get("grant_type"))) {
            Refresh refresh = refreshTokens.get(form.getOrDefault("refresh_token", ""));
            if (refresh == null || refresh.endsAt().isBefore(Instant.now())) {
                return oauthError(400, "invalid_request", "The provided refresh token is invalid or has expired");
            }
            String access = "li-access-" + ids.incrementAndGet();
            accessTokens.put(access, new Token(refresh.scope(), Instant.now().plusSeconds(SIXTY_DAYS)));
            // The same refresh token comes back with what is left of its life: it does not restart.
            return tokens(new Issued(access, form.get("refresh_token")), refresh.scope());
        }
        return oauthError(400, "invalid_request", "A required parameter \"grant_type\" is missing");
    }

    private Answer tokens(Issued issued, String scope) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued.accessToken());
        body.put("expires_in", SIXTY_DAYS);
        body.put("scope", String.join(",", scope.split(" ")));
        if (issued.refreshToken() != null) {
            body.put("refresh_token", issued.refreshToken());
            body.put("refresh_token_expires_in", Duration.between(Instant.now(), refreshTokens.get(issued.refreshToken()).endsAt()).toSeconds());
        }
        return json(200, body);
    }

    private Answer revoke(Received r) {
        Map<String, String> form = r.form();
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            return oauthError(401, "invalid_client", "Client authentication failed");
        }
        if (form.get("token") == null) {
            return oauthError(400, "invalid_request", "A required parameter \"token\" is missing");
        }
        accessTokens.remove(form.get("token"));
        return empty(200, Map.of());
    }

    /** Null when the bearer token is good; "expired" or "invalid" otherwise. */
    private String bearerProblem(Received r) {
        String bearer = r.bearer();
        if (bearer == null) {
            return "invalid";
        }
        Token token = accessTokens.get(bearer);
        if (token == null) {
            return "invalid";
        }
        return token.expiresAt().isAfter(Instant.now()) ? null : "expired";
    }

    private Answer versionProblem(Received r) {
        String version = r.header("LinkedIn-Version");
        if (version == null) {
            return error(400, "VERSION_MISSING", "A version must be present. Please specify a version by adding the LinkedIn-Version header.");
        }
        if (!version.matches("\\d{6}") || version.compareTo(oldestVersion) < 0 || version.compareTo(newestVersion) > 0) {
            return error(426, "NONEXISTENT_VERSION", "Requested version " + version + " is not active");
        }
        if (!"2.0.0".equals(r.header("X-Restli-Protocol-Version"))) {
            return error(400, "ILLEGAL_ARGUMENT", "This resource requires X-Restli-Protocol-Version 2.0.0");
        }
        return null;
    }

    // ---- posts and media ----

    private Answer post(Received r) {
        if (!isJson(r)) {
            return error(415, null, "Unsupported Media Type");
        }
        JsonNode body = r.json();
        for (String field : List.of("author", "visibility", "lifecycleState")) {
            if (!body.path(field).isTextual()) {
                return error(422, null, "ERROR :: /" + field + " :: field is required but not found and has no default value");
            }
        }
        if (!body.path("distribution").path("feedDistribution").isTextual()) {
            return error(422, null, "ERROR :: /distribution/feedDistribution :: field is required but not found and has no default value");
        }
        String invalid = invalidEnum(body, "/visibility", VISIBILITIES);
        invalid = invalid != null ? invalid : invalidEnum(body, "/distribution/feedDistribution", FEED_DISTRIBUTIONS);
        invalid = invalid != null ? invalid : invalidEnum(body, "/lifecycleState", LIFECYCLE_STATES);
        if (invalid != null) {
            return error(422, null, invalid);
        }
        if (body.path("commentary").asText("").length() > 3000) {
            return error(422, null, "ERROR :: /commentary :: length of commentary exceeds 3000 characters");
        }
        for (JsonNode item : mediaItems(body)) {
            if (item.has("altText") && (!item.path("altText").isTextual() || item.path("altText").asText().length() > 4086)) {
                return error(422, null, "ERROR :: altText :: must be a string of at most 4086 characters");
            }
        }
        List<String> media = new ArrayList<>();
        if (body.path("content").path("media").path("id").isTextual()) {
            media.add(body.path("content").path("media").path("id").asText());
        }
        body.path("content").path("multiImage").path("images").forEach(image -> media.add(image.path("id").asText()));
        for (String urn : media) {
            Asset asset = assets.get(urn);
            if (asset == null || !asset.status.equals("AVAILABLE")) {
                return error(400, null, "Media " + urn + " is not available for use");
            }
        }
        String commentary = body.path("commentary").asText("");
        for (JsonNode earlier : posts) {
            if (!commentary.isEmpty() && earlier.path("commentary").asText("").equals(commentary)) {
                return error(422, null, "Content is a duplicate of urn:li:share:" + earlier.path("_id").asText());
            }
        }
        String id = Long.toString(ids.incrementAndGet());
        posts.add(((com.fasterxml.jackson.databind.node.ObjectNode) body.deepCopy()).put("_id", id));
        return empty(201, Map.of("x-restli-id", "urn:li:share:" + id));
    }

    /**
     * The Comments API's create: the post's URN in the path (URL-encoded under protocol 2.0.0), the same URN as
     * {@code object}, an {@code actor} allowed to comment, and {@code message.text}; 201 with the comment and its
     * URN in x-restli-id.
     */
    private Answer comment(Received r) {
        String[] parts = r.rawPath().split("/"); // "", "rest", "socialActions", urn, "comments"
        if (parts.length != 5 || parts[3].contains(":")) {
            return error(400, null, "Invalid URN syntax in path: URNs must be URL-encoded under protocol 2.0.0");
        }
        String object = URLDecoder.decode(parts[3], StandardCharsets.UTF_8);
        JsonNode body = r.json();
        if (!body.path("actor").isTextual() || !body.path("message").path("text").isTextual()) {
            return error(422, null, "ERROR :: /actor, /message/text :: field is required but not found and has no default value");
        }
        if (!object.equals(body.path("object").asText())) {
            return error(400, null, "The object " + body.path("object").asText() + " does not match the entity in the path " + object);
        }
        if (!object.startsWith("urn:li:share:") || posts.stream().noneMatch(p -> ("urn:li:share:" + p.path("_id").asText()).equals(object))) {
            return error(404, null, "Not Found: " + object);
        }
        if (body.path("message").path("text").asText().length() > 1250) {
            return error(422, null, "ERROR :: /message/text :: length exceeds 1250 characters");
        }
        String urn = "urn:li:comment:(" + object + "," + ids.incrementAndGet() + ")";
        com.fasterxml.jackson.databind.node.ObjectNode saved = ((com.fasterxml.jackson.databind.node.ObjectNode) body.deepCopy()).put("commentUrn", urn);
        comments.add(saved);
        return new Answer(201, Map.of("Content-Type", "application/json", "x-restli-id", urn), saved.toString());
    }

    /** Every comment created, as sent, with its commentUrn. */
    public List<JsonNode> comments() {
        return List.copyOf(comments);
    }

    /**
     * Null when the token may post or upload as {@code author}: the member itself with w_member_social, or an
     * organization the member administers (approved) with w_organization_social; LinkedIn's 403 otherwise.
     */
    private Answer socialProblem(Token token, String author, String doing) {
        boolean allowed;
        if (author.equals(MEMBER_URN)) {
            allowed = token.scope().contains("w_member_social");
        } else if (author.startsWith(ORGANIZATION_PREFIX)) {
            Role role = roles.get(author.substring(ORGANIZATION_PREFIX.length()));
            allowed = token.scope().contains("w_organization_social") && role != null
                    && role.role().equals("ADMINISTRATOR") && role.state().equals("APPROVED");
        } else {
            allowed = false;
        }
        return allowed ? null : error(403, "ACCESS_DENIED", "Not enough permissions to " + doing + " " + author);
    }

    /** The member's roles: the roleAssignee finder, filtered by role and state, paged by start and count. */
    private Answer acls(Received r, Token token) {
        if (!token.scope().contains("r_organization_admin") && !token.scope().contains("rw_organization_admin")) {
            return error(403, "ACCESS_DENIED", "Not enough permissions to access: organizationAcls.FINDER-roleAssignee");
        }
        Map<String, String> q = parseForm(r.query());
        if (!"roleAssignee".equals(q.get("q"))) {
            return error(400, "ILLEGAL_ARGUMENT", "Unknown finder: " + q.get("q"));
        }
        int start = Integer.parseInt(q.getOrDefault("start", "0"));
        int count = Integer.parseInt(q.getOrDefault("count", "10"));
        List<Map<String, Object>> elements = roles.values().stream()
                .filter(role -> q.get("role") == null || q.get("role").equals(role.role()))
                .filter(role -> q.get("state") == null || q.get("state").equals(role.state()))
                .sorted(java.util.Comparator.comparing(Role::organizationId))
                .map(role -> Map.<String, Object>of("roleAssignee", MEMBER_URN, "role", role.role(), "state", role.state(),
                        "organization", ORGANIZATION_PREFIX + role.organizationId()))
                .toList();
        List<Map<String, Object>> page = elements.subList(Math.min(start, elements.size()), Math.min(start + count, elements.size()));
        return json(200, Map.of("paging", Map.of("start", start, "count", count, "total", elements.size(), "links", List.of()),
                "elements", page));
    }

    private Answer organization(String id, Token token) {
        if (!token.scope().contains("r_organization_admin") && !token.scope().contains("rw_organization_admin")) {
            return error(403, "ACCESS_DENIED", "Not enough permissions to access: organizations.GET");
        }
        Role role = roles.get(id);
        if (role == null) {
            return error(404, null, "Organization " + id + " not found");
        }
        return json(200, Map.of("id", Long.parseLong(id), "localizedName", role.name(), "vanityName", role.vanityName()));
    }

    private static final Set<String> VISIBILITIES = Set.of("PUBLIC", "CONNECTIONS", "LOGGED_IN", "CONTAINER");
    private static final Set<String> FEED_DISTRIBUTIONS = Set.of("MAIN_FEED", "NONE");
    private static final Set<String> LIFECYCLE_STATES = Set.of("DRAFT", "PUBLISHED", "PUBLISH_REQUESTED", "PUBLISH_FAILED");

    private static String invalidEnum(JsonNode body, String pointer, Set<String> allowed) {
        String value = body.at(pointer).asText("");
        return allowed.contains(value) ? null
                : "ERROR :: " + pointer + " :: \"" + value + "\" is not an enum symbol of " + new java.util.TreeSet<>(allowed);
    }

    /** The media entries of a post: content.media, or each of content.multiImage.images. */
    private static List<JsonNode> mediaItems(JsonNode body) {
        List<JsonNode> items = new ArrayList<>();
        if (body.path("content").path("media").isObject()) {
            items.add(body.path("content").path("media"));
        }
        body.path("content").path("multiImage").path("images").forEach(items::add);
        return items;
    }

    private Answer initializeImage(Received r) {
        if (!isJson(r)) {
            return error(415, null, "Unsupported Media Type");
        }
        String owner = r.json().path("initializeUploadRequest").path("owner").asText("");
        String urn = "urn:li:image:D4E10AQ" + ids.incrementAndGet();
        Asset asset = new Asset(urn, -1, null);
        asset.owner = owner;
        asset.processing = imageProcessing;
        assets.put(urn, asset);
        String uploadPath = "/dms-uploads/image/" + ids.incrementAndGet();
        uploads.put(uploadPath, asset);
        return json(200, Map.of("value", Map.of("uploadUrlExpiresAt", Instant.now().plusSeconds(86400).toEpochMilli(),
                "uploadUrl", uploadUrl(uploadPath), "image", urn)));
    }

    private Answer initializeVideo(Received r) {
        if (!isJson(r)) {
            return error(415, null, "Unsupported Media Type");
        }
        JsonNode request = r.json().path("initializeUploadRequest");
        long size = request.path("fileSizeBytes").asLong(0);
        if (size <= 0) {
            return error(422, null, "ERROR :: /initializeUploadRequest/fileSizeBytes :: field is required but not found and has no default value");
        }
        String urn = "urn:li:video:D5610AQ" + ids.incrementAndGet();
        Asset asset = new Asset(urn, size, "upload-token-" + ids.incrementAndGet());
        asset.owner = request.path("owner").asText();
        asset.processing = videoProcessing;
        assets.put(urn, asset);
        List<Map<String, Object>> instructions = new ArrayList<>();
        for (long first = 0, part = 0; first < size; first += videoPartBytes, part++) {
            String uploadPath = "/dms-uploads/video/" + ids.get() + "/part/" + part;
            uploads.put(uploadPath, asset);
            instructions.add(Map.of("uploadUrl", uploadUrl(uploadPath), "firstByte", first, "lastByte", Math.min(size, first + videoPartBytes) - 1));
        }
        return json(200, Map.of("value", Map.of("uploadUrlsExpireAt", Instant.now().plusSeconds(86400).toEpochMilli(),
                "video", urn, "uploadToken", asset.uploadToken, "uploadInstructions", instructions)));
    }

    private Answer upload(Received r) {
        Asset asset = uploads.get(r.path());
        if (asset == null) {
            return error(404, null, "Upload URL not found or expired");
        }
        String type = r.header("Content-Type");
        if (type == null || !type.startsWith("application/octet-stream")) {
            return error(415, null, "Uploads take application/octet-stream, got " + type);
        }
        if (asset.urn.startsWith("urn:li:image:")) {
            if (bearerProblem(r) != null) {
                return error(401, "INVALID_ACCESS_TOKEN", "Invalid access token");
            }
            asset.status = "PROCESSING";
            return empty(201, Map.of());
        }
        String part = r.path().substring(r.path().lastIndexOf('/') + 1);
        long expected = Math.min(videoPartBytes, asset.size - Long.parseLong(part) * videoPartBytes);
        if (r.body().length != expected) {
            return error(400, null, "Part " + part + " must be " + expected + " bytes, got " + r.body().length);
        }
        String etag = "/etag-" + asset.urn.substring(asset.urn.lastIndexOf(':') + 1) + "-" + part;
        return empty(200, Map.of("ETag", etag));
    }

    private Answer finalizeVideo(Received r) {
        JsonNode request = r.json().path("finalizeUploadRequest");
        Asset asset = assets.get(request.path("video").asText(""));
        if (asset == null || !asset.uploadToken.equals(request.path("uploadToken").asText())) {
            return error(400, null, "Invalid video or upload token");
        }
        List<String> given = new ArrayList<>();
        request.path("uploadedPartIds").forEach(n -> given.add(n.asText()));
        List<String> expected = new ArrayList<>();
        String suffix = asset.urn.substring(asset.urn.lastIndexOf(':') + 1);
        for (long part = 0; part * videoPartBytes < asset.size; part++) {
            expected.add("/etag-" + suffix + "-" + part);
        }
        if (!given.equals(expected)) {
            return error(400, null, "uploadedPartIds do not match the uploaded parts");
        }
        asset.status = "PROCESSING";
        return empty(200, Map.of());
    }

    private Answer asset(Received r) {
        String encoded = r.rawPath().substring(r.rawPath().lastIndexOf('/') + 1);
        if (encoded.contains(":")) {
            return error(400, null, "Invalid URN syntax in path: URNs must be URL-encoded under protocol 2.0.0");
        }
        Asset asset = assets.get(URLDecoder.decode(encoded, StandardCharsets.UTF_8));
        if (asset == null) {
            return error(404, null, "No such media");
        }
        Map<String, Object> body = new LinkedHashMap<>(Map.of("id", asset.urn, "owner", asset.owner));
        if (asset.status.equals("PROCESSING") && asset.processing != Processing.STAYS_PROCESSING && ++asset.polls >= 2) {
            asset.status = asset.processing == Processing.SUCCEEDS ? "AVAILABLE" : "PROCESSING_FAILED";
        }
        body.put("status", asset.status);
        if (asset.status.equals("PROCESSING_FAILED")) {
            body.put("processingFailureReason", "Media format is not supported");
        }
        return json(200, body);
    }

    // ---- answers and parsing ----

    private static boolean isJson(Received r) {
        String type = r.header("Content-Type");
        return type != null && type.startsWith("application/json");
    }

    private static Answer json(int status, Object value) {
        return Answer.json(status, "application/json", value);
    }

    private static Answer empty(int status, Map<String, String> headers) {
        return new Answer(status, headers, null);
    }

    private static Answer error(int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        if (code != null) {
            body.put("code", code);
        }
        if (status == 401) {
            body.put("serviceErrorCode", code != null && code.startsWith("EXPIRED") ? 65601 : 65600);
        }
        body.put("message", message);
        return json(status, body);
    }

    private static Answer oauthError(int status, String error, String description) {
        return json(status, Map.of("error", error, "error_description", description));
    }
}
