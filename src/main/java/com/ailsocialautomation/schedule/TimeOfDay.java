package com.ailsocialautomation.schedule;

import com.ailsocialautomation.UserError;

import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A clock time in a word: 17:00, 9:30, 09:00:15, 9am, 5:30pm, noon, midnight (input already lower-cased). */
final class TimeOfDay {
    private static final Pattern H24 = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?");
    private static final Pattern H12 = Pattern.compile("(\\d{1,2})(?::(\\d{2}))?(am|pm)");

    private TimeOfDay() {}

    static Optional<LocalTime> read(String word) {
        if (word.equals("noon")) {
            return Optional.of(LocalTime.NOON);
        }
        if (word.equals("midnight")) {
            return Optional.of(LocalTime.MIDNIGHT);
        }
        Matcher m = H24.matcher(word);
        if (m.matches()) {
            int nanos = m.group(4) == null ? 0 : Integer.parseInt((m.group(4) + "00000000").substring(0, 9));
            return Optional.of(of(word, Integer.parseInt(m.group(1)), m.group(2), m.group(3), nanos));
        }
        m = H12.matcher(word);
        if (m.matches()) {
            int hour = Integer.parseInt(m.group(1));
            if (hour < 1 || hour > 12) {
                throw notATime(word);
            }
            // 12am is midnight and 12pm is noon, as on any 12-hour clock.
            int h24 = hour % 12 + (m.group(3).equals("pm") ? 12 : 0);
            return Optional.of(of(word, h24, m.group(2), null, 0));
        }
        return Optional.empty();
    }

    private static LocalTime of(String word, int hour, String minute, String second, int nanos) {
        int min = minute == null ? 0 : Integer.parseInt(minute);
        int sec = second == null ? 0 : Integer.parseInt(second);
        if (hour > 23 || min > 59 || sec > 59) {
            throw notATime(word);
        }
        return LocalTime.of(hour, min, sec, nanos);
    }

    private static UserError notATime(String word) {
        return new UserError("'" + Echo.of(word) + "' is not a time of day: use 24-hour 17:30 or 5:30pm.");
    }
}
