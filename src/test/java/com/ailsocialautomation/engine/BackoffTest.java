package com.ailsocialautomation.engine;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a failed post is tried again: later each time, never later than the cap, never before the platform allows. */
class BackoffTest {
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    /** The shortest and longest waits seen over many draws: the jitter is random, its bounds are not. */
    private static Duration[] range(int attempt) {
        Duration min = null;
        Duration max = null;
        for (int i = 0; i < 2_000; i++) {
            Duration wait = Duration.between(NOW, Backoff.DEFAULT.next(NOW, attempt, null));
            min = min == null || wait.compareTo(min) < 0 ? wait : min;
            max = max == null || wait.compareTo(max) > 0 ? wait : max;
        }
        return new Duration[] {min, max};
    }

    @Test
    void eachRetryWaitsTwiceAsLongWithinTheUpperHalfOfItsStep() {
        // the default base is 5 s: attempt n waits between 5 s × 2^(n-1) / 2 and 5 s × 2^(n-1)
        for (int attempt = 1; attempt <= 5; attempt++) {
            long step = 5_000L << (attempt - 1);
            Duration[] range = range(attempt);
            assertTrue(range[0].toMillis() >= step / 2, "attempt " + attempt + " waited only " + range[0]);
            assertTrue(range[1].toMillis() <= step, "attempt " + attempt + " waited " + range[1]);
            assertTrue(range[1].toMillis() - range[0].toMillis() > step / 4, "attempt " + attempt + " is not jittered: " + range[0] + ".." + range[1]);
        }
    }

    @Test
    void noRetryWaitsLongerThanFifteenMinutesHoweverManyAttemptsFailed() {
        for (int attempt : new int[] {9, 10, 30, 64, Integer.MAX_VALUE}) {
            Duration[] range = range(attempt);
            assertTrue(range[1].compareTo(Duration.ofMinutes(15)) <= 0, "attempt " + attempt + " waited " + range[1]);
            assertTrue(range[0].compareTo(Duration.ofMinutes(7).plusSeconds(30)) >= 0, "attempt " + attempt + " waited only " + range[0]);
        }
        Duration[] first = range(0);
        assertTrue(first[1].compareTo(Duration.ofSeconds(5)) <= 0 && first[0].compareTo(Duration.ofMillis(2_500)) >= 0,
                "an attempt count of 0 is treated as the first: " + first[0] + ".." + first[1]);
    }

    @Test
    void thePlatformsResetTimeWinsWhenItIsLaterAndOnlyThen() {
        Instant reset = NOW.plus(Duration.ofHours(1));
        assertEquals(reset, Backoff.DEFAULT.next(NOW, 1, reset), "a retry before the platform's reset is refused again");
        Instant early = NOW.plusMillis(1);
        Instant next = Backoff.DEFAULT.next(NOW, 3, early);
        assertTrue(next.isAfter(NOW.plusSeconds(9)), "a reset that is already near does not shorten our own wait: " + next);
    }
}
