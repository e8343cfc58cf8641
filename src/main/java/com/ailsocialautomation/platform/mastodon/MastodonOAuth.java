package com.ailsocialautomation.platform.mastodon;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.platform.ApiClient;
import com.ailsocialautomation.platform.ApiRequest;
import com.ailsocialautomation.platform.ApiResponse;
import com.ailsocialautomation.platform.AuthorizeRequest;
import com.ailsocialautomation.platform.ClientApp;
import com.ailsocialautomation.platform.CodeExchange;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PlatformError.Kind;
import com.ailsocialautomation.platform.Query;
import com.ailsocialautomation.platform.TokenSet;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mastodon's OAuth: an app registered per instance, the authorize page with PKCE S256, the token endpoint with the
 * client secret in the body (every version takes it there), and revocation. Tokens do not expire and come with
 * no refresh token.
 */
final class MastodonOAuth {
    static final String CLIENT_NAME = "AIL Social Automation";
    /** {@code profile} reads the account without any read scope, but exists only from 4.3. */
    static final String SCOPES = "write:statuses write:media profile";
    /** For servers older than 4.3, which do not know {@code profile}. */
    static final String LEGACY_SCOPES = "write:statuses write:media read:accounts";

    private final ApiClient api;

    MastodonOAuth(ApiClient api) {
        this.api = api;
    }

    ClientApp register(String instanceUrl, String redirectUri) {
        String scopes = scopesFor(instanceUrl);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_name", CLIENT_NAME);
        form.put("redirect_uris", redirectUri);
        form.put("scopes", scopes);
        JsonNode app = MastodonAnswers.read(api.send(ApiRequest.post(instanceUrl + "/api/v1/apps").form(form)), "registering AIL as an app");
        return new ClientApp(MastodonAnswers.required(app, "client_id", "registering AIL as an app"),
                Secret.of(MastodonAnswers.required(app, "client_secret", "registering AIL as an app")), scopes);
    }

    /**
     * Mastodon 4.3 publishes its OAuth metadata and introduced the profile scope with it; an older server answers
     * 404 there and would refuse an app asking for profile, so it gets read:accounts instead.
     */
    private String scopesFor(String instanceUrl) {
        ApiResponse metadata = api.send(ApiRequest.get(instanceUrl + "/.well-known/oauth-authorization-server"));
        if (!metadata.ok()) {
            return LEGACY_SCOPES;
        }
        try {
            for (JsonNode scope : metadata.json("Mastodon").path("scopes_supported")) {
                if (scope.asText().equals("profile")) {
                    return SCOPES;
                }
            }
        } catch (PlatformError e) {
            // metadata that is not JSON says nothing about scopes
        }
        return LEGACY_SCOPES;
    }

    URI authorizeUrl(AuthorizeRequest request) {
        if (request.codeChallenge() == null || request.app() == null || request.instanceUrl() == null) {
            throw new IllegalArgumentException("Mastodon needs the instance, its app and a PKCE challenge");
        }
        return URI.create(request.instanceUrl() + "/oauth/authorize?" + Query.of(
                "response_type", "code",
                "client_id", request.app().clientId(),
                "redirect_uri", request.redirectUri(),
                "scope", request.app().scopes() == null ? SCOPES : request.app().scopes(),
                "state", request.state(),
                "code_challenge", request.codeChallenge(),
                "code_challenge_method", "S256"));
    }

    TokenSet exchange(CodeExchange exchange) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", exchange.code().reveal());
        form.put("client_id", exchange.app().clientId());
        form.put("client_secret", exchange.app().clientSecret().reveal());
        form.put("redirect_uri", exchange.redirectUri());
        form.put("code_verifier", exchange.codeVerifier().reveal());
        ApiResponse response = api.send(ApiRequest.post(exchange.instanceUrl() + "/oauth/token").form(form));
        if (response.status() == 400 || response.status() == 401) {
            // invalid_grant (a used or expired code, a wrong verifier) or invalid_client (the app was deleted)
            String said = MastodonAnswers.said(response);
            throw new PlatformError(Kind.PERMANENT, response.status(), "The Mastodon server refused the sign-in"
                    + (said == null ? "" : " (" + said + ")"), null);
        }
        JsonNode body = MastodonAnswers.read(response, "connecting the account");
        return new TokenSet(Secret.of(MastodonAnswers.required(body, "access_token", "connecting the account")),
                null, null, null, body.path("scope").isTextual() ? body.path("scope").asText() : null);
    }

    /** Idempotent at Mastodon: revoking a revoked token is a 200 too. */
    void revoke(String instanceUrl, Secret token, ClientApp app) {
        if (app == null) {
            throw new PlatformError(Kind.PERMANENT, 0, "AIL's app registration for " + MastodonInstance.host(instanceUrl)
                    + " is gone, so the token cannot be revoked there; revoke AIL under Preferences > Account > Authorized apps", null);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", app.clientId());
        form.put("client_secret", app.clientSecret().reveal());
        form.put("token", token.reveal());
        MastodonAnswers.accept(api.send(ApiRequest.post(instanceUrl + "/oauth/revoke").form(form)), "revoking the access token");
    }
}
