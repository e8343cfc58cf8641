package com.ailsocialautomation.platform.threads;

import com.ailsocialautomation.config.Secret;
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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Threads' tokens: the code becomes a short-lived token (one hour, {@code POST /oauth/access_token}), which is
 * exchanged at once for a long-lived one (60 days, {@code th_exchange_token}). Threads has no refresh token: a
 * long-lived token renews itself ({@code th_refresh_token}) once it is at least 24 hours old and until it expires.
 * So the long-lived token is also what AIL stores as the account's refresh credential, and the credential keeper
 * renews it like any other before it expires.
 */
final class ThreadsTokens {
    private final ThreadsGraph graph;
    private final ThreadsAnswers answers;
    private final Clock clock;

    ThreadsTokens(ThreadsGraph graph, ThreadsAnswers answers, Clock clock) {
        this.graph = graph;
        this.answers = answers;
        this.clock = clock;
    }

    TokenSet exchange(CodeExchange exchange) {
        ClientApp app = configured(exchange.app());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", app.clientId());
        form.put("client_secret", app.clientSecret().reveal());
        form.put("code", exchange.code().reveal());
        form.put("grant_type", "authorization_code");
        form.put("redirect_uri", exchange.redirectUri());
        ApiResponse answer = graph.send(ApiRequest.post("/oauth/access_token").form(form));
        if (answer.status() == 400 || answer.status() == 401) {
            PlatformError said = answers.refusal(answer, "connecting the account");
            throw new PlatformError(Kind.PERMANENT, answer.status(), "Threads refused the authorization code (" + said.getMessage()
                    + "); start connecting again, and if it keeps failing the operator should check AIL_THREADS_CLIENT_ID and "
                    + "AIL_THREADS_CLIENT_SECRET (the Threads app id and secret, not the Meta app's)", null);
        }
        String shortLived = ThreadsAnswers.required(answers.read(answer, "connecting the account"), "access_token", "connecting the account");
        Map<String, String> query = new LinkedHashMap<>();
        query.put("grant_type", "th_exchange_token");
        query.put("client_secret", app.clientSecret().reveal());
        query.put("access_token", shortLived);
        return longLived(answers.read(graph.send(ApiRequest.get("/access_token?" + ThreadsGraph.query(query))),
                "exchanging the token for a long-lived one"));
    }

    /**
     * A new 60-day token for the long-lived one. A token Threads no longer takes asks for a reconnect; one it will
     * not renew now for another reason (younger than 24 hours, a passing failure) stays in use while it is valid.
     */
    TokenSet refresh(Credentials credentials) {
        Secret current = credentials.refreshToken() != null ? credentials.refreshToken() : credentials.accessToken();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("grant_type", "th_refresh_token");
        query.put("access_token", current.reveal());
        try {
            return longLived(answers.read(graph.send(ApiRequest.get("/refresh_access_token?" + ThreadsGraph.query(query))),
                    "renewing the access token"));
        } catch (PlatformError e) {
            if (e.kind() != Kind.AUTH_EXPIRED && credentials.expiresAt() != null && credentials.expiresAt().isAfter(clock.instant())) {
                return new TokenSet(credentials.accessToken(), current, credentials.expiresAt(), credentials.expiresAt(), null);
            }
            throw e;
        }
    }

    private TokenSet longLived(JsonNode body) {
        Secret token = Secret.of(ThreadsAnswers.required(body, "access_token", "renewing the access token"));
        Instant expires = body.path("expires_in").canConvertToLong() ? clock.instant().plusSeconds(body.path("expires_in").asLong()) : null;
        return new TokenSet(token, token, expires, expires, null);
    }

    private static ClientApp configured(ClientApp app) {
        if (app == null || app.clientId() == null || app.clientSecret() == null) {
            throw new PlatformError(Kind.PERMANENT, 0, "Threads is not configured on this server: the operator must set "
                    + "AIL_THREADS_CLIENT_ID and AIL_THREADS_CLIENT_SECRET", null);
        }
        return app;
    }
}
