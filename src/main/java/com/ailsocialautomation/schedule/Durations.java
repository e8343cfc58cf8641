package com.ailsocialautomation.schedule;

import com.ailsocialautomation.UserError;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type them after {@code in:}: {@code 2h30m}, {@code 45m}, {@code 3s}, {@code 1d2h},
 * also {@code 1w}, {@code 90 min} or {@code 2 hours 30 minutes}.
 */
public final class Durations {
    /** The furthest ahead AIL schedules; longer durations are refused rather than overflowing. */
    public static final Duration MAX = Duration.ofDays(366);

    // Nine digits per number and the MAX check after each part keep the sum far from overflowing a long.
    private static final Pattern PART = Pattern.compile(
            "\\G\\s*(\\d{1,9})\\s*(weeks?|w|days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)(?![a-z])");

    private Durations() {}

    /** The duration, or a UserError that shows how to write one. */
    public static Duration parse(String input) {
        return read(input).orElseThrow(() -> new UserError("'" + Echo.of(input)
                + "' is not a duration: write it like 2h30m, 45m, 3s or 1d2h."));
    }

    /** Empty when the input is not written as a duration at all; a UserError when it is one but too long. */
    static Optional<Duration> read(String input) {
        String s = input == null ? "" : input.strip().toLowerCase(Locale.ROOT);
        Matcher m = PART.matcher(s);
        long seconds = 0;
        int end = 0;
        while (end < s.length() && m.find()) {
            seconds += Long.parseLong(m.group(1)) * unitSeconds(m.group(2));
            if (seconds > MAX.getSeconds()) {
                throw new UserError("'" + Echo.of(input) + "' is too far ahead: AIL schedules up to a year ahead.");
            }
            end = m.end();
        }
        return end == 0 || end != s.length() ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    }

    private static long unitSeconds(String unit) {
        return switch (unit.charAt(0)) {
            case 'w' -> 7 * 86_400L;
            case 'd' -> 86_400L;
            case 'h' -> 3_600L;
            case 'm' -> 60L;
            default -> 1L;
        };
    }
}
