package com.ailsocialautomation.command;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.TestClock;
import com.ailsocialautomation.testing.Units;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Commands per person and per workspace, through the real command layer with its default rates. */
class ThrottleTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();

    private static Invocation person(String workspace, String user) {
        return new Invocation(FrontEnd.SLACK, workspace, user, user, false, ZoneOffset.UTC, null);
    }

    private static boolean slowedDown(CommandService commands, Invocation who, String line) {
        return commands.run(who, line).toPlainText().startsWith("Slow down");
    }

    @Test
    void aBurstOfTenPassesThenThePersonIsToldWhenToTryAgain() {
        TestClock clock = new TestClock(Instant.parse("2026-03-02T10:00:00Z"));
        CommandService commands = Units.over(pg).clock(clock).env("AIL_COMMANDS_PER_MINUTE_USER", "30")
                .env("AIL_COMMANDS_PER_MINUTE_WORKSPACE", "300").build().commandLayer.commands;
        Invocation ana = person("T-BURST", "U-ANA");
        for (int i = 0; i < 10; i++) {
            assertFalse(slowedDown(commands, ana, i % 2 == 0 ? "help" : "list"), "command " + (i + 1) + " of a burst");
        }
        String refused = commands.run(ana, "help").toPlainText();
        assertEquals("Slow down: you have sent many commands in a short time; try again in 2 s.", refused);
        assertTrue(commands.press(ana, "cancel:p7k2q").toPlainText().startsWith("Slow down"), "buttons count too");
        assertFalse(slowedDown(commands, person("T-BURST", "U-BOB"), "help"), "others in the workspace go on");
        clock.advance(Duration.ofSeconds(2));
        assertFalse(slowedDown(commands, ana, "help"), "a token refills every 2 s");
        assertTrue(slowedDown(commands, ana, "help"));
    }

    @Test
    void aWorkspaceHasItsOwnBucketAcrossItsPeople() {
        TestClock clock = new TestClock(Instant.parse("2026-03-02T10:00:00Z"));
        CommandService commands = Units.over(pg).clock(clock).env("AIL_COMMANDS_PER_MINUTE_USER", "30")
                .env("AIL_COMMANDS_PER_MINUTE_WORKSPACE", "30").build().commandLayer.commands;
        for (int i = 0; i < 10; i++) {
            assertFalse(slowedDown(commands, person("T-BUSY", "U-" + i), "help"));
        }
        String refused = commands.run(person("T-BUSY", "U-NEW"), "help").toPlainText();
        assertTrue(refused.startsWith("Slow down: this workspace has sent many commands"), refused);
        assertFalse(slowedDown(commands, person("T-CALM", "U-0"), "help"), "another workspace is not slowed");
        Invocation console = new Invocation(FrontEnd.CONSOLE, "console", "local", "local", true, ZoneOffset.UTC, null);
        for (int i = 0; i < 40; i++) {
            assertFalse(slowedDown(commands, console, "help"), "a script on the console is never slowed");
        }
    }
}
