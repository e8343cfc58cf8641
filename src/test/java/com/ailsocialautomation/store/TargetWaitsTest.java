package com.ailsocialautomation.store;

import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A claimed target that has to wait (its turn, its media, the platform's daily allowance) goes back to scheduled
 * without using up an attempt, says why in `show`, and only from publishing: each answers whether it moved.
 */
class TargetWaitsTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static StoreWorld world;

    @BeforeAll
    static void workspace() {
        world = new StoreWorld(pg, "T-WAITS", "Waits Inc");
    }

    private static UUID due(String name, Instant when) {
        return world.posts.create(world.ws, world.ana.id(), "due", List.of(), when, null, List.of(world.hook(name))).targets().get(0).id();
    }

    private static UUID claimed(String name) {
        UUID target = due(name, Instant.now());
        assertEquals(1, world.targets.claim(world.ws, target).orElseThrow().target().attempts());
        return target;
    }

    private static Target shown(UUID target) {
        return world.targets.find(world.ws, target).orElseThrow();
    }

    private static Instant in(int seconds) {
        return Instant.now().plusSeconds(seconds).truncatedTo(ChronoUnit.MILLIS);
    }

    @Test
    void aTargetHeldForTheDailyAllowanceWaitsUntilThenWithTheReasonAndItsAttemptBack() {
        UUID target = claimed("held");
        Instant until = in(3600);
        Attempts.Line line = new Attempts.Line(Instant.now(), 40, 429, AttemptOutcome.FAILED, "daily limit");
        assertTrue(world.targets.hold(world.ws, target, until, "hook's daily allowance is used up", line));
        assertEquals(TargetState.SCHEDULED, shown(target).state());
        assertEquals(until, shown(target).dueAt());
        assertEquals("hook's daily allowance is used up", shown(target).error());
        assertEquals(0, shown(target).attempts(), "holding used up an attempt");
        assertFalse(world.targets.hold(world.ws, target, in(7200), "again", line), "a target not publishing was held");
        assertEquals(until, shown(target).dueAt());
    }

    @Test
    void waitingForMediaComesBackAtTheCheckWithoutUsingAnAttempt() {
        UUID target = claimed("media");
        Instant check = in(30);
        assertTrue(world.targets.awaitMedia(world.ws, target, check));
        assertEquals(TargetState.SCHEDULED, shown(target).state());
        assertEquals(check, shown(target).dueAt());
        assertEquals(0, shown(target).attempts(), "waiting for media used up an attempt");
        assertFalse(world.targets.awaitMedia(world.ws, target, in(60)), "a target not publishing was set to wait for media");
        assertEquals(check, shown(target).dueAt());
    }

    @Test
    void aPostBeingProcessedStaysPublishingWithoutUsingAnAttemptUntilItIsFinished() {
        UUID target = claimed("processing");
        assertTrue(world.targets.stillPublishing(world.ws, target));
        assertEquals(TargetState.PUBLISHING, shown(target).state());
        assertEquals(0, shown(target).attempts(), "asking again used up an attempt");
        world.targets.finish(world.ws, target, TargetState.FAILED, "rejected");
        assertFalse(world.targets.stillPublishing(world.ws, target), "a failed target was said to be still publishing");
    }

    @Test
    void aTurnTakenIsKeptAndAWaitForInFlightPublishesKeepsIt() {
        UUID target = claimed("turns");
        Instant turn = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS); // due again at once, to claim it again
        assertTrue(world.targets.awaitTurn(world.ws, target, turn, "waiting for its turn at hook's pace"));
        assertEquals(turn, shown(target).turnAt());
        assertEquals(turn, shown(target).dueAt());
        assertEquals("waiting for its turn at hook's pace", shown(target).error());
        assertEquals(0, shown(target).attempts());
        assertFalse(world.targets.awaitTurn(world.ws, target, in(60), "again"), "a target not publishing took a turn");

        world.targets.claim(world.ws, target).orElseThrow();
        Instant later = in(45);
        assertTrue(world.targets.waitTurn(world.ws, target, later, "waiting for its turn: 2 publishes in flight"));
        assertEquals(later, shown(target).dueAt());
        assertEquals(turn, shown(target).turnAt(), "waiting for publishes in flight dropped the turn the target holds");
        assertEquals("waiting for its turn: 2 publishes in flight", shown(target).error());
        assertEquals(0, shown(target).attempts());
        assertFalse(world.targets.waitTurn(world.ws, target, in(90), "again"), "a target not publishing was set to wait");
        assertEquals(later, shown(target).dueAt());
    }

    @Test
    void aResumedTargetCountsAnotherAttemptWithNothingSentYetAndOnlyWhilePublishing() {
        UUID target = claimed("resumed");
        world.targets.sending(world.ws, target);
        assertNotNull(shown(target).sentAt(), "the request about to leave is not marked");
        Target resumed = world.targets.resume(world.ws, target).orElseThrow();
        assertEquals(2, resumed.attempts());
        assertNull(resumed.sentAt(), "a resumed attempt has sent nothing yet");
        world.targets.finish(world.ws, target, TargetState.FAILED, "rejected");
        assertTrue(world.targets.resume(world.ws, target).isEmpty(), "a failed target was resumed");
        world.targets.sending(world.ws, target);
        assertNull(shown(target).sentAt(), "a target not publishing was marked sending");
    }

    @Test
    void theHealthCountSeesScheduledTargetsDueAndNotStartedOnly() {
        Instant now = Instant.now();
        long before = Targets.countDueNotStarted(world.sql, now);
        due("late", now.minusSeconds(60));
        due("future", now.plusSeconds(3600));
        assertEquals(before + 1, Targets.countDueNotStarted(world.sql, now));
    }
}
