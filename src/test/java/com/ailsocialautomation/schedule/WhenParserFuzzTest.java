package com.ailsocialautomation.schedule;

import com.ailsocialautomation.testing.PerInputTimeLimit;
import com.ailsocialautomation.UserError;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any text after at: (or in:, or /ail timezone) gives an instant within [now - grace, now + a year] or a one-line
 * UserError; nothing else escapes. `mvn test` replays the seeds in WhenParserFuzzTestInputs; JAZZER_FUZZ=1 fuzzes.
 */
class WhenParserFuzzTest {
    // Zones with odd offsets, DST rules and a skipped day (Apia 2011), to shake out date arithmetic.
    private static final List<ZoneId> ZONES = List.of("UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
            "Asia/Kathmandu", "Pacific/Apia", "America/St_Johns", "Pacific/Chatham", "Antarctica/Troll",
            "Pacific/Kiritimati", "America/Sao_Paulo").stream().map(ZoneId::of).toList();
    // Fixed moments near DST changes, a leap day and a year's end.
    private static final List<Instant> NOWS = List.of("2026-03-29T00:59:30Z", "2026-10-25T00:30:00Z",
            "2026-03-08T06:59:00Z", "2028-02-29T23:30:00Z", "2026-12-31T23:59:59Z", "2011-12-29T09:00:00Z")
            .stream().map(Instant::parse).toList();

    @FuzzTest(maxDuration = "30s")
    @PerInputTimeLimit
    @DictionaryEntries({"now", "in ", "today", "tomorrow", "next ", "fri", "monday", "at ", "am", "pm", "noon",
            "2026-03-29", "T", "Z", "+01:00", ":30", "h", "m", "d", "w", "min", "hours", " "})
    void anyTimeIsWithinBoundsOrGivesOneLineUserError(FuzzedDataProvider data) {
        ZoneId zone = data.pickValue(ZONES);
        Instant now = data.pickValue(NOWS);
        int form = data.consumeInt(0, 2);
        String input = data.consumeRemainingAsString();
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        try {
            if (form == 2) {
                assertTrue(Zones.parse(input).getId().equalsIgnoreCase(input.strip()));
                return;
            }
            Instant when = form == 0 ? WhenParser.parse(input, zone, clock) : WhenParser.in(input, zone, clock);
            assertFalse(when.isBefore(now.minus(WhenParser.GRACE)), input);
            assertFalse(when.isAfter(now.plus(Durations.MAX)), input);
        } catch (UserError e) {
            String message = e.getMessage();
            assertTrue(message != null && !message.isBlank() && message.length() < 1000);
            message.chars().forEach(c -> assertFalse(c == '\n' || c == '\r'
                    || Character.getType(c) == Character.CONTROL
                    || Character.getType(c) == Character.LINE_SEPARATOR, message));
        }
    }
}
