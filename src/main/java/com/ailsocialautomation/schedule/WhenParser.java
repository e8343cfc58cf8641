package com.ailsocialautomation.schedule;

import com.ailsocialautomation.UserError;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the time a person gives after {@code at:} (or {@code in:}) and returns it as an Instant (UTC).
 *
 * <p>Accepted: {@code now}; ISO-8601 with an offset, Z or UTC ({@code YYYY-MM-DDT09:00+01:00}); ISO-8601 without
 * one ({@code YYYY-MM-DDT09:00}, {@code YYYY-MM-DD 09:00}), read in the user's zone; durations from now
 * ({@code 2h30m}, {@code in 2h30m}); {@code today 17:00}, {@code tomorrow 09:00}; weekdays, full or three
 * letters ({@code monday 14:00}, {@code fri 9:30}: the next such moment strictly in the future); a bare time
 * ({@code 17:00}, {@code 9am}, {@code 5:30pm}: its next occurrence).
 *
 * <p>Daylight saving: a wall-clock time that does not exist (spring forward) moves forward by the gap, so
 * 02:30 becomes 03:30 in Europe/Berlin; a time that happens twice (autumn) is the first of the two, i.e. the
 * earlier offset. See {@link Times#resolve}.
 *
 * <p>Bounds: a time more than {@link #GRACE} before now has passed and is refused, as is anything more than
 * {@link Durations#MAX} ahead. Every error is a one-line {@link UserError} that shows the time it understood.
 */
public final class WhenParser {
    /** How far in the past a time may be and still count as "now": the time it takes to type the command. */
    public static final Duration GRACE = Duration.ofSeconds(60);

    static final String EXAMPLES = "Try at:\"tomorrow 09:00\", at:\"fri 9:30\", at:\"dec 24 9am\" or in:2h30m.";
    private static final int MAX_LENGTH = 100;
    private static final Pattern WITH_OFFSET = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?) ?(z|utc|[+-]\\d{2}(?::?\\d{2})?)");

    private WhenParser() {}

    /** Any accepted form, read in {@code zone} at the time {@code clock} says it is now. */
    public static Instant parse(String input, ZoneId zone, Clock clock) {
        Instant now = clock.instant();
        return checked(read(input, zone, now), zone, now);
    }

    /** A duration from now, as given after {@code in:}. */
    public static Instant in(String duration, ZoneId zone, Clock clock) {
        Instant now = clock.instant();
        return checked(now.plus(Durations.parse(duration)), zone, now);
    }

    /** A wall-clock date and time in {@code zone}, as a date and a time picker give them. */
    public static Instant at(LocalDateTime local, ZoneId zone, Clock clock) {
        return checked(Times.resolve(local, zone), zone, clock.instant());
    }

    private static Instant read(String input, ZoneId zone, Instant now) {
        String s = normalise(input);
        if (s.isEmpty()) {
            throw new UserError("Missing time. " + EXAMPLES);
        }
        if (s.equals("now")) {
            return now;
        }
        if (s.startsWith("in ")) {
            return now.plus(Durations.parse(s.substring(3)));
        }
        Optional<Duration> duration = Durations.read(s);
        if (duration.isPresent()) {
            return now.plus(duration.get());
        }
        Matcher m = WITH_OFFSET.matcher(s);
        if (m.matches()) {
            return withOffset(m.group(1) + "T" + m.group(2) + offset(m.group(3)), input);
        }
        int space = s.lastIndexOf(' ');
        Optional<ZoneId> named = space < 0 ? Optional.empty() : Zones.afterTime(s.substring(space + 1));
        if (named.isPresent()) {
            // "tomorrow 9:00 PST": 9:00 on that zone's clocks, on the reader's tomorrow
            String rest = s.substring(0, space);
            return DayAndTime.read(rest, named.get(), now, java.time.LocalDate.ofInstant(now, zone)).orElseThrow(() ->
                    new UserError("I can't read '" + Echo.of(input) + "' as a time. " + EXAMPLES));
        }
        return DayAndTime.read(s, zone, now).orElseThrow(() ->
                new UserError("I can't read '" + Echo.of(input) + "' as a time. " + EXAMPLES));
    }

    private static String normalise(String input) {
        if (input == null) {
            return "";
        }
        if (input.length() > MAX_LENGTH) {
            throw new UserError("That time is too long to read. " + EXAMPLES);
        }
        return input.strip().toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ")
                .replaceAll("([ap])\\.m\\.?", "$1m")
                .replaceAll("(\\d) (am|pm)\\b", "$1$2")
                .replaceFirst("^(\\d{4}-\\d{2}-\\d{2})t", "$1 ");
    }

    private static String offset(String raw) {
        if (raw.equals("z") || raw.equals("utc")) {
            return "Z";
        }
        String digits = raw.substring(1).replace(":", "");
        return raw.charAt(0) + digits.substring(0, 2) + ":" + (digits.length() > 2 ? digits.substring(2) : "00");
    }

    private static Instant withOffset(String iso, String input) {
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            throw new UserError("'" + Echo.of(input) + "' is not a real date and time. " + EXAMPLES);
        }
    }

    private static Instant checked(Instant when, ZoneId zone, Instant now) {
        if (when.isBefore(now.minus(GRACE))) {
            throw new UserError("That time has passed: " + Times.format(when, zone)
                    + ". Give a later one, e.g. at:\"tomorrow 09:00\" or in:2h.");
        }
        if (when.isAfter(now.plus(Durations.MAX))) {
            throw new UserError("That is too far ahead: " + Times.format(when, zone)
                    + ". AIL schedules up to a year ahead.");
        }
        return when;
    }
}
