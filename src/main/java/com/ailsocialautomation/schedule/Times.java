package com.ailsocialautomation.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How AIL turns wall-clock times into instants and back, so every reply shows a time the same way.
 */
public final class Times {
    // English on purpose: replies are in English, and the short zone name (CET, EDT) tells the reader which
    // side of a daylight-saving change the time is on.
    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm zzz", Locale.ENGLISH);

    private static final DateTimeFormatter TO_THE_SECOND = DateTimeFormatter.ofPattern("EEE d MMM HH:mm:ss", Locale.ENGLISH);

    private Times() {}

    /** E.g. {@code Tue 1 Dec 09:00:05}: attempts minutes apart, read next to a full {@link #format} of the post. */
    public static String toTheSecond(Instant instant, ZoneId zone) {
        return TO_THE_SECOND.format(instant.atZone(zone));
    }

    /** E.g. {@code Tue 1 Dec 2026 09:00 CET (Europe/Berlin)}; {@code Tue 1 Dec 2026 09:00 UTC} for UTC. */
    public static String format(Instant instant, ZoneId zone) {
        String shown = SHOWN.format(instant.atZone(zone));
        return shown.endsWith(" " + zone.getId()) ? shown : shown + " (" + zone.getId() + ")";
    }

    /**
     * The instant of a wall-clock time in a zone. A time that does not exist because the clocks jump forward
     * (02:30 on the spring-forward night in Europe/Berlin) moves forward by the length of the gap (03:30).
     * A time that happens twice because the clocks go back takes the earlier offset, i.e. the first occurrence
     * (02:30 CEST, not 02:30 CET, on the autumn night in Europe/Berlin).
     */
    public static Instant resolve(LocalDateTime local, ZoneId zone) {
        // ZonedDateTime.of implements exactly this rule: gaps shift by their length, overlaps keep the earlier offset.
        return ZonedDateTime.of(local, zone).toInstant();
    }
}
