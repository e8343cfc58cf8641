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

    @Test
    void commandsArrivingAtOnceNeverGetMoreThanTheBurst() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-03-02T10:00:00Z"));
        Throttle throttle = new Throttle(30, 300, clock); // a burst of 10 per person
        Invocation ana = person("T-RACE", "U-ANA");
        java.util.concurrent.atomic.AtomicInteger passed = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < 50; i++) {
                        try {
                            throttle.take(ana);
                            passed.incrementAndGet();
                        } catch (com.ailsocialautomation.UserError slowDown) {
                            // refused, as most must be
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(10, passed.get(), "400 commands at the same instant from one person");
        clock.advance(Duration.ofSeconds(2));
        throttle.take(ana); // one token refilled
        assertTrue(assertThrowsSlowDown(throttle, ana).startsWith("Slow down: you have"));
    }

    @Test
    void aCommandTheWorkspaceRefusesCostsThePersonNothing() {
        TestClock clock = new TestClock(Instant.parse("2026-03-02T10:00:00Z"));
        Throttle throttle = new Throttle(30, 6, clock); // a person's burst 10, the workspace's 2
        Invocation ana = person("T-SMALL", "U-ANA");
        throttle.take(ana);
        throttle.take(person("T-SMALL", "U-BOB"));
        for (int i = 0; i < 20; i++) {
            assertTrue(assertThrowsSlowDown(throttle, ana).startsWith("Slow down: this workspace has"));
        }
        // one workspace token back after 10 s; had the 20 refused commands cost Ana hers, she would wait 14 s more
        clock.advance(Duration.ofSeconds(10));
        throttle.take(ana);
        assertEquals("Slow down: this workspace has sent many commands in a short time; try again in 10 s.",
                assertThrowsSlowDown(throttle, ana));
    }

    private static String assertThrowsSlowDown(Throttle throttle, Invocation who) {
        return org.junit.jupiter.api.Assertions.assertThrows(com.ailsocialautomation.UserError.class, () -> throttle.take(who)).getMessage();
    }
}
