package com.ailsocialautomation.platform;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** HTTP's Retry-After header (RFC 9110): a number of seconds, or an HTTP date. */
public final class RetryAfter {
    private RetryAfter() {}

    /** When to try again, counted from {@code now}; null when the header is absent or unreadable. */
    public static Instant at(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.matches("\\d{1,12}")) {
            return now.plusSeconds(Long.parseLong(value));
        }
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
