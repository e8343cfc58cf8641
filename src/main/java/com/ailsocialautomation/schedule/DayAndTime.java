package com.ailsocialautomation.schedule;

import com.ailsocialautomation.UserError;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * "[day] [at] time" in the user's zone, where day is today, tomorrow, a weekday (full or three letters, also
 * "next friday") or an ISO date, and the words may come in either order ("9am tomorrow").
 * Input is already normalised: lower case, single spaces.
 */
final class DayAndTime {
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Map<String, DayOfWeek> WEEKDAYS = new HashMap<>();

    static {
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.name().toLowerCase(Locale.ROOT);
            WEEKDAYS.put(full, d);
            WEEKDAYS.put(full.substring(0, 3), d);
        }
        WEEKDAYS.put("tues", DayOfWeek.TUESDAY);
        WEEKDAYS.put("thur", DayOfWeek.THURSDAY);
        WEEKDAYS.put("thurs", DayOfWeek.THURSDAY);
    }

    private DayAndTime() {}

    /** The weekday a word names (monday, mon, tues, thurs), if it names one. */
    static Optional<DayOfWeek> weekday(String word) {
        return Optional.ofNullable(WEEKDAYS.get(word.toLowerCase(Locale.ROOT)));
    }

    static Optional<Instant> read(String normalised, ZoneId zone, Instant now) {
        return read(normalised, zone, now, LocalDate.ofInstant(now, zone));
    }

    /** {@code today}: the reader's date, which "tomorrow" or "friday" count from even when the time is another zone's. */
    static Optional<Instant> read(String normalised, ZoneId zone, Instant now, LocalDate today) {
        List<String> words = new ArrayList<>(List.of(normalised.split(" ")));
        words.removeIf(w -> w.equals("at") || w.equals("on"));
        // "next friday" means the coming Friday, the same as "friday"; the reply shows the date either way.
        for (int i = 0; i + 1 < words.size(); i++) {
            if (words.get(i).equals("next") && WEEKDAYS.containsKey(words.get(i + 1))) {
                words.remove(i);
            }
        }
        monthAndDay(words, today);
        if (words.isEmpty() || words.size() > 2) {
            return Optional.empty();
        }
        LocalTime time = null;
        String day = null;
        for (String word : words) {
            Optional<LocalTime> t = time == null ? TimeOfDay.read(word) : Optional.empty();
            if (t.isPresent()) {
                time = t.get();
            } else if (day == null && isDay(word)) {
                day = word;
            } else {
                return Optional.empty();
            }
        }
        if (time == null) {
            throw new UserError("Add a time of day to '" + Echo.of(day) + "', e.g. at:\"" + Echo.of(day) + " 09:00\".");
        }
        return Optional.of(resolve(day, time, zone, now, today));
    }

    /**
     * "dec 24", "24 dec", "december 24th" become that date's ISO form in place: its next occurrence (this year
     * unless it has passed, then next year).
     */
    private static void monthAndDay(List<String> words, LocalDate today) {
        for (int i = 0; i + 1 < words.size(); i++) {
            int month = month(words.get(i));
            int day = dayNumber(words.get(i + 1));
            if (month < 0 || day < 0) {
                month = month(words.get(i + 1));
                day = dayNumber(words.get(i));
            }
            if (month > 0 && day > 0) {
                LocalDate date;
                try {
                    date = LocalDate.of(today.getYear(), month, day);
                    if (date.isBefore(today)) {
                        date = date.plusYears(1);
                    }
                } catch (java.time.DateTimeException e) {
                    throw new UserError("'" + Echo.of(words.get(i) + " " + words.get(i + 1)) + "' is not a real date.");
                }
                words.set(i, date.toString());
                words.remove(i + 1);
                return;
            }
        }
    }

    private static int month(String word) {
        String w = word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
        if (w.length() < 3) {
            return -1;
        }
        for (java.time.Month m : java.time.Month.values()) {
            String name = m.name().toLowerCase(Locale.ROOT);
            if (name.startsWith(w) || w.equals("sept") && m == java.time.Month.SEPTEMBER) {
                return m.getValue();
            }
        }
        return -1;
    }

    private static int dayNumber(String word) {
        java.util.regex.Matcher m = Pattern.compile("(\\d{1,2})(st|nd|rd|th)?").matcher(word);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static boolean isDay(String word) {
        return word.equals("today") || word.equals("tomorrow") || WEEKDAYS.containsKey(word)
                || ISO_DATE.matcher(word).matches();
    }

    private static Instant resolve(String day, LocalTime time, ZoneId zone, Instant now, LocalDate today) {
        if (day == null) {
            // A bare time is its next occurrence: today if still ahead, otherwise tomorrow.
            return nextAfter(now, today, 1, time, zone);
        }
        if (day.equals("today")) {
            return Times.resolve(today.atTime(time), zone);
        }
        if (day.equals("tomorrow")) {
            return Times.resolve(today.plusDays(1).atTime(time), zone);
        }
        DayOfWeek weekday = WEEKDAYS.get(day);
        if (weekday != null) {
            // Strictly in the future: "monday 14:00" said on a Monday at 15:00 is next week's Monday.
            LocalDate first = today.plusDays((weekday.getValue() - today.getDayOfWeek().getValue() + 7) % 7);
            return nextAfter(now, first, 7, time, zone);
        }
        try {
            return Times.resolve(LocalDate.parse(day).atTime(time), zone);
        } catch (DateTimeParseException e) {
            throw new UserError("'" + Echo.of(day) + "' is not a real date: write it as YYYY-MM-DD, e.g. " + ExampleDate.next(now, zone) + ".");
        }
    }

    private static Instant nextAfter(Instant now, LocalDate candidate, int stepDays, LocalTime time, ZoneId zone) {
        Instant first = Times.resolve(candidate.atTime(time), zone);
        return first.isAfter(now) ? first : Times.resolve(candidate.plusDays(stepDays).atTime(time), zone);
    }
}
