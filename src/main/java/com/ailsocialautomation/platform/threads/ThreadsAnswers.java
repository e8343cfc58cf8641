package com.ailsocialautomation.platform.threads;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.platform.ApiResponse;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PlatformError.Kind;
import com.ailsocialautomation.platform.RetryAfter;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Reads the Threads API's Graph-style answers ({@code {"error":{"message","type","code","error_subcode",
 * "is_transient"}}}); every answer that is not a success becomes a {@link PlatformError} of the right kind, in
 * Threads' own words.
 */
final class ThreadsAnswers {
    /** Graph API throttling codes: app (4), user (17), page (32), and a specific call's (613) rate limits. */
    private static final Set<Integer> THROTTLED = Set.of(4, 17, 32, 613);
    /** Graph rate limits are counted over the last hour; a limit that names no reset is looked at again then. */
    static final Duration NO_RESET_NAMED = Duration.ofHours(1);

    private final Clock clock;

    ThreadsAnswers(Clock clock) {
        this.clock = clock;
    }

    JsonNode read(ApiResponse response, String doing) {
        if (!response.ok()) {
            throw refusal(response, doing);
        }
        return response.json("Threads");
    }

    PlatformError refusal(ApiResponse response, String doing) {
        int status = response.status();
        JsonNode error = body(response).path("error");
        int code = error.path("code").asInt(0);
        String said = said(error);
        String detail = said == null ? "" : ": " + said;
        if (status == 429 || THROTTLED.contains(code)) {
            Instant retryAt = retryAt(response);
            return new PlatformError(Kind.RATE_LIMITED, status, "Threads' rate limit for " + doing + " is used up" + detail, retryAt);
        }
        if (code == 190 || status == 401) {
            return new PlatformError(Kind.AUTH_EXPIRED, status, "Threads no longer accepts the access token" + detail, null);
        }
        if (code == 10 || (code >= 200 && code < 300)) {
            return new PlatformError(Kind.AUTH_EXPIRED, status, "Threads has not given AIL the permission needed for " + doing
                    + detail + "; reconnect and allow AIL to post", null);
        }
        // 9007: the container is not ready to publish yet; nothing was published
        if (status >= 500 || status == 408 || error.path("is_transient").asBoolean(false) || code == 1 || code == 2 || code == 9007) {
            return new PlatformError(Kind.TRANSIENT, status, "Threads had a problem while " + doing + " (HTTP " + status + ")" + detail, null);
        }
        return new PlatformError(Kind.PERMANENT, status, said != null ? said : "Threads refused " + doing + " (HTTP " + status + ")", null);
    }

    /** Threads' message with its code ("Invalid parameter (code 100)"), at most 300 characters; null without one. */
    private static String said(JsonNode error) {
        String message = error.path("error_user_msg").asText(error.path("message").asText(""));
        if (message.isBlank()) {
            return null;
        }
        int code = error.path("code").asInt(0);
        return ApiResponse.shorten(code == 0 ? message.strip() : message.strip() + " (code " + code + ")");
    }

    /**
     * When a rate limit frees: Retry-After, else the business use case header's estimated_time_to_regain_access
     * (minutes), else an hour from now.
     */
    private Instant retryAt(ApiResponse response) {
        Instant now = clock.instant();
        Instant header = RetryAfter.at(response.header("Retry-After"), now);
        if (header != null) {
            return header;
        }
        String usage = response.header("X-Business-Use-Case-Usage");
        if (usage != null) {
            try {
                int minutes = 0;
                for (JsonNode entries : Json.MAPPER.readTree(usage)) {
                    for (JsonNode entry : entries) {
                        minutes = Math.max(minutes, entry.path("estimated_time_to_regain_access").asInt(0));
                    }
                }
                if (minutes > 0) {
                    return now.plus(Duration.ofMinutes(minutes));
                }
            } catch (IOException | RuntimeException e) {
                // an unreadable header names no time
            }
        }
        return now.plus(NO_RESET_NAMED);
    }

    static String required(JsonNode node, String field, String doing) {
        JsonNode value = node.path(field);
        if (!(value.isTextual() || value.isNumber()) || value.asText().isBlank()) {
            throw new PlatformError(Kind.PERMANENT, 0, "Threads' answer while " + doing + " had no " + field, null);
        }
        return value.asText();
    }

    private static JsonNode body(ApiResponse response) {
        try {
            JsonNode node = Json.MAPPER.readTree(response.body() == null ? new byte[0] : response.body());
            return node == null ? Json.MAPPER.missingNode() : node;
        } catch (IOException e) {
            return Json.MAPPER.missingNode();
        }
    }
}
