package com.ailsocialautomation.platform.mastodon;

import com.ailsocialautomation.platform.ApiResponse;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PlatformError.Kind;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads a Mastodon server's answers. Anything but a success becomes a {@link PlatformError}: 401 means the token is
 * no longer accepted, 429 waits for {@code X-RateLimit-Reset}, 5xx and 408 are worth retrying, and every other 4xx
 * fails with Mastodon's own {@code error} text.
 */
final class MastodonAnswers {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private MastodonAnswers() {}

    /** The JSON of a successful answer. */
    static JsonNode read(ApiResponse response, String doing) {
        accept(response, doing);
        return response.json("Mastodon");
    }

    static void accept(ApiResponse response, String doing) {
        if (!response.ok()) {
            throw refusal(response, doing);
        }
    }

    static PlatformError refusal(ApiResponse response, String doing) {
        int status = response.status();
        String said = said(response);
        if (status == 429) {
            Instant reset = reset(response.header("X-RateLimit-Reset"));
            return new PlatformError(Kind.RATE_LIMITED, status, "Mastodon's rate limit for " + doing + " is used up"
                    + (reset == null ? "; AIL will try again later" : " until " + TIME.format(reset) + " UTC"), reset);
        }
        if (status >= 500 || status == 408) {
            return new PlatformError(Kind.TRANSIENT, status, "The Mastodon server had a problem while " + doing
                    + " (HTTP " + status + ")" + (said == null ? "" : ": " + said), null);
        }
        if (status == 401) {
            return new PlatformError(Kind.AUTH_EXPIRED, status, "Mastodon no longer accepts the access token"
                    + (said == null ? "" : " (" + said + ")"), null);
        }
        return new PlatformError(Kind.PERMANENT, status, said != null ? said
                : "Mastodon refused " + doing + " (HTTP " + status + ")", null);
    }

    /** Mastodon's own words: {@code error_description} where OAuth gives one, else {@code error}. */
    static String said(ApiResponse response) {
        return ApiResponse.shorten(response.firstText("/error_description", "/error"));
    }

    /** A field Mastodon must send; its absence is a PERMANENT error rather than a NullPointerException later. */
    static String required(JsonNode node, String field, String doing) {
        JsonNode value = node.path(field);
        if (!value.isTextual() && !value.isNumber() || value.asText().isBlank()) {
            throw new PlatformError(Kind.PERMANENT, 0, "The Mastodon server's answer while " + doing + " had no " + field, null);
        }
        return value.asText();
    }

    /** Mastodon sends the reset as ISO-8601 (platforms.md §13 says forks may differ): epoch seconds are read too. */
    static Instant reset(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return value.matches("\\d{1,12}") ? Instant.ofEpochSecond(Long.parseLong(value)) : null;
        }
    }
}
