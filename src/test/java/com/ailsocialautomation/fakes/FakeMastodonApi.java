package com.ailsocialautomation.fakes;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.fakes.LoopbackApi.Answer;
import com.ailsocialautomation.fakes.FakeMastodon.App;
import com.ailsocialautomation.fakes.FakeMastodon.Code;
import com.ailsocialautomation.fakes.LoopbackApi.Received;
import com.ailsocialautomation.fakes.FakeMastodon.Token;
import com.ailsocialautomation.fakes.FakeMastodon.Upload;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The routes of {@link FakeMastodon}: OAuth, the instance, accounts, statuses and media. */
final class FakeMastodonApi {
    private static final Set<String> MEDIA_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp",
            "video/mp4", "video/webm", "video/quicktime");

    private final FakeMastodon m;

    FakeMastodonApi(FakeMastodon fake) {
        this.m = fake;
    }

    Answer route(Received r) {
        String method = r.method();
        String path = r.path();
        if (method.equals("POST") && path.equals("/api/v1/apps")) {
            return registerApp(r);
        }
        if (method.equals("GET") && path.equals("/oauth/authorize")) {
            return authorize(LoopbackApi.parseForm(r.query()));
        }
        if (method.equals("POST") && path.equals("/oauth/token")) {
            return token(r);
        }
        if (method.equals("POST") && path.equals("/oauth/revoke")) {
            return revoke(r);
        }
        if (method.equals("GET") && path.equals("/.well-known/oauth-authorization-server")) {
            return m.before43 ? FakeMastodon.error(404, "Not Found") : metadata();
        }
        if (method.equals("GET") && path.equals("/api/v2/instance")) {
            return m.instanceV2 ? instance() : FakeMastodon.error(404, "Not Found");
        }
        if (!path.startsWith("/api/")) {
            return FakeMastodon.error(404, "Not Found");
        }
        Token token = bearer(r);
        if (token == null) {
            return FakeMastodon.error(401, "The access token is invalid");
        }
        if (method.equals("GET") && path.equals("/api/v1/accounts/verify_credentials")) {
            return allowed(token, "profile", "read:accounts", "read") ? account(token) : outsideScopes();
        }
        if (method.equals("POST") && path.equals("/api/v1/statuses")) {
            return allowed(token, "write:statuses", "write") ? FakeMastodonStatuses.post(m, token, r) : outsideScopes();
        }
        if (method.equals("POST") && path.equals("/api/v2/media")) {
            return allowed(token, "write:media", "write") ? upload(token, r) : outsideScopes();
        }
        if (method.equals("GET") && path.startsWith("/api/v1/media/")) {
            return mediaStatus(token, path.substring("/api/v1/media/".length()));
        }
        return FakeMastodon.error(404, "Not Found");
    }

    // ---- OAuth ----

    private Answer registerApp(Received r) {
        Map<String, String> form = fields(r);
        String redirect = form.get("redirect_uris");
        if (form.get("client_name") == null || form.get("client_name").isBlank()) {
            return FakeMastodon.error(422, "Validation failed: Application name can't be blank");
        }
        if (redirect == null || !absolute(redirect)) {
            return FakeMastodon.error(422, "Validation failed: Redirect URI must be an absolute URI.");
        }
        Set<String> scopes = scopes(form.getOrDefault("scopes", "read"));
        Set<String> known = new LinkedHashSet<>(FakeMastodon.KNOWN_SCOPES);
        if (m.before43) {
            known.remove("profile");
        }
        if (!known.containsAll(scopes)) {
            return FakeMastodon.error(422, "Validation failed: Scopes are invalid");
        }
        App app = m.register(redirect, scopes);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", app.clientId().substring("client-".length()));
        body.put("name", form.get("client_name"));
        body.put("scopes", List.copyOf(scopes));
        body.put("redirect_uri", redirect);
        body.put("redirect_uris", List.of(redirect));
        body.put("client_id", app.clientId());
        body.put("client_secret", app.clientSecret());
        body.put("client_secret_expires_at", 0);
        return FakeMastodon.json(200, body);
    }

    private Answer authorize(Map<String, String> q) {
        App app = m.apps.get(q.getOrDefault("client_id", ""));
        String error = null;
        if (!"code".equals(q.get("response_type"))) {
            error = "The authorization server does not support this response type.";
        } else if (app == null) {
            error = "Client authentication failed due to unknown client.";
        } else if (!app.redirectUri().equals(q.get("redirect_uri"))) {
            error = "The requested redirect uri is malformed or doesn't match client redirect URI.";
        } else if (!app.scopes().containsAll(scopes(q.getOrDefault("scope", "read")))) {
            error = "The requested scope is invalid, unknown, or malformed.";
        } else if (q.get("code_challenge") == null || !"S256".equals(q.get("code_challenge_method"))) {
            error = "AIL always sends PKCE; this fake insists on code_challenge with code_challenge_method S256.";
        }
        if (error != null) {
            return new Answer(400, Map.of("Content-Type", "text/html"), "<html>An error has occurred: " + error + "</html>");
        }
        String state = q.get("state") == null ? "" : "&state=" + enc(q.get("state"));
        if (m.denyNext) {
            m.denyNext = false;
            return new Answer(302, Map.of("Location", q.get("redirect_uri") + "?error=access_denied&error_description="
                    + enc("The resource owner or authorization server denied the request.") + state), null);
        }
        String code = "code-" + m.ids.incrementAndGet();
        m.codes.put(code, new Code(app, q.get("redirect_uri"), q.get("code_challenge"), scopes(q.getOrDefault("scope", "read")),
                m.user, Instant.now()));
        return new Answer(302, Map.of("Location", q.get("redirect_uri") + "?code=" + code + state), null);
    }

    private Answer token(Received r) {
        Map<String, String> form = fields(r);
        App app = client(r, form);
        if (app == null) {
            return oauthError(401, "invalid_client", "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.");
        }
        if (!"authorization_code".equals(form.get("grant_type"))) {
            return oauthError(400, "unsupported_grant_type", "The authorization grant type is not supported by the authorization server.");
        }
        Code code = m.codes.remove(form.getOrDefault("code", ""));
        if (code == null || code.app() != app || code.issuedAt().isBefore(Instant.now().minusSeconds(600))
                || !code.redirectUri().equals(form.get("redirect_uri"))) {
            return oauthError(400, "invalid_grant", "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.");
        }
        if (form.get("code_verifier") == null || !FakeX.s256(form.get("code_verifier")).equals(code.challenge())) {
            return oauthError(400, "invalid_grant", "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.");
        }
        String token = "mst-" + m.ids.incrementAndGet();
        m.tokens.put(token, new Token(app, code.scopes(), code.user()));
        return FakeMastodon.json(200, Map.of("access_token", token, "token_type", "Bearer",
                "scope", String.join(" ", code.scopes()), "created_at", Instant.now().getEpochSecond()));
    }

    private Answer revoke(Received r) {
        Map<String, String> form = fields(r);
        App app = client(r, form);
        Token token = m.tokens.get(form.getOrDefault("token", ""));
        if (app == null || (token != null && token.app() != app)) {
            return oauthError(403, "unauthorized_client", "You are not authorized to revoke this token");
        }
        m.tokens.remove(form.getOrDefault("token", ""));
        return FakeMastodon.json(200, Map.of());
    }

    /** The client id and secret, from the body or from HTTP Basic (4.3+ takes both). */
    private App client(Received r, Map<String, String> form) {
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        String basic = r.header("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8).split(":", 2);
            id = pair[0];
            secret = pair.length > 1 ? pair[1] : null;
        }
        App app = id == null ? null : m.apps.get(id);
        return app != null && app.clientSecret().equals(secret) ? app : null;
    }

    /** RFC 8414 metadata, as Mastodon 4.3 publishes it. */
    private Answer metadata() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("issuer", m.url() + "/");
        body.put("authorization_endpoint", m.url() + "/oauth/authorize");
        body.put("token_endpoint", m.url() + "/oauth/token");
        body.put("revocation_endpoint", m.url() + "/oauth/revoke");
        body.put("app_registration_endpoint", m.url() + "/api/v1/apps");
        body.put("scopes_supported", List.copyOf(FakeMastodon.KNOWN_SCOPES));
        body.put("response_types_supported", List.of("code"));
        body.put("code_challenge_methods_supported", List.of("S256"));
        body.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        return FakeMastodon.json(200, body);
    }

    // ---- API ----

    private Answer instance() {
        return FakeMastodon.json(200, Map.of("domain", "127.0.0.1", "version", m.before43 ? "4.2.10" : "4.3.2",
                "configuration", Map.of(
                        "statuses", Map.of("max_characters", m.maxCharacters, "max_media_attachments", 4, "characters_reserved_per_url", 23),
                        "media_attachments", Map.of("supported_mime_types", List.copyOf(MEDIA_TYPES),
                                "image_size_limit", 16_777_216, "video_size_limit", 103_809_024, "description_limit", 1500))));
    }

    private Answer account(Token token) {
        return FakeMastodon.json(200, Map.of("id", token.user().id(), "username", token.user().username(),
                "acct", token.user().username(), "display_name", token.user().displayName(),
                "avatar", m.url() + "/avatars/" + token.user().id() + ".png",
                "url", m.url() + "/@" + token.user().username()));
    }

    private Answer upload(Token token, Received r) {
        String type = r.header("Content-Type");
        if (type == null || !type.startsWith("multipart/form-data; boundary=")) {
            return FakeMastodon.error(422, "Validation failed: File can't be blank");
        }
        Map<String, FakeMultipart.Part> parts = FakeMultipart.parse(r.body(), type.substring(type.indexOf("boundary=") + 9));
        FakeMultipart.Part file = parts.get("file");
        if (file == null || file.bytes().length == 0) {
            return FakeMastodon.error(422, "Validation failed: File can't be blank");
        }
        if (file.contentType() == null || !MEDIA_TYPES.contains(file.contentType())) {
            return FakeMastodon.error(422, "Validation failed: File content type is invalid, File is invalid");
        }
        FakeMultipart.Part description = parts.get("description");
        if (description != null && new String(description.bytes(), StandardCharsets.UTF_8).codePointCount(0,
                new String(description.bytes(), StandardCharsets.UTF_8).length()) > 1500) {
            return FakeMastodon.error(422, "Validation failed: Description is too long (maximum is 1500 characters)");
        }
        Instant now = Instant.now().plus(m.timeShift);
        java.util.Deque<Instant> recent = m.mediaUploadsAt.computeIfAbsent(token.user().id(), k -> new java.util.ArrayDeque<>());
        synchronized (recent) {
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(FakeMastodon.MEDIA_WINDOW))) {
                recent.pollFirst();
            }
            if (recent.size() >= FakeMastodon.MEDIA_LIMIT) {
                return FakeMastodon.error(429, "Too many requests").with(Map.of("X-RateLimit-Limit", Integer.toString(FakeMastodon.MEDIA_LIMIT),
                        "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", recent.peekFirst().plus(FakeMastodon.MEDIA_WINDOW).toString()));
            }
            recent.addLast(now);
        }
        String id = Long.toString(m.ids.incrementAndGet());
        FakeMastodon.Processing processing = m.processing;
        m.uploads.put(id, new Upload(token.user(), processing, file.contentType(), file.bytes(),
                description == null ? null : new String(description.bytes(), StandardCharsets.UTF_8)));
        boolean ready = processing == FakeMastodon.Processing.IMMEDIATE;
        return FakeMastodon.json(ready ? 200 : 202, media(id, ready));
    }

    private Answer mediaStatus(Token token, String id) {
        Upload upload = m.uploads.get(id);
        if (upload == null || !upload.owner.id().equals(token.user().id())) {
            return FakeMastodon.error(404, "Record not found");
        }
        upload.polls++;
        if (upload.processing == FakeMastodon.Processing.FAILS && upload.polls >= 2) {
            return FakeMastodon.error(422, "Error processing thumbnail for uploaded media");
        }
        return FakeMastodon.json(upload.ready() ? 200 : 206, media(id, upload.ready()));
    }

    private Map<String, Object> media(String id, boolean ready) {
        Map<String, Object> body = new LinkedHashMap<>();
        Upload upload = m.uploads.get(id);
        body.put("id", id);
        body.put("type", upload.mimeType.startsWith("video/") ? "video" : "image");
        body.put("description", upload.description);
        body.put("url", ready ? m.url() + "/media/" + id + ".png" : null);
        body.put("preview_url", m.url() + "/media/" + id + "_small.png");
        return body;
    }

    // ---- helpers ----

    private Token bearer(Received r) {
        String bearer = r.bearer();
        return bearer == null ? null : m.tokens.get(bearer);
    }

    private static boolean allowed(Token token, String... anyOf) {
        for (String scope : anyOf) {
            if (token.scopes().contains(scope)) {
                return true;
            }
        }
        return false;
    }

    private static Answer outsideScopes() {
        return FakeMastodon.error(403, "This action is outside the authorized scopes");
    }

    private static Answer oauthError(int status, String error, String description) {
        return FakeMastodon.json(status, Map.of("error", error, "error_description", description));
    }

    /** A form or JSON body as name to value (arrays are joined by spaces); Mastodon takes either. */
    static Map<String, String> fields(Received r) {
        String type = r.header("Content-Type");
        if (type != null && type.startsWith("application/json")) {
            try {
                Map<String, String> out = new LinkedHashMap<>();
                JsonNode body = Json.MAPPER.readTree(r.body());
                body.fields().forEachRemaining(e -> {
                    List<String> values = new ArrayList<>();
                    (e.getValue().isArray() ? e.getValue() : Json.MAPPER.createArrayNode().add(e.getValue()))
                            .forEach(v -> values.add(v.asText()));
                    out.put(e.getKey(), String.join(" ", values));
                });
                return out;
            } catch (IOException e) {
                return Map.of();
            }
        }
        return type != null && type.startsWith("application/x-www-form-urlencoded") ? r.form() : Map.of();
    }

    private static Set<String> scopes(String text) {
        return new LinkedHashSet<>(List.of(text.trim().split("[ +]+")));
    }

    private static boolean absolute(String uri) {
        try {
            return new URI(uri).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
