package com.ailsocialautomation.store;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.PlatformId;
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
    static Posts posts;
    static Targets targets;
    static Accounts accounts;
    static UUID ws;
    static UUID ana;

    @BeforeAll
    static void workspace() {
        Sql sql = new Sql(pg.dataSource());
        posts = new Posts(sql, pg.vault());
        targets = new Targets(sql, pg.vault());
        accounts = new Accounts(sql, pg.vault());
        Workspaces workspaces = new Workspaces(sql);
        ws = workspaces.ensure(FrontEnd.SLACK, "T-WAITS", "Waits Inc");
        ana = workspaces.ensureUser(ws, "U-ANA", "Ana").id();
    }

    private static UUID due(String name, Instant when) {
        Account hook = accounts.connect(ws, ana, new NewAccount(PlatformId.WEBHOOK, "hook-" + name, "hook.test/" + name, name,
                null, null, null, null), new StoredTokens(Secret.of("whsec_" + name), null, null, null, Secret.of("https://hook.test/" + name)));
        return posts.create(ws, ana, "due", List.of(), when, null, List.of(hook)).targets().get(0).id();
    }

    private static UUID claimed(String name) {
        UUID target = due(name, Instant.now());
        assertEquals(1, targets.claim(ws, target).orElseThrow().target().attempts());
        return target;
    }

    private static Target shown(UUID target) {
        return targets.find(ws, target).orElseThrow();
    }

    private static Instant in(int seconds) {
        return Instant.now().plusSeconds(seconds).truncatedTo(ChronoUnit.MILLIS);
    }

    @Test
    void aTargetHeldForTheDailyAllowanceWaitsUntilThenWithTheReasonAndItsAttemptBack() {
        UUID target = claimed("held");
        Instant until = in(3600);
        Attempts.Line line = new Attempts.Line(Instant.now(), 40, 429, AttemptOutcome.FAILED, "daily limit");
        assertTrue(targets.hold(ws, target, until, "hook's daily allowance is used up", line));
        assertEquals(TargetState.SCHEDULED, shown(target).state());
        assertEquals(until, shown(target).dueAt());
        assertEquals("hook's daily allowance is used up", shown(target).error());
        assertEquals(0, shown(target).attempts(), "holding used up an attempt");
        assertFalse(targets.hold(ws, target, in(7200), "again", line), "a target not publishing was held");
        assertEquals(until, shown(target).dueAt());
    }

    @Test
    void waitingForMediaComesBackAtTheCheckWithoutUsingAnAttempt() {
        UUID target = claimed("media");
        Instant check = in(30);
        assertTrue(targets.awaitMedia(ws, target, check));
        assertEquals(TargetState.SCHEDULED, shown(target).state());
        assertEquals(check, shown(target).dueAt());
        assertEquals(0, shown(target).attempts(), "waiting for media used up an attempt");
        assertFalse(targets.awaitMedia(ws, target, in(60)), "a target not publishing was set to wait for media");
        assertEquals(check, shown(target).dueAt());
    }

    @Test
    void aPostBeingProcessedStaysPublishingWithoutUsingAnAttemptUntilItIsFinished() {
        UUID target = claimed("processing");
        assertTrue(targets.stillPublishing(ws, target));
        assertEquals(TargetState.PUBLISHING, shown(target).state());
        assertEquals(0, shown(target).attempts(), "asking again used up an attempt");
        targets.finish(ws, target, TargetState.FAILED, "rejected");
        assertFalse(targets.stillPublishing(ws, target), "a failed target was said to be still publishing");
    }

    @Test
    void aTurnTakenIsKeptAndAWaitForInFlightPublishesKeepsIt() {
        UUID target = claimed("turns");
        Instant turn = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS); // due again at once, to claim it again
        assertTrue(targets.awaitTurn(ws, target, turn, "waiting for its turn at hook's pace"));
        assertEquals(turn, shown(target).turnAt());
        assertEquals(turn, shown(target).dueAt());
        assertEquals("waiting for its turn at hook's pace", shown(target).error());
        assertEquals(0, shown(target).attempts());
        assertFalse(targets.awaitTurn(ws, target, in(60), "again"), "a target not publishing took a turn");

        targets.claim(ws, target).orElseThrow();
        Instant later = in(45);
        assertTrue(targets.waitTurn(ws, target, later, "waiting for its turn: 2 publishes in flight"));
        assertEquals(later, shown(target).dueAt());
        assertEquals(turn, shown(target).turnAt(), "waiting for publishes in flight dropped the turn the target holds");
        assertEquals("waiting for its turn: 2 publishes in flight", shown(target).error());
        assertEquals(0, shown(target).attempts());
        assertFalse(targets.waitTurn(ws, target, in(90), "again"), "a target not publishing was set to wait");
        assertEquals(later, shown(target).dueAt());
    }

    @Test
    void aResumedTargetCountsAnotherAttemptWithNothingSentYetAndOnlyWhilePublishing() {
        UUID target = claimed("resumed");
        targets.sending(ws, target);
        assertNotNull(shown(target).sentAt(), "the request about to leave is not marked");
        Target resumed = targets.resume(ws, target).orElseThrow();
        assertEquals(2, resumed.attempts());
        assertNull(resumed.sentAt(), "a resumed attempt has sent nothing yet");
        targets.finish(ws, target, TargetState.FAILED, "rejected");
        assertTrue(targets.resume(ws, target).isEmpty(), "a failed target was resumed");
        targets.sending(ws, target);
        assertNull(shown(target).sentAt(), "a target not publishing was marked sending");
    }

    @Test
    void theHealthCountSeesScheduledTargetsDueAndNotStartedOnly() {
        Sql sql = new Sql(pg.dataSource());
        Instant now = Instant.now();
        long before = Targets.countDueNotStarted(sql, now);
        due("late", now.minusSeconds(60));
        due("future", now.plusSeconds(3600));
        assertEquals(before + 1, Targets.countDueNotStarted(sql, now));
    }
}
