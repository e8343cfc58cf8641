package com.ailsocialautomation.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * Dates shown in help and error examples, computed from today so an example never suggests a time that has
 * passed: next Monday in the reader's zone. Texts written once mark the spot with {@link #MARK}.
 */
public final class ExampleDate {
    /** Stands for the example date in help texts declared once (Commands). */
    public static final String MARK = "{date}";

    private ExampleDate() {}

    /** Next Monday's date (ISO), strictly after today in {@code zone}. */
    public static String next(Instant now, ZoneId zone) {
        return LocalDate.ofInstant(now, zone).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).toString();
    }

    /** {@code text} with each {@link #MARK} replaced by {@link #next}. */
    public static String fill(String text, Instant now, ZoneId zone) {
        return text.replace(MARK, next(now, zone));
    }
}
