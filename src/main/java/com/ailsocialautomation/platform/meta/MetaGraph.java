package com.ailsocialautomation.platform.meta;

import com.ailsocialautomation.platform.BaseUrl;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.platform.ApiClient;
import com.ailsocialautomation.platform.ApiRequest;
import com.ailsocialautomation.platform.ApiResponse;
import com.ailsocialautomation.platform.AuthorizeRequest;
import com.ailsocialautomation.platform.CodeExchange;
import com.ailsocialautomation.platform.PlatformApp;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.Profile;
import com.ailsocialautomation.platform.Query;
import com.ailsocialautomation.platform.TokenSet;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Meta's Graph API as one operator app (AIL_META_*) uses it for Facebook Pages and Instagram accounts: the login
 * dialog, the code exchange and the long-lived user token (there is no refresh token: about 60 days, then the person
 * logs in again), the person's Pages with their Page tokens, revoking the whole grant, and calls with a token. Tokens
 * travel in the {@code Authorization: OAuth} header, never in a URL.
 */
public final class MetaGraph {
    /** The name of the shared operator app: its variables are AIL_META_*. */
    public static final String APP = "META";
    public static final String API_URL = "https://graph.facebook.com";
    public static final String AUTH_URL = "https://www.facebook.com";
    /** The Graph API version AIL is written against; Meta supports each for about two years. */
    static final String VERSION = "v25.0";

    private final ApiClient api;
    private final PlatformApp app;
    private final String apiUrl;
    private final String authUrl;
    private final Clock clock;

    public MetaGraph(ApiClient api, PlatformApp app, Clock clock) {
        this.api = api;
        this.app = app;
        this.apiUrl = BaseUrl.or(app.apiUrl(), API_URL);
        this.authUrl = BaseUrl.or(app.authUrl(), AUTH_URL);
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }

    /** The operator app's id, which the resumable upload's session is opened under. */
    String appId() {
        return app.clientId();
    }

    /**
     * The login dialog asking for {@code scopes}. Facebook's PKCE is documented only for its OIDC flow (marked as
     * still in testing), so the classic code flow is used: the state, the exact redirect URI and the secret-bearing
     * exchange on the server protect the code.
     */
    URI authorizeUrl(AuthorizeRequest request, String scopes) {
        return URI.create(authUrl + "/" + VERSION + "/dialog/oauth?" + Query.of("client_id", request.app().clientId(),
                "redirect_uri", request.redirectUri(), "state", request.state(), "response_type", "code", "scope", scopes));
    }

    /**
     * The code for a short-lived user token, then that for a long-lived one (fb_exchange_token), recorded as granting
     * {@code scopes}: the login's token, from which the chosen accounts' tokens come.
     */
    TokenSet userToken(CodeExchange exchange, MetaAnswers answers, String scopes) {
        JsonNode shortLived = answers.read(api.send(ApiRequest.get(url("/oauth/access_token?" + Query.of(
                "client_id", exchange.app().clientId(), "redirect_uri", exchange.redirectUri(),
                "client_secret", exchange.app().clientSecret().reveal(), "code", exchange.code().reveal())))), "exchanging the sign-in code");
        JsonNode longLived = answers.read(api.send(ApiRequest.get(url("/oauth/access_token?" + Query.of(
                "grant_type", "fb_exchange_token", "client_id", exchange.app().clientId(),
                "client_secret", exchange.app().clientSecret().reveal(),
                "fb_exchange_token", MetaAnswers.required(shortLived, "access_token", "Meta", "exchanging the sign-in code"))))),
                "getting a long-lived token");
        long seconds = longLived.path("expires_in").asLong(0);
        return new TokenSet(Secret.of(MetaAnswers.required(longLived, "access_token", "Meta", "getting a long-lived token")),
                null, seconds > 0 ? clock.instant().plusSeconds(seconds) : null, null, scopes);
    }

    /** The person who logged in (they choose among the accounts they manage; no account is made for them). */
    Profile person(Secret userToken, MetaAnswers answers, String platform) {
        JsonNode me = get("/me?fields=id,name", userToken, answers, "reading your profile");
        String id = MetaAnswers.required(me, "id", platform, "reading your profile");
        return new Profile(id, me.path("name").asText(id), me.path("name").asText(id), null, null);
    }

    /** The person's Pages (up to 100) with their Page tokens and linked Instagram account, as /me/accounts lists them. */
    List<JsonNode> pages(Secret userToken, MetaAnswers answers) {
        JsonNode answer = get("/me/accounts?" + Query.of("fields", "id,name,username,access_token,instagram_business_account",
                "limit", "100"), userToken, answers, "listing your Pages");
        List<JsonNode> pages = new ArrayList<>();
        answer.path("data").forEach(pages::add);
        return pages;
    }

    /**
     * Removes the app's whole grant for the person: every Page and Instagram account connected through it stops. A
     * token Meta no longer accepts has no grant left to remove (another account of the same grant revoked it first,
     * or the person removed AIL on Facebook), so that counts as done rather than as a revocation to retry.
     */
    void revoke(Secret userToken, MetaAnswers answers) {
        try {
            answers.read(api.send(ApiRequest.method("DELETE", url("/me/permissions")).header("Authorization", "OAuth " + userToken.reveal())),
                    "revoking AIL's access");
        } catch (PlatformError e) {
            if (e.kind() != PlatformError.Kind.AUTH_EXPIRED) {
                throw e;
            }
        }
    }

    JsonNode get(String pathAndQuery, Secret token, MetaAnswers answers, String doing) {
        return answers.read(api.send(ApiRequest.get(url(pathAndQuery)).header("Authorization", "OAuth " + token.reveal())), doing);
    }

    JsonNode post(String path, Map<String, String> form, Secret token, MetaAnswers answers, String doing) {
        return answers.read(send(ApiRequest.post(url(path)).form(form), token), doing);
    }

    ApiResponse send(ApiRequest request, Secret token) {
        return api.send(request.header("Authorization", "OAuth " + token.reveal()));
    }

    /** A versioned Graph URL; {@code path} starts with a slash. */
    String url(String path) {
        return apiUrl + "/" + VERSION + path;
    }

    static PlatformError missing(String platform, String what) {
        return new PlatformError(PlatformError.Kind.PERMANENT, 0, platform + " did not say " + what, null);
    }
}
