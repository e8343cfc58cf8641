package com.ailsocialautomation.platform.meta;

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
import java.util.Iterator;
import java.util.Set;

/**
 * Reads the Graph API's answers; one that is not a success becomes a {@link PlatformError} of the kind its error
 * code says (Graph API "Handling errors" and "Rate limiting" docs): 190 and the permission codes need the person to
 * log in again; 4, 17, 32, 613 and the business use-case codes (80001-80014) wait as {@code X-Business-Use-Case-Usage}
 * says (its {@code estimated_time_to_regain_access}, in minutes), else for the hour the app and user limits roll
 * over; Instagram's 9/2207042 is its publishing limit; {@code is_transient}, codes 1, 2 and 9007 (a container not
 * ready yet) try again.
 */
final class MetaAnswers {
    /** App- and user-level limits are counted over a rolling hour; without a header saying more, wait that long. */
    static final Duration ROLLING_WINDOW = Duration.ofHours(1);
    private static final Set<Integer> RATE_CODES = Set.of(4, 17, 32, 613);

    private final String platform;
    private final Clock clock;

    MetaAnswers(String platform, Clock clock) {
        this.platform = platform;
        this.clock = clock;
    }

    JsonNode read(ApiResponse response, String doing) {
        if (!response.ok()) {
            throw refusal(response, doing);
        }
        JsonNode body = response.json(platform);
        if (body.has("error")) { // Graph answers some batch-like calls 200 with an error inside
            throw refusal(new ApiResponse(400, response.headers(), response.body()), doing);
        }
        return body;
    }

    PlatformError refusal(ApiResponse response, String doing) {
        int status = response.status();
        JsonNode error = body(response).path("error");
        int code = error.path("code").asInt(0);
        int subcode = error.path("error_subcode").asInt(0);
        String said = said(error);
        String words = said == null ? platform + " refused " + doing + " (HTTP " + status + ")" : said;
        if (code == 190 || code == 102 || code == 10 || (code >= 200 && code < 300) || (status == 401 && code == 0)) {
            return new PlatformError(Kind.AUTH_EXPIRED, status, platform + " no longer accepts AIL's access (" + words + ")", null);
        }
        if (status == 429 || RATE_CODES.contains(code) || (code >= 80001 && code <= 80014) || (code == 9 && subcode == 2207042)) {
            Instant at = retryAt(response);
            return new PlatformError(Kind.RATE_LIMITED, status, platform + "'s limit for " + doing + " is used up until "
                    + at + " (" + words + ")", at);
        }
        // 9007: the container is not ready yet (Meta's word for a publish that came too early): nothing was posted
        if (status >= 500 || error.path("is_transient").asBoolean(false) || code == 1 || code == 2 || code == 9007) {
            return new PlatformError(Kind.TRANSIENT, status, platform + " had a problem while " + doing + ": " + words, null);
        }
        return new PlatformError(Kind.PERMANENT, status, words, null);
    }

    /**
     * When to try again: the longest {@code estimated_time_to_regain_access} (minutes) in the business use-case
     * header, a Retry-After, or the rolling hour.
     */
    Instant retryAt(ApiResponse response) {
        Instant now = clock.instant();
        long minutes = 0;
        String usage = response.header("X-Business-Use-Case-Usage");
        if (usage != null) {
            try {
                for (Iterator<JsonNode> ids = Json.MAPPER.readTree(usage).elements(); ids.hasNext(); ) {
                    for (JsonNode entry : ids.next()) {
                        minutes = Math.max(minutes, entry.path("estimated_time_to_regain_access").asLong(0));
                    }
                }
            } catch (IOException e) {
                minutes = 0; // unreadable: the fallbacks below apply
            }
        }
        if (minutes > 0) {
            return now.plus(Duration.ofMinutes(minutes));
        }
        Instant after = RetryAfter.at(response.header("Retry-After"), now);
        return after != null ? after : now.plus(ROLLING_WINDOW);
    }

    /** The person-facing message when Graph gives one, else its message, with the code. */
    private static String said(JsonNode error) {
        String text = error.path("error_user_msg").asText("");
        if (text.isBlank()) {
            text = error.path("message").asText("");
        }
        if (text.isBlank()) {
            return null;
        }
        return ApiResponse.shorten(text.strip());
    }

    static String required(JsonNode node, String field, String platform, String doing) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull() || value.asText().isBlank()) {
            throw new PlatformError(Kind.PERMANENT, 0, platform + "'s answer while " + doing + " had no " + field, null);
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
