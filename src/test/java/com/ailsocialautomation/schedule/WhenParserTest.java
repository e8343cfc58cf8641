package com.ailsocialautomation.schedule;

import com.ailsocialautomation.UserError;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WhenParserTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    // Wednesday 25 March 2026, 11:00 in Berlin (CET, +01:00); Berlin springs forward on Sunday 29 March.
    private static final Instant NOW = Instant.parse("2026-03-25T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static Instant inBerlin(String input) {
        return WhenParser.parse(input, BERLIN, CLOCK);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static String error(String input, ZoneId zone, Clock clock) {
        String message = assertThrows(UserError.class, () -> WhenParser.parse(input, zone, clock)).getMessage();
        assertFalse(message.contains("\n"), message);
        return message;
    }

    @Test
    void isoWithAnOffsetOrZIsExact() {
        assertEquals(at("2026-12-01T08:00:00Z"), inBerlin("2026-12-01T09:00+01:00"));
        assertEquals(at("2026-12-01T09:00:00Z"), inBerlin("2026-12-01T09:00Z"));
        assertEquals(at("2026-12-01T09:00:00Z"), inBerlin("2026-12-01t09:00:00.000z"));
        assertEquals(at("2026-12-01T14:00:00Z"), inBerlin("2026-12-01 09:00 -0500"));
        assertEquals(at("2026-12-01T09:00:00Z"), inBerlin("2026-12-01 09:00 UTC"));
    }

    @Test
    void isoWithoutAnOffsetIsReadInTheUsersZone() {
        assertEquals(at("2026-12-01T08:00:00Z"), inBerlin("2026-12-01T09:00"));
        assertEquals(at("2026-12-01T08:00:00Z"), inBerlin("2026-12-01 09:00"));
        assertEquals(at("2026-12-01T14:00:00Z"), WhenParser.parse("2026-12-01 09:00", NEW_YORK, CLOCK));
        assertEquals(at("2026-12-01T08:00:00Z"), inBerlin("2026-12-01 9am"));
    }

    @Test
    void durationsCountFromNow() {
        assertEquals(NOW.plusSeconds(9000), inBerlin("2h30m"));
        assertEquals(NOW.plusSeconds(45 * 60), inBerlin("45m"));
        assertEquals(NOW.plusSeconds(3), inBerlin("3s"));
        assertEquals(NOW.plusSeconds(26 * 3600), inBerlin("1d2h"));
        assertEquals(NOW.plusSeconds(9000), inBerlin("in 2h30m"));
        assertEquals(NOW.plusSeconds(9000), inBerlin("in 2 hours 30 minutes"));
        assertEquals(NOW.plusSeconds(9000), WhenParser.in("2h30m", BERLIN, CLOCK));
    }

    @Test
    void nowIsNow() {
        assertEquals(NOW, inBerlin("now"));
        assertEquals(NOW, inBerlin(" NOW "));
    }

    @Test
    void todayAndTomorrowUseTheUsersWallClock() {
        assertEquals(at("2026-03-25T16:00:00Z"), inBerlin("today 17:00"));
        assertEquals(at("2026-03-26T08:00:00Z"), inBerlin("tomorrow 09:00"));
        assertEquals(at("2026-03-26T08:00:00Z"), inBerlin("Tomorrow at 9AM"));
        assertEquals(at("2026-03-26T08:00:00Z"), inBerlin("9 am tomorrow"));
        assertEquals(at("2026-03-26T13:00:00Z"), WhenParser.parse("tomorrow 09:00", NEW_YORK, CLOCK));
    }

    @Test
    void aWeekdayIsItsNextOccurrenceStrictlyInTheFuture() {
        assertEquals(at("2026-03-27T08:30:00Z"), inBerlin("fri 9:30"));
        assertEquals(at("2026-03-27T08:30:00Z"), inBerlin("next Friday 9:30am"));
        // Monday is after the change to summer time: 14:00 CEST.
        assertEquals(at("2026-03-30T12:00:00Z"), inBerlin("monday 14:00"));
        assertEquals(at("2026-03-25T11:00:00Z"), inBerlin("wednesday 12:00"), "today, still ahead");
        assertEquals(at("2026-04-01T08:00:00Z"), inBerlin("wed 10:00"), "today has passed: next week");
        assertEquals(at("2026-04-01T09:00:00Z"), inBerlin("wed 11:00"), "exactly now is not strictly future");
    }

    @Test
    void aBareTimeIsItsNextOccurrence() {
        assertEquals(at("2026-03-25T16:00:00Z"), inBerlin("17:00"));
        assertEquals(at("2026-03-25T16:30:00Z"), inBerlin("5:30pm"));
        assertEquals(at("2026-03-26T08:00:00Z"), inBerlin("9am"), "9am has passed today");
        assertEquals(at("2026-03-25T23:00:00Z"), inBerlin("12am"));
        assertEquals(at("2026-03-25T11:00:00Z"), inBerlin("noon"));
    }

    @Test
    void aSpringForwardGapMovesTheTimeForwardByTheGap() {
        assertEquals(at("2026-03-29T01:30:00Z"), inBerlin("2026-03-29 02:30"));
        assertEquals("Sun 29 Mar 2026 03:30 CEST (Europe/Berlin)", Times.format(inBerlin("2026-03-29 02:30"), BERLIN));
        Clock dayBefore = Clock.fixed(at("2026-03-28T10:00:00Z"), ZoneOffset.UTC);
        assertEquals(at("2026-03-29T01:30:00Z"), WhenParser.parse("tomorrow 02:30", BERLIN, dayBefore));
        Clock march = Clock.fixed(at("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
        assertEquals(at("2026-03-08T07:30:00Z"), WhenParser.parse("2026-03-08 02:30", NEW_YORK, march));
        assertEquals("Sun 8 Mar 2026 03:30 EDT (America/New_York)",
                Times.format(WhenParser.parse("sun 2:30am", NEW_YORK, march), NEW_YORK));
    }

    @Test
    void anAutumnOverlapTakesTheFirstOccurrence() {
        Clock october = Clock.fixed(at("2026-10-20T12:00:00Z"), ZoneOffset.UTC);
        assertEquals(at("2026-10-25T00:30:00Z"), WhenParser.parse("2026-10-25 02:30", BERLIN, october));
        assertEquals("Sun 25 Oct 2026 02:30 CEST (Europe/Berlin)",
                Times.format(WhenParser.parse("sunday 02:30", BERLIN, october), BERLIN));
        assertEquals(at("2026-11-01T05:30:00Z"), WhenParser.parse("2026-11-01 01:30", NEW_YORK, october));
        assertEquals("Sun 1 Nov 2026 01:30 EDT (America/New_York)",
                Times.format(WhenParser.parse("2026-11-01 01:30", NEW_YORK, october), NEW_YORK));
    }

    @Test
    void aTimeInThePastIsRefusedAndShownInTheUsersZone() {
        assertEquals("That time has passed: Wed 25 Mar 2026 09:00 CET (Europe/Berlin). "
                + "Give a later one, e.g. at:\"tomorrow 09:00\" or in:2h.", error("today 09:00", BERLIN, CLOCK));
        assertTrue(error("2026-01-01T09:00Z", NEW_YORK, CLOCK).contains("Thu 1 Jan 2026 04:00 EST (America/New_York)"));
    }

    @Test
    void aMomentAgoStillCountsAsNow() {
        assertEquals(at("2026-03-25T09:59:30Z"), inBerlin("2026-03-25T09:59:30Z"));
        assertTrue(error("2026-03-25T09:58:59Z", BERLIN, CLOCK).startsWith("That time has passed"));
    }

    @Test
    void moreThanAYearAheadIsRefused() {
        assertEquals("That is too far ahead: Wed 1 Dec 2027 09:00 CET (Europe/Berlin). AIL schedules up to a year ahead.",
                error("2027-12-01 09:00", BERLIN, CLOCK));
        assertEquals("'400d' is too far ahead: AIL schedules up to a year ahead.", error("400d", BERLIN, CLOCK));
        assertTrue(error("in 999999999w", BERLIN, CLOCK).contains("too far ahead"));
        assertTrue(error("9999999999h", BERLIN, CLOCK).startsWith("I can't read"));
    }

    @Test
    void unreadableTimesSayWhatWorks() {
        assertEquals("I can't read 'tomorow 9' as a time. Try at:\"tomorrow 09:00\", at:\"fri 9:30\", "
                + "at:\"dec 24 9am\" or in:2h30m.", error("tomorow 9", BERLIN, CLOCK));
        assertEquals("Add a time of day to 'tomorrow', e.g. at:\"tomorrow 09:00\".", error("tomorrow", BERLIN, CLOCK));
        assertTrue(error("25:00", BERLIN, CLOCK).startsWith("'25:00' is not a time of day"));
        assertTrue(error("13pm", BERLIN, CLOCK).startsWith("'13pm' is not a time of day"));
        assertTrue(error("2026-02-30 09:00", BERLIN, CLOCK).startsWith("'2026-02-30' is not a real date"));
        assertTrue(error("2026-02-30T09:00+01:00", BERLIN, CLOCK).contains("is not a real date and time"));
        assertTrue(error("", BERLIN, CLOCK).startsWith("Missing time."));
        assertTrue(error("x".repeat(500), BERLIN, CLOCK).startsWith("That time is too long to read."));
        assertTrue(error("tomorrow\n\n09:00 extra", BERLIN, CLOCK).startsWith("I can't read 'tomorrow 09:00 extra'"));
    }

    @Test
    void datePickerValuesGetTheSameRules() {
        assertEquals(at("2026-03-29T01:30:00Z"), WhenParser.at(LocalDateTime.parse("2026-03-29T02:30"), BERLIN, CLOCK));
        assertThrows(UserError.class, () -> WhenParser.at(LocalDateTime.parse("2026-03-24T09:00"), BERLIN, CLOCK));
    }
}
