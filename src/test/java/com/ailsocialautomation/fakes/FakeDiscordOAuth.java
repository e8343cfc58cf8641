package com.ailsocialautomation.fakes;

import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Discord's OAuth2 for people, served by {@link FakeDiscord}, strict where Discord is: {@code GET /oauth2/authorize}
 * wants {@code response_type=code}, the app's client id, scopes Discord knows (identify required here), a registered
 * redirect_uri, a state and, when PKCE is used, an S256 challenge; it answers as the person {@link #signInAs} names
 * would after agreeing. {@code POST /api/v10/oauth2/token} takes only a form, the client id and secret (form or Basic),
 * a code used once with its redirect_uri and the verifier behind its challenge. {@code /users/@me} and
 * {@code /users/@me/guilds} answer a Bearer token it issued with that person and their servers (permissions as a
 * string, as Discord sends them). Every step is recorded with the error it got.
 */
public final class FakeDiscordOAuth {
    public static final String CLIENT_ID = FakeDiscord.APP_ID;
    public static final String CLIENT_SECRET = "fake-discord-client-secret";
    private static final Set<String> SCOPES = Set.of("identify", "guilds", "email");

    /** A server the person is in; {@code permissions}: their permission bits there. */
    public record Guild(String id, String name, long permissions, boolean owner) {}

    public record Call(String endpoint, String error) {}

    private record Person(String id, String username, List<Guild> guilds) {}

    private record Code(String redirectUri, String challenge, Person person) {}

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Set<String> redirects = ConcurrentHashMap.newKeySet();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Person> tokens = new ConcurrentHashMap<>();
    private volatile Person next;

    public FakeDiscordOAuth allowRedirect(String uri) {
        redirects.add(uri);
        return this;
    }

    public void signInAs(String userId, String username, List<Guild> guilds) {
        next = new Person(userId, username, List.copyOf(guilds));
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Whether {@code authorization} is "Bearer" and a token this fake issued to a person. */
    boolean personal(String authorization) {
        return authorization != null && authorization.startsWith("Bearer ") && tokens.containsKey(authorization.substring(7));
    }

    void authorize(Context ctx) {
        Map<String, String> q = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((k, v) -> q.put(k, v.get(0)));
        String challenge = q.get("code_challenge");
        String error = !"code".equals(q.get("response_type")) ? "unsupported_response_type"
                : !CLIENT_ID.equals(q.get("client_id")) ? "invalid_client"
                : q.get("scope") == null || !List.of(q.get("scope").split(" ")).contains("identify")
                        || !SCOPES.containsAll(List.of(q.get("scope").split(" "))) ? "invalid_scope"
                : !redirects.contains(q.get("redirect_uri")) ? "invalid_redirect_uri"
                : q.get("state") == null || q.get("state").isBlank() ? "missing_state"
                : challenge != null && !"S256".equals(q.get("code_challenge_method")) ? "invalid_code_challenge_method"
                : next == null ? "nobody_signed_in" : null;
        calls.add(new Call("authorize", error));
        if (error != null) {
            ctx.status(400).html("<p>Discord cannot continue: " + error + "</p>");
            return;
        }
        String code = "fake-discord-code-" + UUID.randomUUID();
        codes.put(code, new Code(q.get("redirect_uri"), challenge, next));
        ctx.redirect(q.get("redirect_uri") + "?code=" + code + "&state=" + java.net.URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
    }

    void token(Context ctx) {
        String type = ctx.header("Content-Type");
        boolean form = type != null && type.startsWith("application/x-www-form-urlencoded");
        String[] basic = basic(ctx.header("Authorization"));
        String clientId = basic != null ? basic[0] : form ? ctx.formParam("client_id") : null;
        String secret = basic != null ? basic[1] : form ? ctx.formParam("client_secret") : null;
        Code code = form && ctx.formParam("code") != null ? codes.remove(ctx.formParam("code")) : null;
        String error = !form ? "unsupported_content_type"
                : !CLIENT_ID.equals(clientId) || !CLIENT_SECRET.equals(secret) ? "invalid_client"
                : !"authorization_code".equals(ctx.formParam("grant_type")) ? "unsupported_grant_type"
                : code == null ? "invalid_grant"
                : !code.redirectUri().equals(ctx.formParam("redirect_uri")) ? "invalid_grant (redirect_uri)"
                : code.challenge() != null && !code.challenge().equals(s256(ctx.formParam("code_verifier"))) ? "invalid_grant (code_verifier)"
                : null;
        calls.add(new Call("token", error));
        if (error != null) {
            ctx.status(400).json(Map.of("error", error.split(" ")[0], "error_description", error));
            return;
        }
        String token = "fake-discord-user-token-" + UUID.randomUUID();
        tokens.put(token, code.person());
        ctx.json(Map.of("access_token", token, "token_type", "Bearer", "expires_in", 604800,
                "refresh_token", "fake-refresh-" + UUID.randomUUID(), "scope", "identify guilds"));
    }

    void me(Context ctx) {
        Person p = tokens.get(ctx.header("Authorization").substring(7));
        calls.add(new Call("users/@me", null));
        ctx.json(Map.of("id", p.id(), "username", p.username(), "global_name", p.username(), "discriminator", "0", "avatar", ""));
    }

    void guilds(Context ctx) {
        if (!personal(ctx.header("Authorization"))) { // a bot's own guilds come from the gateway, not from here
            ctx.status(401).json(Map.of("message", "401: Unauthorized", "code", 0));
            return;
        }
        Person p = tokens.get(ctx.header("Authorization").substring(7));
        calls.add(new Call("users/@me/guilds", null));
        ctx.json(p.guilds().stream().map(g -> Map.of("id", g.id(), "name", g.name(), "icon", "", "owner", g.owner(),
                "permissions", Long.toString(g.permissions()), "features", List.of())).toList());
    }

    private static String s256(String verifier) {
        if (verifier == null) {
            return "";
        }
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] basic(String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return null;
        }
        String pair = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        return colon < 0 ? null : new String[] {pair.substring(0, colon), pair.substring(colon + 1)};
    }
}
