package com.ailsocialautomation.platform.x;

import com.ailsocialautomation.platform.ApiResponse;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The X limit that ran out, read from a 429's headers. X sends the endpoint's 15-minute window as
 * {@code x-rate-limit-*} and, on posting, the plan's daily caps as {@code x-user-limit-24hour-*} and
 * {@code x-app-limit-24hour-*}; all resets are epoch seconds. The one that is used up and resets last decides.
 *
 * @param resetAt when posting may resume, or null when X gave no reset
 * @param limit   how many X allows in the window, or null
 * @param window  the window and whose limit it is, in plain words
 */
record XRateLimit(Instant resetAt, Long limit, String window) {
    private static final List<String[]> FAMILIES = List.of(
            new String[] {"x-user-limit-24hour", "per 24 h for this account"},
            new String[] {"x-app-limit-24hour", "per 24 h for this server's X app"},
            new String[] {"x-rate-limit", "per 15 minutes"});
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    static XRateLimit from(ApiResponse response) {
        XRateLimit exhausted = null;
        XRateLimit any = null;
        for (String[] family : FAMILIES) {
            Long reset = number(response.header(family[0] + "-reset"));
            if (reset == null) {
                continue;
            }
            XRateLimit candidate = new XRateLimit(Instant.ofEpochSecond(reset), number(response.header(family[0] + "-limit")), family[1]);
            Long remaining = number(response.header(family[0] + "-remaining"));
            if (remaining != null && remaining <= 0 && (exhausted == null || candidate.resetAt.isAfter(exhausted.resetAt))) {
                exhausted = candidate;
            }
            any = any == null || candidate.resetAt.isAfter(any.resetAt) ? candidate : any;
        }
        return exhausted != null ? exhausted : any != null ? any : new XRateLimit(null, null, null);
    }

    /** For the author's DM, e.g. "X's rate limit for posting is used up until 14:05 UTC (17 posts per 24 h for this account)". */
    String message(XCall call, Clock clock) {
        if (resetAt == null) {
            return "X's rate limit for " + call.doing + " is used up; AIL will try again later";
        }
        String when = TIME.format(resetAt) + " UTC";
        if (!LocalDate.ofInstant(resetAt, ZoneOffset.UTC).equals(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) {
            when += " on " + DAY.format(resetAt);
        }
        String allowance = limit == null ? "" : " (" + limit + " " + call.unit + " " + window + ")";
        return "X's rate limit for " + call.doing + " is used up until " + when + allowance;
    }

    private static Long number(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
