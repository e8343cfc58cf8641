package com.ailsocialautomation.platform.linkedin;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.platform.ApiResponse;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.RetryAfter;
import com.ailsocialautomation.platform.PlatformError.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Reads LinkedIn's answers; every answer that is not a success becomes a {@link PlatformError} of the right kind. */
final class LinkedInAnswers {
    private static final Logger log = LoggerFactory.getLogger(LinkedInAnswers.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final String version;
    private final Clock clock;

    LinkedInAnswers(String version, Clock clock) {
        this.version = version;
        this.clock = clock;
    }

    JsonNode read(ApiResponse response, String doing) {
        accept(response, doing);
        return response.json("LinkedIn");
    }

    void accept(ApiResponse response, String doing) {
        if (!response.ok()) {
            throw refusal(response, doing);
        }
    }

    PlatformError refusal(ApiResponse response, String doing) {
        int status = response.status();
        String said = said(response);
        if (status == 426 || "NONEXISTENT_VERSION".equals(code(response))) {
            log.warn("LinkedIn refused API version {} as retired (HTTP {}) while {}: set AIL_LINKEDIN_VERSION to a current "
                    + "version (YYYYMM; AIL's default is {}) or update AIL, restart, then authors can Retry", version, status, doing,
                    LinkedInVersion.DEFAULT);
            return new PlatformError(Kind.PERMANENT, status, "LinkedIn no longer accepts the API version this AIL server uses ("
                    + version + "). This is for your AIL operator to fix (AIL_LINKEDIN_VERSION); ask them, then Retry", null);
        }
        if (status == 429) {
            // LinkedIn's daily limits reset at midnight UTC and its 429 carries no reset header.
            Instant midnight = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant retryAt = retryAfter(response, midnight);
            String message = retryAt.equals(midnight)
                    ? "LinkedIn's daily limit for " + doing + " is used up until 00:00 UTC, when LinkedIn resets its daily limits"
                    : "LinkedIn's rate limit for " + doing + " is used up until " + TIME.format(retryAt) + " UTC";
            return new PlatformError(Kind.RATE_LIMITED, status, message, retryAt);
        }
        if (status >= 500 || status == 408) {
            return new PlatformError(Kind.TRANSIENT, status, "LinkedIn had a problem while " + doing + " (HTTP " + status + ")"
                    + (said == null ? "" : ": " + said), null);
        }
        if (status == 401) {
            return new PlatformError(Kind.AUTH_EXPIRED, status, "LinkedIn no longer accepts the access token"
                    + (said == null ? "" : " (" + said + ")"), null);
        }
        return new PlatformError(Kind.PERMANENT, status, said != null ? said : "LinkedIn refused " + doing + " (HTTP " + status + ")", null);
    }

    /** LinkedIn's own words: a REST error's message (with its code), or an OAuth error description. */
    static String said(ApiResponse response) {
        String text = response.firstText("/message", "/error_description", "/error");
        if (text == null) {
            return null;
        }
        String code = body(response).path("code").asText("");
        return ApiResponse.shorten(code.isBlank() || text.contains(code) ? text : code + ": " + text);
    }

    static String required(JsonNode node, String field, String doing) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new PlatformError(Kind.PERMANENT, 0, "LinkedIn's answer while " + doing + " had no " + field, null);
        }
        return value.asText();
    }

    private static String code(ApiResponse response) {
        return body(response).path("code").asText(null);
    }

    private static JsonNode body(ApiResponse response) {
        try {
            JsonNode node = Json.MAPPER.readTree(response.body() == null ? new byte[0] : response.body());
            return node == null ? Json.MAPPER.missingNode() : node;
        } catch (IOException e) {
            return Json.MAPPER.missingNode();
        }
    }

    private Instant retryAfter(ApiResponse response, Instant fallback) {
        Instant at = RetryAfter.at(response.header("Retry-After"), clock.instant());
        return at == null ? fallback : at;
    }
}
