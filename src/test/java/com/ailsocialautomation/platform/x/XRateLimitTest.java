package com.ailsocialautomation.platform.x;

import com.ailsocialautomation.platform.ApiResponse;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class XRateLimitTest {
    private static final Clock NOON = Clock.fixed(Instant.parse("2025-03-03T12:00:00Z"), ZoneOffset.UTC);

    private static ApiResponse tooMany(Map<String, String> headers) {
        Map<String, List<String>> multi = new java.util.HashMap<>();
        headers.forEach((k, v) -> multi.put(k, List.of(v)));
        return new ApiResponse(429, multi, new byte[0]);
    }

    @Test
    void theMessageNamesTheResetTimeInUtcOnTheSameDay() {
        XRateLimit limit = XRateLimit.from(tooMany(Map.of("x-rate-limit-limit", "100", "x-rate-limit-remaining", "0",
                "x-rate-limit-reset", Long.toString(Instant.parse("2025-03-03T14:05:00Z").getEpochSecond()))));
        assertEquals("X's rate limit for posting is used up until 14:05 UTC (100 posts per 15 minutes)", limit.message(XCall.POSTING, NOON));
        assertEquals(Instant.parse("2025-03-03T14:05:00Z"), limit.resetAt());
    }

    @Test
    void aResetOnAnotherDayAlsoNamesTheDate() {
        XRateLimit limit = XRateLimit.from(tooMany(Map.of("x-app-limit-24hour-limit", "10000", "x-app-limit-24hour-remaining", "0",
                "x-app-limit-24hour-reset", Long.toString(Instant.parse("2025-03-04T09:30:00Z").getEpochSecond()))));
        assertEquals("X's rate limit for uploading media is used up until 09:30 UTC on 4 Mar (10000 uploads per 24 h for this server's X app)",
                limit.message(XCall.UPLOADING, NOON));
    }

    @Test
    void theLimitThatIsUsedUpDecidesEvenIfAnotherResetsLater() {
        XRateLimit limit = XRateLimit.from(tooMany(Map.of(
                "x-rate-limit-remaining", "0", "x-rate-limit-reset", "1741010700",
                "x-app-limit-24hour-remaining", "5000", "x-app-limit-24hour-reset", "1741090000")));
        assertEquals(Instant.ofEpochSecond(1741010700), limit.resetAt());
    }

    @Test
    void withoutHeadersTheMessageSaysAilWillTryLater() {
        XRateLimit limit = XRateLimit.from(tooMany(Map.of("x-rate-limit-reset", "soon")));
        assertNull(limit.resetAt());
        assertEquals("X's rate limit for posting is used up; AIL will try again later", limit.message(XCall.POSTING, NOON));
    }
}
