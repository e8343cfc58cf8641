package com.ailsocialautomation.platform.bluesky;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.UserError;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.platform.ApiClient;
import com.ailsocialautomation.platform.ApiRequest;
import com.ailsocialautomation.platform.ApiResponse;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PlatformError.Kind;
import com.ailsocialautomation.platform.TokenSet;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * App-password sessions: {@code createSession} once when the account is connected, then {@code refreshSession} with
 * the refresh JWT as bearer. Refresh tokens rotate (the old one dies after a short grace period), so the caller must
 * save the new pair before using it. The app password goes into one request body and nowhere else.
 */
final class BlueskySession {
    /** What the PDS signs the tokens for [AT auth.ts]; used when a token's exp claim cannot be read. */
    static final Duration ACCESS_LIFETIME = Duration.ofMinutes(120);
    static final Duration REFRESH_LIFETIME = Duration.ofDays(90);
    private static final String APP_PASSWORDS = "Settings → Privacy and security → App passwords";

    /** A new session with the account it belongs to. */
    record Session(TokenSet tokens, String did, String handle) {}

    private final ApiClient api;
    private final BlueskyAnswers answers;
    private final Clock clock;

    BlueskySession(ApiClient api, BlueskyAnswers answers, Clock clock) {
        this.api = api;
        this.answers = answers;
        this.clock = clock;
    }

    /** Logs in; every refusal the person can act on is a one-line {@link UserError} that says what to do. */
    Session create(String pds, String identifier, Secret appPassword) {
        ApiResponse response = api.send(ApiRequest.post(pds + "/xrpc/com.atproto.server.createSession")
                .json(Map.of("identifier", identifier, "password", appPassword.reveal())));
        if (!response.ok()) {
            throw loginRefused(response, identifier);
        }
        JsonNode body = response.json("Bluesky");
        boolean active = body.path("active").asBoolean(true);
        String status = body.path("status").asText(active ? "active" : "deactivated");
        if (!active || !status.equals("active")) {
            throw new UserError("Bluesky says @" + identifier + " is " + status + ", so it cannot post and was not connected.");
        }
        return new Session(tokens(body, "signing in"), BlueskyAnswers.required(body, "did", "signing in"),
                BlueskyAnswers.required(body, "handle", "signing in"));
    }

    TokenSet refresh(String pds, Secret refreshToken, String expectedDid) {
        ApiResponse response = api.send(ApiRequest.post(pds + "/xrpc/com.atproto.server.refreshSession").bearer(refreshToken));
        if (!response.ok() && response.status() != 429 && response.status() < 500) {
            // expired, revoked or already used (rotation): only a new app-password login helps
            String said = BlueskyAnswers.said(response);
            throw new PlatformError(Kind.AUTH_EXPIRED, response.status(), "Bluesky refused to renew the session"
                    + (said == null ? "" : " (" + said + ")"), null);
        }
        JsonNode body = answers.read(response, "renewing the session");
        if (expectedDid != null && !expectedDid.equals(body.path("did").asText(expectedDid))) {
            throw new PlatformError(Kind.AUTH_EXPIRED, response.status(), "Bluesky renewed a session for another account", null);
        }
        return tokens(body, "renewing the session");
    }

    /** Ends the session at the PDS; with an app password this is the only revocation there is. */
    void delete(String pds, Secret refreshToken) {
        ApiResponse response = api.send(ApiRequest.post(pds + "/xrpc/com.atproto.server.deleteSession").bearer(refreshToken));
        if (!response.ok() && !"ExpiredToken".equals(BlueskyAnswers.field(response, "error"))
                && !"InvalidToken".equals(BlueskyAnswers.field(response, "error"))) {
            throw answers.refusal(response, "ending the session"); // an expired or unknown session is already gone
        }
    }

    private TokenSet tokens(JsonNode body, String doing) {
        String access = BlueskyAnswers.required(body, "accessJwt", doing);
        String refresh = BlueskyAnswers.required(body, "refreshJwt", doing);
        Instant now = clock.instant();
        return new TokenSet(Secret.of(access), Secret.of(refresh), expiry(access, now.plus(ACCESS_LIFETIME)),
                expiry(refresh, now.plus(REFRESH_LIFETIME)), null);
    }

    /** The JWT's exp claim, or {@code otherwise} when the token is not a JWT we can read. Nothing is verified. */
    static Instant expiry(String jwt, Instant otherwise) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return otherwise;
        }
        try {
            JsonNode exp = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1])).path("exp");
            return exp.canConvertToLong() && exp.asLong() > 0 ? Instant.ofEpochSecond(exp.asLong()) : otherwise;
        } catch (IOException | IllegalArgumentException e) {
            return otherwise;
        }
    }

    private UserError loginRefused(ApiResponse response, String identifier) {
        String error = BlueskyAnswers.field(response, "error");
        String again = "create an app password (" + APP_PASSWORDS + ") and connect again.";
        if ("AuthFactorTokenRequired".equals(error)) {
            return new UserError("Bluesky asked for an email sign-in code, so that was the account's main password: " + again);
        }
        if ("AccountTakedown".equals(error)) {
            return new UserError("Bluesky says @" + identifier + " has been taken down, so it cannot be connected; Bluesky's support can tell you why.");
        }
        if (response.status() == 401 || "AuthenticationRequired".equals(error) || "InvalidPassword".equals(error)) {
            return new UserError("Bluesky did not accept @" + identifier + " with that app password. Check the handle, or " + again);
        }
        PlatformError refusal = answers.refusal(response, "signing in");
        return switch (refusal.kind()) {
            case RATE_LIMITED -> new UserError("Bluesky allows only a few sign-ins per 5 minutes and per day; "
                    + (refusal.retryAt() == null ? "try again later." : "try again after " + BlueskyAnswers.time(refusal.retryAt()) + "."));
            case TRANSIENT -> new UserError(refusal.getMessage() + ". Try again in a minute.");
            default -> new UserError("Bluesky refused the sign-in: " + refusal.getMessage());
        };
    }
}
