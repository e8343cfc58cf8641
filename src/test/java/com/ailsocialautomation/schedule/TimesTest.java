package com.ailsocialautomation.schedule;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TimesTest {

    @Test
    void aTimeIsShownWithWeekdayDateShortZoneAndZoneName() {
        Instant t = Instant.parse("2026-12-01T08:00:00Z");
        assertEquals("Tue 1 Dec 2026 09:00 CET (Europe/Berlin)", Times.format(t, ZoneId.of("Europe/Berlin")));
        assertEquals("Tue 1 Dec 2026 03:00 EST (America/New_York)", Times.format(t, ZoneId.of("America/New_York")));
        assertEquals("Wed 1 Jul 2026 04:00 EDT (America/New_York)",
                Times.format(Instant.parse("2026-07-01T08:00:00Z"), ZoneId.of("America/New_York")));
    }

    @Test
    void utcIsNotNamedTwice() {
        assertEquals("Tue 1 Dec 2026 08:00 UTC", Times.format(Instant.parse("2026-12-01T08:00:00Z"), ZoneId.of("UTC")));
    }

    @Test
    void durationsAreReadInShortAndLongForms() {
        assertEquals(Duration.ofMinutes(150), Durations.parse("2h30m"));
        assertEquals(Duration.ofHours(26), Durations.parse("1d2h"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("90 min"));
        assertEquals(Duration.ofMinutes(150), Durations.parse("2 Hours 30 minutes"));
        assertEquals(Duration.ofDays(7), Durations.parse("1w"));
        assertEquals(Duration.ZERO, Durations.parse("0m"));
    }

    @Test
    void aBadDurationSaysHowToWriteOne() {
        assertEquals("'2x' is not a duration: write it like 2h30m, 45m, 3s or 1d2h.",
                assertThrows(com.ailsocialautomation.UserError.class, () -> Durations.parse("2x")).getMessage());
        assertThrows(com.ailsocialautomation.UserError.class, () -> Durations.parse("2h30"));
        assertThrows(com.ailsocialautomation.UserError.class, () -> Durations.parse("1mo"));
        assertEquals("'367d' is too far ahead: AIL schedules up to a year ahead.",
                assertThrows(com.ailsocialautomation.UserError.class, () -> Durations.parse("367d")).getMessage());
    }

    @Test
    void echoKeepsErrorsOnOneShortLine() {
        assertEquals("a b c", Echo.of("a\n\tb\u2028c"));
        assertEquals("evil", Echo.of("\u202Eevil\u0000"));
        assertEquals("x".repeat(40) + "…", Echo.of("x".repeat(41)));
    }
}
