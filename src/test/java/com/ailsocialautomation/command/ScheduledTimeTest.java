package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScheduledTimeTest {
    private static final Instant NOW = Instant.parse("2026-03-25T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void atIsReadInTheUsersZone() {
        ParsedCommand c = CommandParser.parse("schedule at:\"tomorrow 09:00\" Good morning");
        assertEquals(Instant.parse("2026-03-26T08:00:00Z"), ScheduledTime.of(c, BERLIN, CLOCK));
    }

    @Test
    void inCountsFromNow() {
        ParsedCommand c = CommandParser.parse("reschedule p7k2q in:2h30m");
        assertEquals(NOW.plusSeconds(9000), ScheduledTime.of(c, BERLIN, CLOCK));
    }

    @Test
    void aPostWithoutATimeIsForNow() {
        assertNull(ScheduledTime.of(CommandParser.parse("post Hello"), BERLIN, CLOCK));
    }

    @Test
    void aPastTimeIsRefusedInTheUsersZone() {
        ParsedCommand c = CommandParser.parse("schedule at:\"today 09:00\" Hi");
        String message = assertThrows(UserError.class, () -> ScheduledTime.of(c, BERLIN, CLOCK)).getMessage();
        assertTrue(message.startsWith("That time has passed: Wed 25 Mar 2026 09:00 CET (Europe/Berlin)."), message);
    }
}
