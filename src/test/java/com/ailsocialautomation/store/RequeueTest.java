package com.ailsocialautomation.store;

import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the store does to the publish queue when a person retries, requeues or edits a post: a target put back to
 * scheduled also has an execution due at its new time (or it would never go out), and an edit's media are attached.
 */
class RequeueTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static StoreWorld world;
    static Account hook;
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeAll
    static void workspace() {
        world = new StoreWorld(pg, "T-REQUEUE", "Requeue Inc");
        hook = world.hook("rq");
    }

    private static Post post(String text, Instant when) {
        return world.posts.create(world.ws, world.ana.id(), text, List.of(), when, null, List.of(hook));
    }

    private static Optional<Instant> queuedAt(Target target) {
        return world.sql.one("select execution_time from scheduled_tasks where task_name = ? and task_instance = ?",
                rs -> rs.getTimestamp(1).toInstant(), PublishQueue.TASK_NAME, PublishQueue.instanceId(world.ws, target.id()));
    }

    private static UUID key(Target target) {
        return world.sql.one("select idempotency_key from post_targets where id = ?", rs -> rs.getObject(1, UUID.class), target.id()).orElseThrow();
    }

    @Test
    void aRetriedTargetIsScheduledAndQueuedForItsNewTimeAFailedOneWithAFreshKey() {
        Post failed = post("failed once", NOW.minus(1, ChronoUnit.HOURS));
        Target target = failed.targets().get(0);
        UUID firstKey = key(target);
        world.sql.update("update post_targets set state = 'failed', attempts = 3 where id = ?", target.id());
        world.sql.update("delete from scheduled_tasks where task_instance = ?", PublishQueue.instanceId(world.ws, target.id()));
        Instant again = NOW.plus(1, ChronoUnit.MINUTES);

        List<Target> reset = world.posts.retry(world.ws, failed.id(), again);
        assertEquals(List.of(target.id()), reset.stream().map(Target::id).toList());
        assertEquals(TargetState.SCHEDULED, reset.get(0).state());
        assertEquals(0, reset.get(0).attempts());
        assertEquals(Optional.of(again), queuedAt(target), "the retried target has an execution at its new time");
        assertNotEquals(firstKey, key(target), "a failed attempt did not post, so the retry is a new request");

        Post unknown = post("answer lost", NOW.minus(1, ChronoUnit.HOURS));
        Target lost = unknown.targets().get(0);
        UUID lostKey = key(lost);
        world.sql.update("update post_targets set state = 'unknown' where id = ?", lost.id());
        assertEquals(1, world.posts.retry(world.ws, unknown.id(), again).size());
        assertEquals(lostKey, key(lost), "an unknown one may have posted: the platform may recognise the same key");
        assertEquals(List.of(), world.posts.retry(world.ws, unknown.id(), again), "nothing left to retry");
    }

    @Test
    void movingEachTargetToItsAccountsNextSlotMovesItsExecutionToo() {
        Post queued = post("queued", NOW.plus(2, ChronoUnit.HOURS));
        Target target = queued.targets().get(0);
        Instant slot = NOW.plus(26, ChronoUnit.HOURS);
        List<Target> moved = world.posts.moveEach(world.ws, queued.id(), (tx, account) -> slot, id -> hook);
        assertEquals(List.of(slot), moved.stream().map(Target::dueAt).toList());
        assertEquals(Optional.of(slot), queuedAt(target));
        assertEquals(slot, world.posts.find(world.ws, queued.id()).orElseThrow().scheduledAt());
    }

    @Test
    void anEditAttachesItsMediaToThePostItChanged() {
        Post post = post("before", NOW.plus(3, ChronoUnit.HOURS));
        List<UUID> attached = new ArrayList<>();
        assertTrue(world.posts.edit(world.ws, post.id(), "after", 1, (tx, id) -> attached.add(id)));
        assertEquals(List.of(post.id()), attached);
        assertEquals("after", world.posts.find(world.ws, post.id()).orElseThrow().text());

        com.ailsocialautomation.message.PostOptions titled = new com.ailsocialautomation.message.PostOptions("Spring launch", null,
                List.of("launch"), List.of(), List.of());
        assertTrue(world.posts.edit(world.ws, post.id(), "with a title", titled, null, (tx, id) -> { }));
        assertEquals(titled, world.posts.find(world.ws, post.id()).orElseThrow().options(), "an edit's options are kept");
        assertTrue(world.posts.edit(world.ws, post.id(), "text only", null, (tx, id) -> { }));
        assertEquals(titled, world.posts.find(world.ws, post.id()).orElseThrow().options(), "an edit without options keeps the post's");
    }

    private static int round(Post post) {
        return world.sql.one("select approval_round from posts where id = ?", rs -> rs.getInt(1), post.id()).orElseThrow();
    }

    private static Post draft(String text) {
        return world.posts.create(world.ws, world.ana.id(), text, null, List.of(), null, NOW.plus(1, ChronoUnit.DAYS), null, List.of(hook),
                (tx, id) -> { }, TargetState.DRAFT);
    }

    @Test
    void aReleasedDraftIsQueuedWhenScheduledAndStartsANewApprovalRoundWhenItWaitsForApproval() {
        Post toSchedule = draft("draft to send");
        assertTrue(toSchedule.shortId().startsWith("d"));
        Instant when = NOW.plus(2, ChronoUnit.HOURS);
        assertTrue(world.posts.release(world.ws, toSchedule.id(), TargetState.DRAFT, TargetState.SCHEDULED, when));
        assertEquals(Optional.of(when), queuedAt(toSchedule.targets().get(0)));
        assertEquals(0, round(toSchedule), "no approval asked");
        assertEquals(false, world.posts.release(world.ws, toSchedule.id(), TargetState.DRAFT, TargetState.SCHEDULED, when),
                "released once: a second release finds no draft");

        Post toApprove = draft("draft to approve");
        int before = round(toApprove);
        assertTrue(world.posts.release(world.ws, toApprove.id(), TargetState.DRAFT, TargetState.PENDING_APPROVAL, when));
        assertEquals(before + 1, round(toApprove), "a new round: decisions of an earlier one do not count");
        assertEquals(Optional.empty(), queuedAt(toApprove.targets().get(0)), "nothing goes out before it is approved");
    }

    @Test
    void theCalendarsRangeHoldsThePostsDueInItSoonestFirstFromInclusiveToExclusiveWithoutDrafts() {
        Instant from = NOW.plus(40, ChronoUnit.DAYS);
        Instant to = from.plus(1, ChronoUnit.DAYS);
        Post atStart = post("at the start", from);
        Post inside = post("inside", from.plus(3, ChronoUnit.HOURS));
        post("at the end", to);
        post("before", from.minusSeconds(1));
        world.posts.create(world.ws, world.ana.id(), "a draft", null, List.of(), null, from.plus(1, ChronoUnit.HOURS), null, List.of(hook),
                (tx, id) -> { }, TargetState.DRAFT);
        assertEquals(List.of(atStart.id(), inside.id()), world.posts.between(world.ws, from, to, 50).stream().map(Post::id).toList());
        assertEquals(List.of(atStart.id()), world.posts.between(world.ws, from, to, 1).stream().map(Post::id).toList());
    }

    @Test
    void aThreadWithAPartAlreadyOutCannotBeEditedWhatIsOutStaysOut() {
        Post thread = post("part one\n---\npart two", NOW.plus(3, ChronoUnit.HOURS));
        Target target = thread.targets().get(0);
        // its first part went out, then the second failed for now: the target waits to retry, scheduled again
        world.sql.update("update post_targets set state = 'publishing' where id = ?", target.id());
        assertTrue(new TargetParts(world.sql).record(world.ws, target.id(),
                new TargetParts.Part(PartKind.PART, 1, "ext-1", "https://hook.test/1", null, NOW)));
        world.sql.update("update post_targets set state = 'scheduled' where id = ?", target.id());
        List<UUID> attached = new ArrayList<>();
        assertEquals(false, world.posts.edit(world.ws, thread.id(), "rewritten", 1, (tx, id) -> attached.add(id)));
        assertEquals("part one\n---\npart two", world.posts.find(world.ws, thread.id()).orElseThrow().text());
        assertEquals(List.of(), attached);
    }

    @Test
    void postsWaitingForApprovalPastTheirTimeAreFoundAcrossWorkspacesAndNoOthers() {
        Post late = world.posts.create(world.ws, world.ana.id(), "still waiting", null, List.of(), null, NOW.minus(1, ChronoUnit.HOURS), null,
                List.of(hook), (tx, id) -> { }, TargetState.PENDING_APPROVAL);
        Post notYet = world.posts.create(world.ws, world.ana.id(), "waits, in time", null, List.of(), null, NOW.plus(1, ChronoUnit.HOURS), null,
                List.of(hook), (tx, id) -> { }, TargetState.PENDING_APPROVAL);
        Post scheduled = post("no approval needed", NOW.minus(1, ChronoUnit.HOURS));
        List<UUID> found = world.posts.pendingPastDue(NOW).stream().map(Post::id).toList();
        assertTrue(found.contains(late.id()), found.toString());
        assertEquals("still waiting", world.posts.pendingPastDue(NOW).stream().filter(p -> p.id().equals(late.id())).findFirst()
                .orElseThrow().text());
        assertTrue(!found.contains(notYet.id()) && !found.contains(scheduled.id()), found.toString());
    }

    @Test
    void theEnginesAlarmIsSetForTheNextExecutionThatFallsDue() {
        Instant due = NOW.plus(50, ChronoUnit.DAYS).plusSeconds(17);
        post("far ahead", due);
        assertEquals(Optional.of(due), PublishQueue.nextDue(world.sql, due.minusSeconds(1), due.plusSeconds(1)));
        assertEquals(Optional.empty(), PublishQueue.nextDue(world.sql, due, due.plusSeconds(1)), "after is exclusive");
    }
}
