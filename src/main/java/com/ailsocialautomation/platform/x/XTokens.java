package com.ailsocialautomation.platform.x;

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

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * X's token endpoint for a confidential client: every call carries HTTP Basic auth with the app's id and secret.
 * Refresh tokens rotate and are single-use, so {@link #refresh} returns the new one and the caller must save it
 * before using the new access token.
 */
final class XTokens {
    private final ApiClient api;
    private final String apiUrl;
    private final XAnswers answers;
    private final Clock clock;

    XTokens(ApiClient api, String apiUrl, XAnswers answers, Clock clock) {
        this.api = api;
        this.apiUrl = apiUrl;
        this.answers = answers;
        this.clock = clock;
    }

    TokenSet exchange(CodeExchange exchange) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", exchange.code().reveal());
        form.put("grant_type", "authorization_code");
        form.put("redirect_uri", exchange.redirectUri());
        form.put("code_verifier", exchange.codeVerifier().reveal());
        return tokens(call("/2/oauth2/token", form, exchange.app(), XCall.CONNECTING));
    }

    TokenSet refresh(Credentials credentials) {
        if (credentials.refreshToken() == null) {
            throw new PlatformError(Kind.AUTH_EXPIRED, 0, "X gave no refresh token for this account; reconnect it", null);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("refresh_token", credentials.refreshToken().reveal());
        form.put("grant_type", "refresh_token");
        return tokens(call("/2/oauth2/token", form, credentials.app(), XCall.REFRESHING));
    }

    void revoke(Secret token, String hint, ClientApp app) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token.reveal());
        form.put("token_type_hint", hint);
        call("/2/oauth2/revoke", form, app, XCall.REVOKING);
    }

    private JsonNode call(String path, Map<String, String> form, ClientApp app, XCall call) {
        if (app == null || app.clientId() == null || app.clientSecret() == null) {
            throw new PlatformError(Kind.PERMANENT, 0, "X is not configured on this server: the operator must set AIL_X_CLIENT_ID and AIL_X_CLIENT_SECRET", null);
        }
        String basic = Base64.getEncoder().encodeToString(
                (app.clientId() + ":" + app.clientSecret().reveal()).getBytes(StandardCharsets.UTF_8));
        ApiResponse response = api.send(ApiRequest.post(apiUrl + path).form(form).header("Authorization", "Basic " + basic));
        if (response.status() == 401) {
            // The token endpoint's 401 is about the app's own credentials, not the account's token.
            throw new PlatformError(Kind.PERMANENT, 401, "X refused this server's app credentials" + detail(response)
                    + "; the operator should check AIL_X_CLIENT_ID and AIL_X_CLIENT_SECRET", null);
        }
        if (response.status() == 400 && call == XCall.REFRESHING) {
            // An expired, revoked or already used refresh token: only a new consent helps.
            throw new PlatformError(Kind.AUTH_EXPIRED, 400, "X refused the refresh token" + detail(response)
                    + "; reconnect the account", null);
        }
        if (response.status() == 400 && call == XCall.CONNECTING) {
            throw new PlatformError(Kind.PERMANENT, 400, "X refused the authorization code" + detail(response)
                    + "; start connecting again", null);
        }
        return answers.read(response, call);
    }

    private static String detail(ApiResponse response) {
        String said = XAnswers.said(response);
        return said == null ? "" : " (" + said + ")";
    }

    private TokenSet tokens(JsonNode body) {
        String access = XAnswers.required(body, "access_token", XCall.CONNECTING);
        JsonNode refresh = body.path("refresh_token");
        JsonNode expiresIn = body.path("expires_in");
        return new TokenSet(Secret.of(access),
                refresh.isTextual() ? Secret.of(refresh.asText()) : null,
                expiresIn.canConvertToLong() ? clock.instant().plusSeconds(expiresIn.asLong()) : null,
                null,
                body.path("scope").isTextual() ? body.path("scope").asText() : null);
    }
}
