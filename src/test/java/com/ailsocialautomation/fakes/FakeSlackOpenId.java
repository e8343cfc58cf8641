package com.ailsocialautomation.fakes;

import com.ailsocialautomation.Json;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Sign in with Slack (OpenID Connect) on {@link FakeSlack}'s host, strict where Slack is. {@code GET
 * /openid/connect/authorize} wants {@code response_type=code}, scopes among openid, profile and email (openid
 * required), this app's client id, a registered {@code redirect_uri}, a state and a nonce; it answers as the person
 * {@link #signInAs} names would after agreeing: a redirect to the redirect_uri with a code and the state. {@code POST
 * /api/openid.connect.token} takes a form only, with the client id and secret (in the form or Basic), a code issued to
 * this client used once within 10 minutes, and the same redirect_uri; it answers with an id_token whose claims carry
 * the nonce, the audience, the issuer {@link #ISSUER}, the user and the team. Every call is recorded.
 */
public final class FakeSlackOpenId {
    public static final String ISSUER = "https://slack.com";
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    private static final Set<String> SCOPES = Set.of("openid", "profile", "email");

    /** One request: the endpoint, its parameters, and the error it got (null when served). */
    public record Call(String endpoint, Map<String, String> params, String error) {}

    private record Person(String team, String user, String name) {}

    private record Code(String redirectUri, String nonce, Person person, Instant issuedAt) {}

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Set<String> redirects = ConcurrentHashMap.newKeySet();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private volatile Person next;
    private volatile Clock clock = Clock.systemUTC();
    private volatile Map<String, Object> tampered = Map.of();

    public FakeSlackOpenId(FakeSlack slack) {
        slack.mount("/openid/connect/authorize", this::authorize);
        slack.mount("/api/openid.connect.token", this::token);
    }

    /** The app's OAuth settings list {@code uri} among its redirect URLs. */
    public FakeSlackOpenId allowRedirect(String uri) {
        redirects.add(uri);
        return this;
    }

    /** Who is signed in to Slack in the browser that comes to the authorize page, and agrees. */
    public void signInAs(String team, String user, String name) {
        next = new Person(team, user, name);
    }

    /** The next id_token carries these claims instead (another nonce, another audience): what a relying party must refuse. */
    public void tamperNextToken(Map<String, Object> claims) {
        tampered = Map.copyOf(claims);
    }

    public void useClock(Clock time) {
        clock = time;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    private void authorize(HttpExchange ex) throws IOException {
        Map<String, String> q = params(ex.getRequestURI().getRawQuery());
        String error = !"GET".equals(ex.getRequestMethod()) ? "method_not_allowed"
                : !"code".equals(q.get("response_type")) ? "unsupported_response_type"
                : !FakeSlack.CLIENT_ID.equals(q.get("client_id")) ? "invalid_client_id"
                : !validScopes(q.get("scope")) ? "invalid_scope"
                : !redirects.contains(q.get("redirect_uri")) ? "bad_redirect_uri"
                : blank(q.get("state")) ? "missing_state"
                : blank(q.get("nonce")) ? "missing_nonce"
                : next == null ? "nobody_signed_in" : null;
        calls.add(new Call("authorize", q, error));
        if (error != null) {
            send(ex, 400, "text/html; charset=utf-8", "<p>Slack cannot continue: " + error + "</p>");
            return;
        }
        String code = "fake-oidc-" + UUID.randomUUID();
        codes.put(code, new Code(q.get("redirect_uri"), q.get("nonce"), next, clock.instant()));
        ex.getResponseHeaders().add("Location", q.get("redirect_uri") + "?code=" + enc(code) + "&state=" + enc(q.get("state")));
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private void token(HttpExchange ex) throws IOException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        Map<String, String> form = params(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String[] basic = basic(ex.getRequestHeaders().getFirst("Authorization"));
        String clientId = basic != null ? basic[0] : form.get("client_id");
        String secret = basic != null ? basic[1] : form.get("client_secret");
        Code code = form.get("code") == null ? null : codes.remove(form.get("code")); // a code works once
        String error = !"POST".equals(ex.getRequestMethod()) ? "method_not_allowed"
                : type == null || !type.startsWith("application/x-www-form-urlencoded") ? "invalid_form_data"
                : !FakeSlack.CLIENT_ID.equals(clientId) ? "invalid_client_id"
                : !FakeSlack.CLIENT_SECRET.equals(secret) ? "bad_client_secret"
                : code == null || code.issuedAt().plus(CODE_LIFETIME).isBefore(clock.instant()) ? "invalid_code"
                : !code.redirectUri().equals(form.get("redirect_uri")) ? "bad_redirect_uri" : null;
        Map<String, String> recorded = new LinkedHashMap<>(form);
        recorded.remove("client_secret");
        calls.add(new Call("token", recorded, error));
        if (error != null) {
            send(ex, 200, "application/json", Json.MAPPER.writeValueAsString(Map.of("ok", false, "error", error)));
            return;
        }
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", code.person().user());
        claims.put("aud", FakeSlack.CLIENT_ID);
        claims.put("exp", now + 300);
        claims.put("iat", now);
        claims.put("auth_time", now);
        claims.put("nonce", code.nonce());
        claims.put("https://slack.com/user_id", code.person().user());
        claims.put("https://slack.com/team_id", code.person().team());
        claims.put("name", code.person().name());
        claims.putAll(tampered);
        tampered = Map.of();
        String idToken = b64(Json.MAPPER.writeValueAsBytes(Map.of("alg", "RS256", "kid", "fake-key", "typ", "JWT"))) + "."
                + b64(Json.MAPPER.writeValueAsBytes(claims)) + "." + b64(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        send(ex, 200, "application/json", Json.MAPPER.writeValueAsString(Map.of("ok", true,
                "access_token", "xoxp-fake-" + UUID.randomUUID(), "token_type", "Bearer", "id_token", idToken)));
    }

    private static boolean validScopes(String scope) {
        if (scope == null) {
            return false;
        }
        List<String> asked = List.of(scope.split(" "));
        return asked.contains("openid") && SCOPES.containsAll(asked);
    }

    private static String[] basic(String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return null;
        }
        String pair = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        return colon < 0 ? null : new String[] {pair.substring(0, colon), pair.substring(colon + 1)};
    }

    private static Map<String, String> params(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

}
