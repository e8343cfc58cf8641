package com.ailsocialautomation.platform.youtube;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.platform.ApiClient;
import com.ailsocialautomation.platform.ApiRequest;
import com.ailsocialautomation.platform.ApiResponse;
import com.ailsocialautomation.platform.ClientApp;
import com.ailsocialautomation.platform.CodeExchange;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PlatformError.Kind;
import com.ailsocialautomation.platform.TokenSet;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Google's OAuth token endpoint for a web client: the secret in the form body, the PKCE verifier with the code.
 * Access tokens last an hour; the refresh token comes once, with offline access and consent, and does not rotate.
 * Google ends it when the person removes access, after six months unused, or after seven days while the consent
 * screen is in testing: then refresh answers invalid_grant, and only a new connection helps.
 */
final class GoogleTokens {
    private final ApiClient api;
    private final String tokenUrl;
    private final YouTubeAnswers answers;
    private final Clock clock;

    GoogleTokens(ApiClient api, String tokenUrl, YouTubeAnswers answers, Clock clock) {
        this.api = api;
        this.tokenUrl = tokenUrl;
        this.answers = answers;
        this.clock = clock;
    }

    TokenSet exchange(CodeExchange exchange) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", exchange.code().reveal());
        form.put("redirect_uri", exchange.redirectUri());
        form.put("code_verifier", exchange.codeVerifier() == null ? null : exchange.codeVerifier().reveal());
        TokenSet tokens = tokens(call("/token", form, exchange.app(), "connecting the channel"), null);
        if (tokens.refreshToken() == null) {
            throw new PlatformError(Kind.PERMANENT, 0, "Google gave no refresh token, so AIL could post only for an hour; "
                    + "remove AIL under your Google account's third-party access, then connect again", null);
        }
        // Google's consent page lets a person untick each permission.
        if (tokens.scopes() != null && !granted(tokens.scopes(), YouTubeProvider.UPLOAD_SCOPE)) {
            throw new PlatformError(Kind.PERMANENT, 0, "Google did not grant permission to upload videos; connect again "
                    + "and allow AIL to manage your YouTube videos", null);
        }
        if (tokens.scopes() != null && !granted(tokens.scopes(), YouTubeProvider.READ_SCOPE)) {
            throw new PlatformError(Kind.PERMANENT, 0, "Google did not grant permission to see the channel's name; "
                    + "connect again and allow AIL to view your YouTube account", null);
        }
        return tokens;
    }

    TokenSet refresh(Credentials credentials) {
        if (credentials.refreshToken() == null) {
            throw new PlatformError(Kind.AUTH_EXPIRED, 0, "Google gave no refresh token for this channel; reconnect it", null);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", credentials.refreshToken().reveal());
        return tokens(call("/token", form, credentials.app(), "renewing the access token"), credentials.refreshToken());
    }

    /**
     * Revokes the refresh token (Google then ends the access tokens made from it too), or the access token when there
     * is none. A token Google no longer knows is already as good as revoked.
     */
    void revoke(Credentials credentials) {
        Secret token = credentials.refreshToken() != null ? credentials.refreshToken() : credentials.accessToken();
        ApiResponse response = api.send(ApiRequest.post(tokenUrl + "/revoke").form(Map.of("token", token.reveal())));
        if (response.status() == 400 && "invalid_token".equals(YouTubeAnswers.reason(response))) {
            return;
        }
        answers.accept(response, "revoking access");
    }

    private ApiResponse call(String path, Map<String, String> fields, ClientApp app, String doing) {
        if (app == null || app.clientId() == null || app.clientSecret() == null) {
            throw new PlatformError(Kind.PERMANENT, 0, "YouTube is not configured on this server: the operator must set "
                    + "AIL_YOUTUBE_CLIENT_ID and AIL_YOUTUBE_CLIENT_SECRET", null);
        }
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("client_id", app.clientId());
        form.put("client_secret", app.clientSecret().reveal());
        ApiResponse response = api.send(ApiRequest.post(tokenUrl + path).form(form));
        String said = YouTubeAnswers.said(response);
        String detail = said == null ? "" : " (" + said + ")";
        String error = YouTubeAnswers.reason(response);
        if (response.status() == 401 || "invalid_client".equals(error) || "unauthorized_client".equals(error)) {
            throw new PlatformError(Kind.PERMANENT, response.status(), "Google refused this server's app credentials" + detail
                    + "; the operator should check AIL_YOUTUBE_CLIENT_ID and AIL_YOUTUBE_CLIENT_SECRET", null);
        }
        if (response.status() == 400 && form.containsKey("refresh_token")) {
            throw new PlatformError(Kind.AUTH_EXPIRED, 400, "Google refused the refresh token" + detail
                    + "; reconnect the channel", null);
        }
        if (response.status() == 400 && form.containsKey("code")) {
            throw new PlatformError(Kind.PERMANENT, 400, "Google refused the authorization code" + detail
                    + "; start connecting again", null);
        }
        answers.accept(response, doing);
        return response;
    }

    /** Google keeps the refresh token on refresh: the one already held stays when the answer has none. */
    private TokenSet tokens(ApiResponse response, Secret heldRefresh) {
        JsonNode body = response.json("Google");
        String access = YouTubeAnswers.required(body, "access_token", "connecting the channel");
        JsonNode refresh = body.path("refresh_token");
        JsonNode expiresIn = body.path("expires_in");
        return new TokenSet(Secret.of(access), refresh.isTextual() ? Secret.of(refresh.asText()) : heldRefresh,
                expiresIn.canConvertToLong() ? clock.instant().plusSeconds(expiresIn.asLong()) : null, null,
                body.path("scope").isTextual() ? body.path("scope").asText() : null);
    }

    private static boolean granted(String scopes, String scope) {
        return Arrays.asList(scopes.split(" ")).contains(scope);
    }
}
