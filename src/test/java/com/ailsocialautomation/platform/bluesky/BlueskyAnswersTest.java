package com.ailsocialautomation.platform.bluesky;

import com.ailsocialautomation.platform.ApiResponse;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PlatformError.Kind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class BlueskyAnswersTest {
    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private final BlueskyAnswers answers = new BlueskyAnswers(Clock.fixed(NOW, ZoneOffset.UTC));

    private static ApiResponse answer(int status, String body, String... headers) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], List.of(headers[i + 1]));
        }
        return new ApiResponse(status, map, body.getBytes(StandardCharsets.UTF_8));
    }

    private PlatformError refusal(int status, String body, String... headers) {
        return answers.refusal(answer(status, body, headers), "posting");
    }

    @Test
    void expiredTokenIsRecognisedByItsNameWhateverTheStatus() {
        for (int status : new int[] {400, 401, 403}) {
            assertEquals(Kind.AUTH_EXPIRED, refusal(status, "{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}").kind());
        }
    }

    @Test
    void aMissingOrInvalidTokenAlsoAsksForARefreshThatEndsInReconnecting() {
        assertEquals(Kind.AUTH_EXPIRED, refusal(401, "{\"error\":\"AuthMissing\",\"message\":\"Authentication Required\"}").kind());
        PlatformError invalid = refusal(400, "{\"error\":\"InvalidToken\",\"message\":\"Token could not be verified\"}");
        assertEquals(Kind.AUTH_EXPIRED, invalid.kind());
        assertEquals("Bluesky no longer accepts the session: Token could not be verified", invalid.getMessage());
    }

    @Test
    void serverErrorsAndTimeoutsAreTransient() {
        PlatformError e = refusal(502, "<html>Bad Gateway</html>");
        assertEquals(Kind.TRANSIENT, e.kind());
        assertEquals("Bluesky had a problem while posting (HTTP 502)", e.getMessage());
        assertEquals(Kind.TRANSIENT, refusal(503, "{\"error\":\"NotEnoughResources\",\"message\":\"try later\"}").kind());
    }

    @Test
    void otherRefusalsArePermanentInBlueskysOwnWords() {
        PlatformError e = refusal(400, "{\"error\":\"InvalidRequest\",\"message\":\"Record/text must not be longer than 300 graphemes\"}");
        assertEquals(Kind.PERMANENT, e.kind());
        assertEquals("Record/text must not be longer than 300 graphemes", e.getMessage());
        assertEquals("Bluesky refused posting (HTTP 413)", refusal(413, "").getMessage());
        assertEquals("x".repeat(300) + "…", refusal(400, "{\"message\":\"" + "x".repeat(1000) + "\"}").getMessage(),
                "cut to a readable length");
    }

    @Test
    void aRateLimitResetsAtTheEpochSecondsBlueskySendsOrAfterTheSecondsADraftServerSends() {
        PlatformError epoch = refusal(429, "{\"error\":\"RateLimitExceeded\"}", "RateLimit-Reset", "1777640700");
        assertEquals(Kind.RATE_LIMITED, epoch.kind());
        assertEquals(Instant.ofEpochSecond(1777640700L), epoch.retryAt());
        assertEquals("Bluesky's rate limit for posting is used up until 13:05 UTC", epoch.getMessage());
        assertEquals(NOW.plusSeconds(90), refusal(429, "", "ratelimit-reset", "90").retryAt());
        assertEquals(NOW.plusSeconds(30), refusal(429, "", "Retry-After", "30").retryAt());
        PlatformError unknown = refusal(429, "");
        assertNull(unknown.retryAt());
        assertEquals("Bluesky's rate limit for posting is used up; AIL will try again later", unknown.getMessage());
    }
}
