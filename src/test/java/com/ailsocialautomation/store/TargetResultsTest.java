package com.ailsocialautomation.store;

import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a run's result and a disconnection leave on a target, as `show` reads it: a result moves the state once and
 * says whether it did (the engine warns of a post that went out while its state had changed), and a target cancelled
 * because its account went says so.
 */
class TargetResultsTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static StoreWorld world;

    @BeforeAll
    static void workspace() {
        world = new StoreWorld(pg, "T-RESULTS", "Results Inc");
    }

    private static Attempts.Line line(AttemptOutcome outcome) {
        return new Attempts.Line(Instant.now(), 80, 200, outcome, null);
    }

    @Test
    void aPublishedResultMovesTheTargetOnceAndALateOneChangesNothing() {
        Post post = world.posts.create(world.ws, world.ana.id(), "out now", List.of(), Instant.now(), null, List.of(world.hook("once")));
        UUID target = post.targets().get(0).id();
        world.targets.claim(world.ws, target).orElseThrow();

        assertTrue(world.targets.published(world.ws, target, "109", "https://hook.test/once/109", null, line(AttemptOutcome.PUBLISHED)),
                "a claimed target's result was not recorded as moving it");
        Target shown = world.targets.find(world.ws, target).orElseThrow();
        assertEquals(TargetState.PUBLISHED, shown.state());
        assertEquals("https://hook.test/once/109", shown.url());

        assertFalse(world.targets.published(world.ws, target, "110", "https://hook.test/once/110", null, line(AttemptOutcome.PUBLISHED)),
                "a second result for a target no longer publishing claimed to move it");
        assertEquals("https://hook.test/once/109", world.targets.find(world.ws, target).orElseThrow().url(), "the first link stays the one shown");
        assertEquals(2, new Attempts(world.sql, pg.vault()).forTarget(world.ws, target).size(), "each request that happened has its line in the log");
    }

    /**
     * Results that end together are written as one statement, each as it would be alone: a claimed target is
     * published with its own link, note and log line and its running execution goes; a target no longer publishing
     * keeps its state and execution but gets its line (the request did happen); an erased target gets nothing; a
     * target named with another workspace is not touched.
     */
    @Test
    void aBatchOfResultsWritesEachAsAResultAloneWould() {
        List<UUID> claimed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            claimed.add(claimed("batch" + i));
        }
        UUID late = claimed("batch-late");
        world.targets.finish(world.ws, late, TargetState.UNKNOWN, "a revival came first");
        UUID erased = claimed("batch-erased");
        UUID erasedPost = world.targets.find(world.ws, erased).orElseThrow().postId();
        StoreWorld other = new StoreWorld(pg, "T-RESULTS-OTHER", "Other Inc");
        Post theirs = other.posts.create(other.ws, other.ana.id(), "theirs", List.of(), Instant.now(), null, List.of(other.hook("theirs")));
        UUID theirTarget = other.targets.claim(other.ws, theirs.targets().get(0).id()).orElseThrow().target().id();
        List<UUID> all = new ArrayList<>(claimed);
        all.addAll(List.of(late, erased));
        for (UUID t : all) { // each run holds its execution, picked
            world.sql.update("update scheduled_tasks set picked = true where task_instance = ?", PublishQueue.instanceId(world.ws, t));
        }
        world.sql.update("delete from posts where id = ?", erasedPost);

        List<Targets.Publication> batch = new ArrayList<>();
        for (UUID t : all) {
            batch.add(world.targets.publication(world.ws, t, "x-" + t, "https://hook.test/" + t,
                    t.equals(claimed.get(1)) ? "the first comment was refused" : null,
                    new Attempts.Line(Instant.now(), 40, 201, AttemptOutcome.PUBLISHED, "answer for " + t)));
        }
        batch.add(world.targets.publication(world.ws, theirTarget, "x-theirs", "https://hook.test/theirs", null, line(AttemptOutcome.PUBLISHED)));
        Map<Targets.Key, Grouped.Answer<Boolean>> moved = world.targets.publishAll(batch);

        assertEquals(claimed.stream().map(t -> new Targets.Key(world.ws, t)).collect(Collectors.toSet()), moved.keySet(),
                "exactly the claimed targets of this workspace moved");
        Attempts log = new Attempts(world.sql, pg.vault());
        for (UUID t : claimed) {
            Target shown = world.targets.find(world.ws, t).orElseThrow();
            assertEquals(TargetState.PUBLISHED, shown.state());
            assertEquals("https://hook.test/" + t, shown.url(), "each with its own link");
            assertEquals("x-" + t, shown.externalId());
            assertEquals(List.of("answer for " + t), log.forTarget(world.ws, t).stream().map(Attempt::message).toList(), "and its own line");
            assertEquals(0, executions(t), "its running execution went with its result");
        }
        assertEquals("the first comment was refused", world.targets.find(world.ws, claimed.get(1)).orElseThrow().error(),
                "a note after the post went live is shown, decrypted under its own row");
        assertEquals(TargetState.UNKNOWN, world.targets.find(world.ws, late).orElseThrow().state(), "a late result moves nothing");
        assertEquals(1, log.forTarget(world.ws, late).size(), "but its request is in the log");
        assertEquals(1, executions(late), "and its execution is the engine's to end");
        assertEquals(0, (int) world.sql.one("select count(*) from publish_attempts where target_id = ?", rs -> rs.getInt(1), erased).orElseThrow(),
                "an erased target gets no line");
        assertEquals(TargetState.PUBLISHING, other.targets.find(other.ws, theirTarget).orElseThrow().state(),
                "a target named with another workspace is left alone");
    }

    private static int executions(UUID target) {
        return world.sql.one("select count(*) from scheduled_tasks where task_instance = ?", rs -> rs.getInt(1),
                PublishQueue.instanceId(world.ws, target)).orElseThrow();
    }

    private static UUID claimed(String name) {
        Post post = world.posts.create(world.ws, world.ana.id(), "due now", List.of(), Instant.now(), null, List.of(world.hook(name)));
        return world.targets.claim(world.ws, post.targets().get(0).id()).orElseThrow().target().id();
    }

    /** A request that got no answer (a timeout) has no HTTP status in the log `show` reads; one that got an answer has its own. */
    @Test
    void aLineWithoutAnAnswerHasNoHttpStatus() {
        UUID target = claimed("no-answer");
        world.targets.retryLater(world.ws, target, Instant.now().plusSeconds(60), "timed out",
                new Attempts.Line(Instant.now(), 30_000, null, AttemptOutcome.FAILED, "timed out"));
        List<Attempt> log = new Attempts(world.sql, pg.vault()).forTarget(world.ws, target);
        assertNull(log.get(0).httpStatus(), "no answer, no status (not HTTP 0)");
        assertEquals(30_000, log.get(0).durationMs());
    }

    @Test
    void aTransientFailureSchedulesTheTargetAgainWithItsReasonOnlyWhileItIsPublishing() {
        UUID target = claimed("retry");
        Instant next = Instant.now().plusSeconds(90).truncatedTo(ChronoUnit.MILLIS);

        assertTrue(world.targets.retryLater(world.ws, target, next, "hook.test answered 503", line(AttemptOutcome.FAILED)));
        Target shown = world.targets.find(world.ws, target).orElseThrow();
        assertEquals(TargetState.SCHEDULED, shown.state());
        assertEquals(next, shown.dueAt());
        assertEquals("hook.test answered 503", shown.error(), "show does not say why it will be tried again");
        assertEquals(1, shown.attempts(), "a failed try is an attempt");

        assertFalse(world.targets.retryLater(world.ws, target, next.plusSeconds(60), "late", line(AttemptOutcome.FAILED)),
                "a target no longer publishing was said to be scheduled again");
        assertEquals(next, world.targets.find(world.ws, target).orElseThrow().dueAt());
    }

    @Test
    void aRevivalFinishesATargetLeftPublishingOnceWithTheReasonShown() {
        UUID target = claimed("revived");

        assertTrue(world.targets.finish(world.ws, target, TargetState.UNKNOWN, "the run stopped after its request left"));
        Target shown = world.targets.find(world.ws, target).orElseThrow();
        assertEquals(TargetState.UNKNOWN, shown.state());
        assertEquals("the run stopped after its request left", shown.error());
        assertFalse(world.targets.finish(world.ws, target, TargetState.FAILED, "a second revival"), "a finished target was finished again");
        assertEquals(TargetState.UNKNOWN, world.targets.find(world.ws, target).orElseThrow().state());
    }

    @Test
    void disconnectingCancelsItsScheduledTargetsWithTheReasonAndLeavesOtherAccountsAlone() {
        Account gone = world.hook("gone");
        Account kept = world.hook("kept");
        Post post = world.posts.create(world.ws, world.ana.id(), "to both", List.of(), Instant.now().plusSeconds(3600), null, List.of(gone, kept));

        assertEquals(1, world.targets.cancelScheduledTo(world.ws, gone.id()));
        List<Target> after = world.posts.find(world.ws, post.id()).orElseThrow().targets();
        Target toGone = after.stream().filter(t -> t.accountId().equals(gone.id())).findFirst().orElseThrow();
        Target toKept = after.stream().filter(t -> t.accountId().equals(kept.id())).findFirst().orElseThrow();
        assertEquals(TargetState.CANCELLED, toGone.state());
        assertEquals(Target.ACCOUNT_GONE, toGone.error(), "show does not say why the target was cancelled");
        assertEquals(TargetState.SCHEDULED, toKept.state());
        assertNull(toKept.error());
    }

    @Test
    void aThreadsPartIsRecordedOnlyWhileItsTargetIsPublishing() {
        UUID target = claimed("parts");
        TargetParts parts = new TargetParts(world.sql);
        TargetParts.Part first = new TargetParts.Part(PartKind.PART, 1, "111", "https://hook.test/parts/111", null, Instant.now());
        assertTrue(parts.record(world.ws, target, first));
        world.targets.finish(world.ws, target, TargetState.FAILED, "the second part was refused");
        TargetParts.Part late = new TargetParts.Part(PartKind.PART, 2, "112", "https://hook.test/parts/112", null, Instant.now());
        assertFalse(parts.record(world.ws, target, late), "a part was recorded for a target no longer publishing");
        assertEquals(List.of("111"), parts.of(world.ws, target).stream().map(TargetParts.Part::externalId).toList());
    }

    @Test
    void aPersonLeavingStopsTheirPostsAndThoseToTheirAccountsButNoOneElsesToOtherAccounts() {
        UUID bob = world.workspaces.ensureUser(world.ws, "U-BOB", "Bob").id();
        Account anas = world.hook("anas");
        Account bobs = world.hook(bob, "bobs");
        Instant later = Instant.now().plusSeconds(3600);
        Post hers = world.posts.create(world.ws, world.ana.id(), "hers", List.of(), later, null, List.of(bobs));
        Post toHerAccount = world.posts.create(world.ws, bob, "to hers", List.of(), later, null, List.of(anas));
        Post his = world.posts.create(world.ws, bob, "his", List.of(), later, null, List.of(bobs));

        new PostData(world.sql, pg.vault()).stopPublishing(world.ws, world.ana.id());
        assertEquals(TargetState.CANCELLED, world.posts.find(world.ws, hers.id()).orElseThrow().targets().get(0).state());
        assertEquals(TargetState.CANCELLED, world.posts.find(world.ws, toHerAccount.id()).orElseThrow().targets().get(0).state());
        assertEquals(TargetState.SCHEDULED, world.posts.find(world.ws, his.id()).orElseThrow().targets().get(0).state());
    }
}
