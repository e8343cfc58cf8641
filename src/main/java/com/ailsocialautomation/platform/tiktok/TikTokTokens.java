package com.ailsocialautomation.platform.tiktok;

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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TikTok's OAuth endpoints ({@code /v2/oauth/token/} and {@code /v2/oauth/revoke/}): forms that carry the app's
 * {@code client_key} (TikTok's name for the client id) and {@code client_secret} in the body. Access tokens last a
 * day and refresh tokens a year in the docs AIL was built from (newer docs say 2 h and 180 days), so AIL uses the
 * {@code expires_in} and {@code refresh_expires_in} of each answer. A refresh may hand out a new refresh token; the
 * old one then stops working, so the caller saves the new pair before using it.
 */
final class TikTokTokens {
    private final ApiClient api;
    private final String apiUrl;
    private final Clock clock;

    TikTokTokens(ApiClient api, String apiUrl, Clock clock) {
        this.api = api;
        this.apiUrl = apiUrl;
        this.clock = clock;
    }

    TokenSet exchange(CodeExchange exchange) {
        Map<String, String> form = app(exchange.app());
        form.put("code", exchange.code().reveal());
        form.put("grant_type", "authorization_code");
        form.put("redirect_uri", exchange.redirectUri());
        form.put("code_verifier", exchange.codeVerifier() == null ? null : exchange.codeVerifier().reveal());
        return tokens(call("/v2/oauth/token/", form, false));
    }

    TokenSet refresh(Credentials credentials) {
        if (credentials.refreshToken() == null) {
            throw new PlatformError(Kind.AUTH_EXPIRED, 0, "TikTok gave no refresh token for this account; reconnect it", null);
        }
        Map<String, String> form = app(credentials.app());
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", credentials.refreshToken().reveal());
        return tokens(call("/v2/oauth/token/", form, true));
    }

    /** Revoking the access token ends the account's authorization of the app, refresh token included. */
    void revoke(Secret token, ClientApp app) {
        Map<String, String> form = app(app);
        form.put("token", token.reveal());
        call("/v2/oauth/revoke/", form, false);
    }

    private static Map<String, String> app(ClientApp app) {
        if (app == null || app.clientId() == null || app.clientSecret() == null) {
            throw new PlatformError(Kind.PERMANENT, 0, "TikTok is not configured on this server: the operator must set "
                    + "AIL_TIKTOK_CLIENT_ID (the client key) and AIL_TIKTOK_CLIENT_SECRET", null);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_key", app.clientId());
        form.put("client_secret", app.clientSecret().reveal());
        return form;
    }

    /** TikTok's OAuth errors are {@code {error, error_description, log_id}}, with HTTP 200 or a 4xx. */
    private JsonNode call(String path, Map<String, String> form, boolean refreshing) {
        ApiResponse response = api.send(ApiRequest.post(apiUrl + path).form(form));
        String error = response.firstText("/error");
        if (response.ok() && error == null) {
            return response.body() == null || response.body().length == 0
                    ? com.ailsocialautomation.Json.MAPPER.createObjectNode() : response.json("TikTok");
        }
        if (response.status() >= 500 || response.status() == 429) {
            throw new TikTokAnswers(clock).refusal(response, response.status() == 429 ? "rate_limit_exceeded" : "", "signing in");
        }
        String said = TikTokAnswers.said(response);
        String words = said == null ? (error == null ? "HTTP " + response.status() : error) : said + " (" + error + ")";
        if ("invalid_client".equals(error) || "unauthorized_client".equals(error)) {
            throw new PlatformError(Kind.PERMANENT, response.status(), "TikTok refused this server's app credentials ("
                    + words + "); the operator should check AIL_TIKTOK_CLIENT_ID and AIL_TIKTOK_CLIENT_SECRET", null);
        }
        if (refreshing) {
            // an expired, revoked or already rotated refresh token: only a new consent helps
            throw new PlatformError(Kind.AUTH_EXPIRED, response.status(), "TikTok refused the refresh token (" + words
                    + "); reconnect the account", null);
        }
        throw new PlatformError(Kind.PERMANENT, response.status(), "TikTok refused the request (" + words + ")", null);
    }

    private TokenSet tokens(JsonNode body) {
        String access = TikTokAnswers.required(body, "access_token", "signing in");
        JsonNode refresh = body.path("refresh_token");
        JsonNode expiresIn = body.path("expires_in");
        JsonNode refreshExpiresIn = body.path("refresh_expires_in");
        return new TokenSet(Secret.of(access),
                refresh.isTextual() && !refresh.asText().isBlank() ? Secret.of(refresh.asText()) : null,
                expiresIn.canConvertToLong() ? clock.instant().plusSeconds(expiresIn.asLong()) : null,
                refreshExpiresIn.canConvertToLong() ? clock.instant().plusSeconds(refreshExpiresIn.asLong()) : null,
                body.path("scope").isTextual() ? body.path("scope").asText() : null);
    }
}
