package com.ailsocialautomation.schedule;

import com.ailsocialautomation.command.HelpText;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Times people type are read, and examples never suggest a date that has passed (issue 17.4). */
class NaturalTimesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    // Sunday 6 December 2026, 06:00 UTC (07:00 in Berlin)
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T06:00:00Z"), ZoneOffset.UTC);

    private static Instant read(String input) {
        return WhenParser.parse(input, BERLIN, CLOCK);
    }

    @Test
    void aMonthAndDayIsItsNextOccurrence() {
        assertEquals(Instant.parse("2026-12-24T08:00:00Z"), read("Dec 24 9am"));
        assertEquals(Instant.parse("2026-12-24T08:00:00Z"), read("24th December at 9:00"));
        assertEquals(Instant.parse("2027-03-01T08:00:00Z"), read("march 1st 9am"));
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(com.ailsocialautomation.UserError.class,
                () -> read("feb 30 9am")).getMessage().contains("not a real date"));
    }

    @Test
    void aZoneAfterTheTimeIsTheZoneItIsReadIn() {
        // tomorrow 9:00 in Los Angeles (PST, -08:00) is 17:00 UTC
        assertEquals(Instant.parse("2026-12-07T17:00:00Z"), read("tomorrow 9:00 PST"));
        assertEquals(Instant.parse("2026-12-07T09:00:00Z"), read("tomorrow 9:00 UTC"));
        assertEquals(Instant.parse("2026-12-07T14:00:00Z"), read("tomorrow 9am America/New_York"));
        assertEquals(Instant.parse("2026-12-11T08:00:00Z"), read("next friday 9:00"));
    }

    @Test
    void helpShowsNextMondaysDateNotAFixedOne() {
        assertEquals("2026-12-07", ExampleDate.next(CLOCK.instant(), BERLIN));
        String help = HelpText.of("schedule", CLOCK.instant(), BERLIN).text();
        assertTrue(help.contains("2026-12-07 09:00") && help.contains("2026-12-07T09:00+01:00"), help);
        assertFalse(help.contains(ExampleDate.MARK), help);
        String examples = String.join(" ", WhenParser.EXAMPLES);
        assertFalse(examples.matches(".*\\d{4}-\\d{2}-\\d{2}.*"), "error examples carry no fixed date: " + examples);
    }
}
