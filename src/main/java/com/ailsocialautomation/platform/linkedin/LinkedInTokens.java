package com.ailsocialautomation.platform.linkedin;

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
 * LinkedIn's OAuth endpoints on the www host. The client secret travels in the form body. Tokens last 60 days;
 * only apps approved for programmatic refresh get a refresh token, whose 365-day life does not restart on refresh.
 */
final class LinkedInTokens {
    private final ApiClient api;
    private final String authUrl;
    private final LinkedInAnswers answers;
    private final Clock clock;

    LinkedInTokens(ApiClient api, String authUrl, LinkedInAnswers answers, Clock clock) {
        this.api = api;
        this.authUrl = authUrl;
        this.answers = answers;
        this.clock = clock;
    }

    TokenSet exchange(CodeExchange exchange) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", exchange.code().reveal());
        form.put("redirect_uri", exchange.redirectUri());
        TokenSet tokens = tokens(call("/oauth/v2/accessToken", form, exchange.app(), "connecting the account"));
        // [PZ] checks this too: a member can untick a permission on the consent page.
        if (tokens.scopes() != null && Arrays.stream(tokens.scopes().split("[ ,]+")).noneMatch("w_member_social"::equals)) {
            throw new PlatformError(Kind.PERMANENT, 0, "LinkedIn did not grant permission to post (w_member_social); "
                    + "connect again and allow AIL to post on your behalf", null);
        }
        return tokens;
    }

    TokenSet refresh(Credentials credentials) {
        if (credentials.refreshToken() == null) {
            throw new PlatformError(Kind.AUTH_EXPIRED, 0, "LinkedIn access lasts 60 days and cannot be renewed without the member; reconnect the account", null);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", credentials.refreshToken().reveal());
        return tokens(call("/oauth/v2/accessToken", form, credentials.app(), "renewing the access token"));
    }

    void revoke(Credentials credentials) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", credentials.accessToken().reveal());
        call("/oauth/v2/revoke", form, credentials.app(), "revoking the access token");
    }

    private ApiResponse call(String path, Map<String, String> fields, ClientApp app, String doing) {
        if (app == null || app.clientId() == null || app.clientSecret() == null) {
            throw new PlatformError(Kind.PERMANENT, 0, "LinkedIn is not configured on this server: the operator must set AIL_LINKEDIN_CLIENT_ID and AIL_LINKEDIN_CLIENT_SECRET", null);
        }
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("client_id", app.clientId());
        form.put("client_secret", app.clientSecret().reveal());
        ApiResponse response = api.send(ApiRequest.post(authUrl + path).form(form));
        String said = LinkedInAnswers.said(response);
        String detail = said == null ? "" : " (" + said + ")";
        if (response.status() == 401) {
            throw new PlatformError(Kind.PERMANENT, 401, "LinkedIn refused this server's app credentials" + detail
                    + "; the operator should check AIL_LINKEDIN_CLIENT_ID and AIL_LINKEDIN_CLIENT_SECRET", null);
        }
        if (response.status() == 400 && form.containsKey("refresh_token")) {
            throw new PlatformError(Kind.AUTH_EXPIRED, 400, "LinkedIn refused the refresh token" + detail + "; reconnect the account", null);
        }
        if (response.status() == 400 && form.containsKey("code")) {
            throw new PlatformError(Kind.PERMANENT, 400, "LinkedIn refused the authorization code" + detail + "; start connecting again", null);
        }
        answers.accept(response, doing);
        return response;
    }

    private TokenSet tokens(ApiResponse response) {
        JsonNode body = response.json("LinkedIn");
        String access = LinkedInAnswers.required(body, "access_token", "connecting the account");
        JsonNode refresh = body.path("refresh_token");
        return new TokenSet(Secret.of(access),
                refresh.isTextual() ? Secret.of(refresh.asText()) : null,
                seconds(body.path("expires_in")),
                refresh.isTextual() ? seconds(body.path("refresh_token_expires_in")) : null,
                body.path("scope").isTextual() ? body.path("scope").asText() : null);
    }

    private java.time.Instant seconds(JsonNode value) {
        return value.canConvertToLong() ? clock.instant().plusSeconds(value.asLong()) : null;
    }
}
