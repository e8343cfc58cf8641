package com.ailsocialautomation.discord;

import com.ailsocialautomation.command.ParsedCommand;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComponentIdsTest {
    private Instant now = Instant.parse("2026-03-02T10:00:00Z");
    private final ComponentIds ids = new ComponentIds(new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void aShortActionTravelsInsideTheButtonSoItWorksAfterARestart() {
        String id = ids.button("dm:100000000000000001", "100000000000000001", "retry:p7k2q");
        assertTrue(id.length() <= 100);
        assertEquals(new ComponentIds.Pressed("dm:100000000000000001", "100000000000000001", "retry:p7k2q", null),
                new ComponentIds(Clock.systemUTC()).button(id).orElseThrow());
    }

    @Test
    void aLongActionIsKeptForAnHour() {
        String action = "confirm-forget-me:" + "k".repeat(90);
        String id = ids.button("900000000000000001", "100000000000000001", action);
        assertTrue(id.length() <= 100, id);
        assertEquals(action, ids.button(id).orElseThrow().actionId());
        now = now.plus(Duration.ofMinutes(61));
        assertTrue(ids.button(id).isEmpty());
    }

    @Test
    void aModalIsNotAButtonAndUnknownIdsFindNothing() {
        String modal = ids.modal(new ComponentIds.Pending("g", "u", new ParsedCommand("post", List.of(), Map.of(), ""), null));
        assertTrue(ids.button(modal).isEmpty());
        assertTrue(ids.modal("m|nope").isEmpty());
        assertTrue(ids.button("something else").isEmpty());
        assertEquals("post", ids.modal(modal).orElseThrow().partial().name());
    }
}
