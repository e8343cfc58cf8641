package com.ailsocialautomation.platform.bluesky;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.platform.ApiResponse;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.RetryAfter;
import com.ailsocialautomation.platform.PlatformError.Kind;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Reads a PDS's XRPC answers. Errors are {@code {"error": "<Name>", "message": "..."}}; clients match on the name,
 * not the HTTP status: {@code ExpiredToken} comes as 400 from some PDS versions and 401 from others.
 */
final class BlueskyAnswers {
    private static final int MAX_MESSAGE = 300;
    // draft-polli's RateLimit-Reset is seconds from now; Bluesky's PDS sends epoch seconds. Tell them apart by size.
    private static final long EPOCH_SECONDS_FROM = 1_000_000_000L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final Clock clock;

    BlueskyAnswers(Clock clock) {
        this.clock = clock;
    }

    /** The JSON of a successful answer; anything else becomes a PlatformError of the right kind. */
    JsonNode read(ApiResponse response, String doing) {
        if (!response.ok()) {
            throw refusal(response, doing);
        }
        return response.json("Bluesky");
    }

    /**
     * A created post's answer, {@code {uri, cid}}, its at:// URI checked. A 2xx AIL cannot read is PERMANENT and says
     * the post may be live.
     */
    JsonNode created(ApiResponse response) {
        if (!response.ok()) {
            throw refusal(response, "posting");
        }
        try {
            JsonNode created = response.json("Bluesky");
            required(created, "uri", "posting");
            return created;
        } catch (PlatformError e) {
            throw new PlatformError(Kind.PERMANENT, response.status(), "Bluesky accepted the post (HTTP " + response.status()
                    + ") but its answer had no post address; check Bluesky before retrying", null);
        }
    }

    PlatformError refusal(ApiResponse response, String doing) {
        int status = response.status();
        String error = field(response, "error");
        String said = said(response);
        String detail = said == null ? "" : ": " + said;
        if ("ExpiredToken".equals(error)) {
            return new PlatformError(Kind.AUTH_EXPIRED, status, "Bluesky's session token has expired", null);
        }
        if (status == 429) {
            Instant reset = resetAt(response);
            return new PlatformError(Kind.RATE_LIMITED, status, "Bluesky's rate limit for " + doing + " is used up"
                    + (reset == null ? "; AIL will try again later" : " until " + time(reset)), reset);
        }
        if (status >= 500 || status == 408) {
            return new PlatformError(Kind.TRANSIENT, status, "Bluesky had a problem while " + doing + " (HTTP " + status + ")" + detail, null);
        }
        if (status == 401 || "InvalidToken".equals(error) || "AuthMissing".equals(error)) {
            return new PlatformError(Kind.AUTH_EXPIRED, status, "Bluesky no longer accepts the session" + detail, null);
        }
        return new PlatformError(Kind.PERMANENT, status, said != null ? said : "Bluesky refused " + doing + " (HTTP " + status + ")", null);
    }

    /** When a 429's limit resets: RateLimit-Reset, else Retry-After (seconds), else null. */
    Instant resetAt(ApiResponse response) {
        Long reset = number(response.header("RateLimit-Reset"));
        if (reset != null) {
            return reset >= EPOCH_SECONDS_FROM ? Instant.ofEpochSecond(reset) : clock.instant().plusSeconds(reset);
        }
        return RetryAfter.at(response.header("Retry-After"), clock.instant());
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** The error's name, such as ExpiredToken or AuthFactorTokenRequired, or null. */
    static String field(ApiResponse response, String name) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(response.body() == null ? new byte[0] : response.body());
        } catch (IOException e) {
            return null;
        }
        JsonNode value = body == null ? null : body.path(name);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
    }

    /** Bluesky's own words: the message, else the error's name; cut to a readable length. */
    static String said(ApiResponse response) {
        String message = field(response, "message");
        String text = message != null ? message : field(response, "error");
        if (text == null) {
            return null;
        }
        text = text.replaceAll("\\s+", " ");
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
    }

    /** A field the PDS must send; without it the answer is PERMANENT rather than a NullPointerException later. */
    static String required(JsonNode node, String field, String doing) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new PlatformError(Kind.PERMANENT, 0, "Bluesky's answer while " + doing + " had no " + field, null);
        }
        return value.asText();
    }

    private static Long number(String header) {
        if (header == null || !header.strip().matches("\\d{1,12}")) {
            return null;
        }
        return Long.parseLong(header.strip());
    }
}
