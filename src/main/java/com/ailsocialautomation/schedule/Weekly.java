package com.ailsocialautomation.schedule;

import com.ailsocialautomation.UserError;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Weekdays at a wall-clock time ("mon,wed,fri 09:30", "monday 9am", "weekdays 17:00", "daily 08:00"): a queue's
 * slots and a series' rhythm. Each occurrence is the time on that day's clocks in the zone it is read in, so it
 * keeps its local time across daylight saving; a time the clocks skip or repeat follows {@link Times#resolve}.
 */
public record Weekly(Set<DayOfWeek> days, LocalTime time) {
    static final String EXAMPLE = "e.g. mon,wed,fri 09:30, monday 9am, weekdays 17:00 or daily 08:00";

    public Weekly {
        days = Set.copyOf(days);
        if (days.isEmpty()) {
            throw new IllegalArgumentException("no days");
        }
    }

    /** {@code "<days> <time>"} in one string, as every:"monday 09:00" gives it. */
    public static Weekly parse(String input) {
        String s = input == null ? "" : input.strip().toLowerCase(Locale.ROOT).replaceAll("\\s*,\\s*", ",");
        String[] words = s.split("\\s+");
        if (words.length != 2) {
            throw new UserError("I can't read '" + Echo.of(input) + "' as days and a time: " + EXAMPLE + ".");
        }
        return of(words[0], words[1]);
    }

    /** Days ({@code mon,wed,fri}, {@code weekdays}, {@code daily}) and a time ({@code 09:30}, {@code 9am}). */
    public static Weekly of(String dayList, String timeWord) {
        Set<DayOfWeek> days = days(dayList);
        LocalTime time = TimeOfDay.read(timeWord == null ? "" : timeWord.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new UserError("'" + Echo.of(timeWord) + "' is not a time of day: " + EXAMPLE + "."));
        return new Weekly(days, time.withSecond(0).withNano(0));
    }

    private static Set<DayOfWeek> days(String list) {
        String s = list == null ? "" : list.strip().toLowerCase(Locale.ROOT);
        if (s.equals("daily") || s.equals("everyday")) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        if (s.equals("weekdays")) {
            return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String word : s.split(",")) {
            days.add(DayAndTime.weekday(word.strip()).orElseThrow(() -> new UserError(
                    "'" + Echo.of(word) + "' is not a weekday: " + EXAMPLE + ".")));
        }
        return days;
    }

    /** Every occurrence strictly after {@code after} and not after {@code until}, in order, read in {@code zone}. */
    public List<Instant> between(Instant after, Instant until, ZoneId zone) {
        List<Instant> out = new ArrayList<>();
        // from the day before: the zone's date of "after" may be behind the day a skipped time moves into
        for (LocalDate day = LocalDate.ofInstant(after, zone).minusDays(1); ; day = day.plusDays(1)) {
            if (days.contains(day.getDayOfWeek())) {
                Instant at = Times.resolve(day.atTime(time), zone);
                if (at.isAfter(until)) {
                    return out;
                }
                if (at.isAfter(after)) {
                    out.add(at);
                }
            } else if (Times.resolve(day.atStartOfDay(), zone).isAfter(until)) {
                return out;
            }
        }
    }

    /** The first occurrence strictly after {@code after}, read in {@code zone}. */
    public Instant next(Instant after, ZoneId zone) {
        return between(after, after.plus(java.time.Duration.ofDays(8)), zone).get(0);
    }

    /** E.g. {@code Mon, Wed, Fri 09:30}. */
    public String text() {
        String shown = days.size() == 7 ? "Daily" : days.equals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) ? "Weekdays"
                : days.stream().sorted().map(Weekly::dayName).collect(Collectors.joining(", "));
        return shown + " " + time;
    }

    public static String dayName(DayOfWeek day) {
        String name = day.name();
        return name.charAt(0) + name.substring(1, 3).toLowerCase(Locale.ROOT);
    }
}
