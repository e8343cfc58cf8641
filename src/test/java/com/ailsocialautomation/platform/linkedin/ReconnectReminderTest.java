package com.ailsocialautomation.platform.linkedin;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReconnectReminderTest {
    private static final Instant EXPIRES = Instant.parse("2025-05-10T08:00:00Z");

    @Test
    void theReminderIsNotDueEightDaysAhead() {
        assertFalse(ReconnectReminder.due(EXPIRES, EXPIRES.minus(Duration.ofDays(8))));
    }

    @Test
    void theReminderIsDueExactlySevenDaysAheadAndAfter() {
        assertTrue(ReconnectReminder.due(EXPIRES, EXPIRES.minus(Duration.ofDays(7))));
        assertTrue(ReconnectReminder.due(EXPIRES, EXPIRES.minus(Duration.ofDays(1))));
        assertTrue(ReconnectReminder.due(EXPIRES, EXPIRES.plus(Duration.ofDays(3))));
    }

    @Test
    void aTokenWithoutExpiryNeedsNoReminder() {
        assertFalse(ReconnectReminder.due(null, EXPIRES));
    }

    @Test
    void theMessageNamesTheDateTheDaysLeftAndWhatToRun() {
        assertEquals("The LinkedIn connection for Ada Lovelace expires on 10 May 2025 (in 6 days); LinkedIn makes members sign in again"
                        + " every 60 days. Run /ail connect linkedin before then so scheduled posts keep going out.",
                ReconnectReminder.message("Ada Lovelace", EXPIRES, EXPIRES.minus(Duration.ofDays(6)).minus(Duration.ofHours(2))));
        assertEquals("Your LinkedIn connection expired on 10 May 2025. Run /ail connect linkedin to connect it again.",
                ReconnectReminder.message(null, EXPIRES, EXPIRES.plusSeconds(1)));
    }
}
