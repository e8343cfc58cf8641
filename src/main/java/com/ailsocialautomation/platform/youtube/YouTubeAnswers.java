package com.ailsocialautomation.platform.youtube;

import com.ailsocialautomation.platform.ApiResponse;
import com.ailsocialautomation.platform.DailyAllowance;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PlatformError.Kind;
import com.ailsocialautomation.platform.RetryAfter;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Reads Google's answers. API errors are {@code {"error":{"code","message","errors":[{"domain","reason"}]}}}; the
 * reason decides the kind. The project's quota (quotaExceeded) is used up until midnight Pacific time; a channel's own
 * daily upload cap (uploadLimitExceeded) too, as far as anyone can tell.
 */
final class YouTubeAnswers {
    /** Google's 429 and rateLimitExceeded rarely carry Retry-After; a minute is what its guides suggest backing off. */
    private static final Duration SHORT_WAIT = Duration.ofMinutes(1);

    private final Clock clock;
    private final DailyAllowance allowance;

    YouTubeAnswers(Clock clock, DailyAllowance allowance) {
        this.clock = clock;
        this.allowance = allowance;
    }

    JsonNode read(ApiResponse response, String doing) {
        accept(response, doing);
        return response.json("YouTube");
    }

    void accept(ApiResponse response, String doing) {
        if (!response.ok()) {
            throw refusal(response, doing);
        }
    }

    PlatformError refusal(ApiResponse response, String doing) {
        int status = response.status();
        String reason = reason(response);
        String said = said(response);
        String words = said == null ? "" : " (YouTube said: " + said + ")";
        Instant now = clock.instant();
        switch (reason) {
            case "quotaExceeded", "dailyLimitExceeded" -> {
                return PlatformError.allowanceUsedUp(status, "YouTube's daily quota for this server's Google project is used up"
                        + words, allowance.nextReset(now));
            }
            case "uploadLimitExceeded" -> {
                return new PlatformError(Kind.RATE_LIMITED, status, "the channel has reached YouTube's daily upload limit"
                        + words, allowance.nextReset(now));
            }
            case "youtubeSignupRequired" -> {
                return new PlatformError(Kind.PERMANENT, status, "this Google account has no YouTube channel yet: create one "
                        + "at youtube.com, then connect again", null);
            }
            case "rateLimitExceeded", "userRateLimitExceeded" -> {
                return rateLimited(response, status, doing, words, now);
            }
            default -> { }
        }
        if (status == 429) {
            return rateLimited(response, status, doing, words, now);
        }
        if (status >= 500 || status == 408) {
            return new PlatformError(Kind.TRANSIENT, status, "YouTube had a problem while " + doing + " (HTTP " + status + ")" + words, null);
        }
        if (status == 401) {
            return new PlatformError(Kind.AUTH_EXPIRED, status, "Google no longer accepts the access token" + words, null);
        }
        return new PlatformError(Kind.PERMANENT, status, said != null ? said : "YouTube refused " + doing + " (HTTP " + status + ")", null);
    }

    private static PlatformError rateLimited(ApiResponse response, int status, String doing, String words, Instant now) {
        Instant at = RetryAfter.at(response.header("Retry-After"), now);
        return new PlatformError(Kind.RATE_LIMITED, status, "YouTube asked AIL to slow down while " + doing + words,
                at != null ? at : now.plus(SHORT_WAIT));
    }

    /** The first error's reason ("quotaExceeded"), or the OAuth error code ("invalid_grant"); "" when there is none. */
    static String reason(ApiResponse response) {
        String reason = response.firstText("/error/errors/0/reason", "/error");
        return reason == null ? "" : reason;
    }

    /** Google's own words: the API error's message or the OAuth error's description. */
    static String said(ApiResponse response) {
        return ApiResponse.shorten(response.firstText("/error/message", "/error_description", "/error"));
    }

    static String required(JsonNode node, String field, String doing) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new PlatformError(Kind.PERMANENT, 0, "YouTube's answer while " + doing + " had no " + field, null);
        }
        return value.asText();
    }
}
