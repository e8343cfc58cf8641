package com.ailsocialautomation.fakes;

import com.ailsocialautomation.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Slack's Web API on 127.0.0.1, strict where Slack is: methods are POSTs of {@code application/x-www-form-urlencoded}
 * forms under {@code /api/}, with {@code Authorization: Bearer xoxb-...} of a token it issued (else
 * {@code not_authed} / {@code invalid_auth}); {@code blocks} and {@code view} are JSON strings in the form and are
 * checked against Block Kit's limits (50 blocks in a message, 100 in a view, 3000 characters in a section);
 * required fields are required; JSON that does not parse gets Slack's error ({@code invalid_blocks_format}, or a 400
 * {@code invalid_payload} on a response_url), never a dropped connection. It also serves response_urls
 * ({@code /respond/...}: a fresh one per {@link #responseUrl}, taken 5 times within 30 minutes, then 404
 * {@code used_url} / {@code expired_url}) and file upload URLs ({@code /upload/...}), and {@code oauth.v2.access} for
 * installs and token rotation: a code from {@link #approve} works once, within 10 minutes, only with the
 * {@code redirect_uri} its authorize URL named ({@code invalid_code}, {@code bad_redirect_uri}); refresh tokens are
 * single-use.
 * Files people shared ({@link #addFile}) are described by {@code files.info} and served at their
 * {@code url_private_download} ({@code GET /files-pri/...}) only with a bot token it issued, as Slack serves them: without
 * one Slack answers with a redirect to its sign-in page, whose HTML is no picture. Tests can make
 * {@code chat.postMessage} answer 429 with Retry-After. It records every call.
 */
public final class FakeSlack implements AutoCloseable {
    public static final String TEAM = "T0AIL";
    public static final String BOT_TOKEN = "xoxb-fake-bot-token";
    public static final String BOT_USER = "U0BOT";
    public static final String CLIENT_ID = "1111.2222";
    public static final String CLIENT_SECRET = "fake-slack-client-secret";
    /** Slack takes at most this many answers through one response_url, within {@link #RESPONSE_URL_LIFETIME}. */
    public static final int RESPONSE_URL_USES = 5;
    public static final Duration RESPONSE_URL_LIFETIME = Duration.ofMinutes(30);
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

    /** One call: the method (or "respond"/"upload"), its form fields or JSON body, and the token it carried. */
    public record Call(String method, Map<String, String> form, String json, String token, byte[] bytes) {
        public JsonNode jsonField(String name) {
            try {
                return Json.MAPPER.readTree(form.get(name));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public JsonNode body() {
            try {
                return Json.MAPPER.readTree(json);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A Slack user as users.info describes them. */
    public record User(String id, String name, String tz, boolean admin, boolean owner) {}

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>(); // refresh token -> team
    private final Map<String, String> orgTokens = new ConcurrentHashMap<>(); // token -> enterprise
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile int retryAfterSeconds = 30;
    private volatile int rotatingTokenSeconds; // 0: install issues non-expiring tokens
    private volatile String socketModeUrl;
    private final Map<String, Duration> slow = new ConcurrentHashMap<>();
    private final Map<String, Code> codes = new ConcurrentHashMap<>(); // removed when used
    private final List<String> issued = new CopyOnWriteArrayList<>();
    private final Map<String, Respond> responseUrls = new ConcurrentHashMap<>(); // by path
    private volatile java.time.Clock clock = java.time.Clock.systemUTC();
    private volatile String installer = "U0INSTALLER";

    private record Code(String redirectUri, java.time.Instant issuedAt) {}

    private static final class Respond {
        final java.time.Instant issuedAt;
        int uses;

        Respond(java.time.Instant issuedAt) {
            this.issuedAt = issuedAt;
        }
    }
    private final Map<String, SharedFile> files = new ConcurrentHashMap<>();
    private final Set<String> uploaded = ConcurrentHashMap.newKeySet();

    /** A file someone shared in the workspace. */
    private record SharedFile(String id, String name, String mimetype, byte[] bytes) {}

    public FakeSlack() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        tokens.add(BOT_TOKEN);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A fresh response_url, as Slack puts in each slash command and interaction: its path ends with "/" + name. */
    public String responseUrl(String name) {
        String path = "/respond/" + sequence.incrementAndGet() + "/" + name;
        responseUrls.put(path, new Respond(clock.instant()));
        return url() + path;
    }

    /** The time this fake keeps (response_url and code lifetimes): the product's test clock, so both agree. */
    public void useClock(java.time.Clock time) {
        clock = time;
    }

    /**
     * What Slack's authorize page does when the person allows the app: a code for {@code authorizeUrl}'s
     * {@code redirect_uri}, which {@code oauth.v2.access} takes once. Refuses another app's URL.
     */
    public String approve(String authorizeUrl) {
        Map<String, String> query = form(java.net.URI.create(authorizeUrl).getRawQuery());
        if (!CLIENT_ID.equals(query.get("client_id"))) {
            throw new AssertionError("Slack would show invalid_client_id for " + authorizeUrl);
        }
        String code = "fake-code-" + sequence.incrementAndGet() + "." + java.util.UUID.randomUUID();
        codes.put(code, new Code(query.get("redirect_uri"), clock.instant()));
        return code;
    }

    /**
     * A file someone shared, as the file object Slack puts in payloads and files.info answers: id, name, mimetype,
     * size, url_private and url_private_download (on this fake).
     */
    public Map<String, Object> addFile(String id, String name, String mimetype, byte[] bytes) {
        files.put(id, new SharedFile(id, name, mimetype, bytes.clone()));
        return fileObject(id);
    }

    /** The file is deleted in Slack: files.info answers file_not_found and its download address 404. */
    public void deleteFile(String id) {
        files.remove(id);
    }

    /** The file object of a shared file. */
    public Map<String, Object> fileObject(String id) {
        SharedFile f = files.get(id);
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("id", f.id());
        file.put("created", 1700000000);
        file.put("name", f.name());
        file.put("title", f.name());
        file.put("mimetype", f.mimetype());
        file.put("filetype", f.name().substring(f.name().lastIndexOf('.') + 1));
        file.put("user", "U0SHARER");
        file.put("size", f.bytes().length);
        file.put("url_private", url() + "/files-pri/" + TEAM + "-" + f.id() + "/" + f.name());
        file.put("url_private_download", url() + "/files-pri/" + TEAM + "-" + f.id() + "/download/" + f.name());
        file.put("permalink", "https://ail-test.slack.com/files/U0SHARER/" + f.id() + "/" + f.name());
        return file;
    }

    /**
     * Serves {@code path} (and below it) with {@code handler} on this fake's host, as Slack serves its other endpoints
     * beside the Web API (Sign in with Slack's, see {@link FakeSlackOpenId}).
     */
    public void mount(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(path, handler);
    }

    public void addUser(User user) {
        users.put(user.id(), user);
    }

    public void revoke(String token) {
        tokens.remove(token);
    }

    public void unrevoke(String token) {
        tokens.add(token);
    }

    /** A bot token of an org-wide (Enterprise Grid) installation. */
    public void addOrgToken(String token, String enterpriseId) {
        tokens.add(token);
        orgTokens.put(token, enterpriseId);
    }

    /** The next {@code count} chat.postMessage calls answer HTTP 429 with Retry-After: {@code seconds}. */
    public void rateLimitPostMessage(int count, int seconds) {
        retryAfterSeconds = seconds;
        rateLimited.set(count);
    }

    /** From now on {@code method} answers only after {@code delay} (a slow Slack API). */
    public void slow(String method, Duration delay) {
        slow.put(method, delay);
    }

    /** The websocket URL apps.connections.open hands out (Socket Mode). */
    public void socketModeAt(String url) {
        socketModeUrl = url;
    }

    /** From now on installs get expiring, rotating bot tokens (token rotation on). */
    public void rotateTokens(Duration lifetime) {
        rotatingTokenSeconds = (int) lifetime.toSeconds();
    }

    /** Who installs the app from now on (oauth.v2.access's authed_user). */
    public void installedBy(String userId) {
        installer = userId;
    }

    /** Every token oauth.v2.access issued (bot tokens and refresh tokens), oldest first. */
    public List<String> issued() {
        return List.copyOf(issued);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Waits up to 10 s for {@code count} calls of {@code method} that match. */
    public List<Call> await(String method, int count, Predicate<Call> matching) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            List<Call> found = calls(method).stream().filter(matching).toList();
            if (found.size() >= count) {
                return found;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("expected " + count + " " + method + " calls, got " + calls(method));
    }

    public List<Call> await(String method, int count) {
        return await(method, count, c -> true);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] raw = ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getPath();
            if ("GET".equals(ex.getRequestMethod()) && path.startsWith("/files-pri/")) {
                download(ex, path);
            } else if ("GET".equals(ex.getRequestMethod()) && path.equals("/signin")) {
                ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                byte[] page = "<!DOCTYPE html><html><body>Sign in to Slack</body></html>".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, page.length);
                ex.getResponseBody().write(page);
            } else if (!"POST".equals(ex.getRequestMethod())) {
                send(ex, 405, "{\"ok\":false,\"error\":\"method_not_allowed\"}");
            } else if (path.startsWith("/respond/")) {
                respond(ex, path, raw);
            } else if (path.startsWith("/upload/")) {
                calls.add(new Call("upload", Map.of("file_id", path.substring(8)), null, null, raw));
                send(ex, 200, "OK - " + raw.length);
            } else if (path.startsWith("/api/")) {
                api(ex, path.substring(5), raw);
            } else {
                send(ex, 404, "not found");
            }
        }
    }

    /** {@code /files-pri/<team>-<file id>/download/<name>}: the bytes, for a bot token this fake issued. */
    private void download(HttpExchange ex, String path) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
        String[] parts = path.split("/");
        String id = parts.length > 2 && parts[2].startsWith(TEAM + "-") ? parts[2].substring(TEAM.length() + 1) : "";
        calls.add(new Call("download", Map.of("file_id", id), null, token, new byte[0]));
        if (token == null || !tokens.contains(token)) {
            ex.getResponseHeaders().add("Location", url() + "/signin?redir=" + path);
            ex.sendResponseHeaders(302, -1);
            return;
        }
        SharedFile file = files.get(id);
        if (file == null || !path.endsWith("/download/" + file.name())) {
            send(ex, 404, "file not found");
            return;
        }
        ex.getResponseHeaders().add("Content-Type", file.mimetype());
        ex.sendResponseHeaders(200, file.bytes().length);
        ex.getResponseBody().write(file.bytes());
    }

    private void respond(HttpExchange ex, String path, byte[] raw) throws IOException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        String body = new String(raw, StandardCharsets.UTF_8);
        Respond url = responseUrls.get(path);
        if (url == null) {
            send(ex, 404, "invalid_url");
            return;
        }
        synchronized (url) {
            if (!clock.instant().isBefore(url.issuedAt.plus(RESPONSE_URL_LIFETIME))) {
                calls.add(new Call("respond!expired", Map.of("url", path), body, null, raw));
                send(ex, 404, "expired_url");
                return;
            }
            if (url.uses >= RESPONSE_URL_USES) {
                calls.add(new Call("respond!used", Map.of("url", path), body, null, raw));
                send(ex, 404, "used_url");
                return;
            }
            url.uses++;
        }
        if (type == null || !type.startsWith("application/json")) {
            send(ex, 400, "invalid_payload");
            return;
        }
        JsonNode json = parse(body);
        if (json == null || !json.isObject()) {
            send(ex, 400, "invalid_payload");
            return;
        }
        String problem = blocksProblem(json.get("blocks"), 50);
        if (problem != null) {
            send(ex, 400, problem);
            return;
        }
        calls.add(new Call("respond", Map.of("url", path), body, null, raw));
        send(ex, 200, "ok");
    }

    private void api(HttpExchange ex, String method, byte[] raw) throws IOException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith("application/x-www-form-urlencoded")) {
            send(ex, 200, error("invalid_form_data"));
            return;
        }
        Map<String, String> form = form(new String(raw, StandardCharsets.UTF_8));
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (method.equals("oauth.v2.access")) {
            calls.add(new Call(method, form, null, auth, raw));
            send(ex, 200, oauth(form, auth));
            return;
        }
        if (auth == null || !auth.startsWith("Bearer ")) {
            send(ex, 200, error("not_authed"));
            return;
        }
        if (method.equals("apps.connections.open")) {
            // Socket Mode: only an app-level token, and only when a test runs a websocket endpoint
            calls.add(new Call(method, form, null, auth.substring(7), raw));
            send(ex, 200, !auth.startsWith("Bearer xapp-") ? error("invalid_auth")
                    : socketModeUrl == null ? error("not_allowed_token_type") : ok(Map.of("url", socketModeUrl)));
            return;
        }
        String token = auth.substring(7);
        if (!token.startsWith("xoxb-") || !tokens.contains(token)) {
            send(ex, 200, error("invalid_auth"));
            return;
        }
        calls.add(new Call(method, form, null, token, raw));
        Duration delay = slow.get(method);
        if (delay != null) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (method.equals("chat.postMessage") && rateLimited.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            ex.getResponseHeaders().add("Retry-After", Integer.toString(retryAfterSeconds));
            send(ex, 429, error("ratelimited"));
            return;
        }
        if (method.equals("auth.test") && orgTokens.containsKey(token)) {
            send(ex, 200, ok(Map.of("team_id", orgTokens.get(token), "enterprise_id", orgTokens.get(token),
                    "is_enterprise_install", true, "user_id", BOT_USER, "bot_id", "B0BOT", "url", "https://org.enterprise.slack.com/")));
            return;
        }
        send(ex, 200, answer(method, form));
    }

    private String answer(String method, Map<String, String> form) throws IOException {
        return switch (method) {
            case "auth.test" -> ok(Map.of("team_id", TEAM, "team", "AIL test", "user_id", BOT_USER, "bot_id", "B0BOT",
                    "url", "https://ail-test.slack.com/"));
            case "users.info" -> usersInfo(form);
            case "chat.postMessage", "chat.update" -> {
                String missing = required(form, "channel");
                if (missing != null) {
                    yield missing;
                }
                if (form.get("text") == null && form.get("blocks") == null) {
                    yield error("no_text");
                }
                JsonNode blocks = form.get("blocks") == null ? null : parse(form.get("blocks"));
                String problem = form.get("blocks") == null ? null : blocks == null ? "invalid_blocks_format" : blocksProblem(blocks, 50);
                yield problem != null ? error(problem)
                        : ok(Map.of("channel", form.get("channel"), "ts", "1700000000." + sequence.incrementAndGet()));
            }
            case "views.open" -> {
                String missing = required(form, "trigger_id", "view");
                yield missing != null ? missing : view(form.get("view"), "modal");
            }
            case "views.publish" -> {
                String missing = required(form, "user_id", "view");
                yield missing != null ? missing : view(form.get("view"), "home");
            }
            case "conversations.open" -> {
                String missing = required(form, "users");
                yield missing != null ? missing : ok(Map.of("channel", Map.of("id", "D" + form.get("users"))));
            }
            case "files.getUploadURLExternal" -> {
                String missing = required(form, "filename", "length");
                String id = "F" + sequence.incrementAndGet();
                uploaded.add(id);
                yield missing != null ? missing : ok(Map.of("upload_url", url() + "/upload/" + id, "file_id", id));
            }
            case "files.completeUploadExternal" -> {
                String missing = required(form, "files");
                yield missing != null ? missing : ok(Map.of("files", List.of(Map.of("id", "F1"))));
            }
            case "files.info" -> {
                String missing = required(form, "file");
                String id = form.get("file");
                // files AIL uploaded itself (files.uploadV2 asks about them) are described by id only
                yield missing != null ? missing : files.containsKey(id) ? ok(Map.of("file", fileObject(id)))
                        : uploaded.contains(id) || id.equals("F1") ? ok(Map.of("file", Map.of("id", id)))
                        : error("file_not_found");
            }
            default -> error("unknown_method");
        };
    }

    private String usersInfo(Map<String, String> form) throws IOException {
        User u = users.get(form.get("user"));
        if (u == null) {
            return error("user_not_found");
        }
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", u.id());
        user.put("team_id", TEAM);
        user.put("name", u.name());
        user.put("real_name", u.name());
        user.put("tz", u.tz());
        user.put("is_admin", u.admin());
        user.put("is_owner", u.owner());
        user.put("profile", Map.of("display_name", u.name()));
        return ok(Map.of("user", user));
    }

    private String view(String json, String type) throws IOException {
        JsonNode view = parse(json);
        if (view == null || !type.equals(view.path("type").asText())) {
            return error("invalid_arguments");
        }
        String problem = blocksProblem(view.get("blocks"), type.equals("home") ? 100 : 100);
        if (problem == null && view.has("private_metadata") && view.get("private_metadata").asText().length() > 3000) {
            problem = "invalid_arguments";
        }
        return problem != null ? error(problem) : ok(Map.of("view", Map.of("id", "V" + sequence.incrementAndGet())));
    }

    private String oauth(Map<String, String> form, String auth) throws IOException {
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        if (auth != null && auth.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8).split(":", 2);
            id = pair[0];
            secret = pair.length > 1 ? pair[1] : null;
        }
        if (!CLIENT_ID.equals(id)) {
            return error("invalid_client_id");
        }
        if (!CLIENT_SECRET.equals(secret)) {
            return error("bad_client_secret"); // Slack names the wrong half once the id is known
        }
        String team;
        if ("refresh_token".equals(form.get("grant_type"))) {
            team = refreshTokens.remove(form.getOrDefault("refresh_token", ""));
            if (team == null) {
                return error("invalid_refresh_token");
            }
        } else {
            Code code = codes.remove(form.getOrDefault("code", ""));
            if (code == null || !clock.instant().isBefore(code.issuedAt().plus(CODE_LIFETIME))) {
                return error("invalid_code");
            }
            // "This must match the originally submitted URI (if one was sent)"
            if (code.redirectUri() != null && !code.redirectUri().equals(form.get("redirect_uri"))) {
                return error("bad_redirect_uri");
            }
            team = TEAM;
        }
        String token = "xoxb-installed-" + sequence.incrementAndGet();
        tokens.add(token);
        issued.add(token);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", token);
        answer.put("token_type", "bot");
        answer.put("scope", "commands,chat:write,im:write,users:read,files:write");
        answer.put("bot_user_id", BOT_USER);
        answer.put("app_id", "A0AIL");
        answer.put("team", Map.of("id", team, "name", "AIL test"));
        answer.put("authed_user", Map.of("id", installer));
        if (rotatingTokenSeconds > 0) {
            String refresh = "xoxe-1-refresh-" + sequence.incrementAndGet();
            refreshTokens.put(refresh, team);
            issued.add(refresh);
            answer.put("refresh_token", refresh);
            answer.put("expires_in", rotatingTokenSeconds);
        }
        return ok(answer);
    }

    /** Null when the blocks are within Block Kit's limits. */
    private static String blocksProblem(JsonNode blocks, int max) {
        if (blocks == null || blocks.isNull()) {
            return null;
        }
        if (!blocks.isArray() || blocks.size() > max) {
            return "invalid_blocks";
        }
        for (JsonNode block : blocks) {
            JsonNode text = block.path("text").path("text");
            if (text.isTextual() && text.asText().length() > 3000) {
                return "invalid_blocks";
            }
            if (block.path("fields").size() > 10) {
                return "invalid_blocks";
            }
            if (block.path("elements").size() > 25) {
                return "invalid_blocks";
            }
        }
        return null;
    }

    /** Null when {@code json} is not JSON. */
    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    private static String required(Map<String, String> form, String... names) {
        for (String name : names) {
            if (form.get(name) == null || form.get(name).isBlank()) {
                return error("invalid_arguments");
            }
        }
        return null;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body == null) {
            return out;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(key, value);
        }
        return out;
    }

    private static String ok(Map<String, Object> fields) throws IOException {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("ok", true);
        all.putAll(fields);
        return Json.MAPPER.writeValueAsString(all);
    }

    private static String error(String code) {
        return "{\"ok\":false,\"error\":\"" + code + "\"}";
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", body.startsWith("{") ? "application/json; charset=utf-8" : "text/plain");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Unused-variable guard for tests that want every call. */
    public List<Call> all() {
        return new ArrayList<>(calls);
    }
}
