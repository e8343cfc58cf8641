package com.ailsocialautomation.engine;

import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.PublishQueue;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.QueuedMessages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A post erased (forget-me, a workspace AIL leaves) while its request is out: whatever the platform answers, nothing
 * about it is recorded, nobody is told of it, and nothing of it is tried again. The author here asked to hear of every
 * success, and stays (only the post goes), so a message queued for them would show.
 */
class ErasedInFlightTest extends WebhookEngineTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();

    ErasedInFlightTest() {
        super("whsec_ZXJhc2Vk");
    }

    @Override
    PostgresExtension database() {
        return pg;
    }

    @BeforeEach
    void authorHearsOfEverySuccess() {
        rig.workspaces.setNotify(f.workspaceId(), f.user().id(), true);
    }

    /** Publishes a post, erases it once its request reached the receiver, then lets the receiver answer as set up. */
    private Post erasedWhileOut(Runnable answer) throws Exception {
        hook.hang();
        Post post = rig.post(f, "erased while out", Instant.now());
        rig.startWebhookEngine(EngineRig.settings(5));
        assertTrue(hook.awaitRequest(30), "the request reached the receiver");
        rig.sql.update("delete from posts where id = ?", post.id());
        answer.run();
        hook.release();
        assertTrue(eventually(Duration.ofSeconds(10), () -> rig.metrics.timer("ail.publish.duration", "platform", "webhook").count() == 1),
                "the run ended");
        Thread.sleep(1000); // a message, a record or a retry would show by now
        return post;
    }

    private void assertNothingLeft(Post post) {
        List<String> told = QueuedMessages.of(rig.sql, pg.vault(), f.user().id());
        assertEquals(List.of(), told, "nobody is told about an erased post");
        assertEquals(0L, rig.sql.one("select count(*) from publish_attempts where target_id = ?", rs -> rs.getLong(1),
                post.targets().get(0).id()).orElseThrow(), "no attempt is recorded");
        assertEquals(0L, rig.sql.one("select count(*) from scheduled_tasks where task_name = ? and task_instance = ?", rs -> rs.getLong(1),
                PublishQueue.TASK_NAME, PublishQueue.instanceId(post.workspaceId(), post.targets().get(0).id())).orElseThrow(),
                "nothing is queued to try again");
        assertEquals(1, hook.requests(), "sent once, never again");
    }

    @Test
    void publishedAfterItsErasureNothingIsRecordedOrAnnounced() throws Exception {
        Post post = erasedWhileOut(() -> { });
        assertEquals(1, hook.accepted().size());
        assertNothingLeft(post);
    }

    @Test
    void refusedAfterItsErasureNobodyIsToldOfTheFailure() throws Exception {
        Post post = erasedWhileOut(() -> hook.failNext(1, 422, null, "{\"error\":\"refused\"}"));
        assertNothingLeft(post);
    }

    /** A webhook's 503 after the request arrived leaves the outcome unknown: nobody is asked to check an erased post. */
    @Test
    void anUnconfirmedAnswerAfterItsErasureAsksNobodyToCheck() throws Exception {
        Post post = erasedWhileOut(() -> hook.failNext(1, 503, null, "{\"error\":\"busy\"}"));
        assertNothingLeft(post);
    }

    @Test
    void aRateLimitAfterItsErasureIsNotWaitedOutAndTriedAgain() throws Exception {
        Post post = erasedWhileOut(() -> hook.failNext(1, 429, "1", "{\"error\":\"slow down\"}"));
        Thread.sleep(1500); // past the platform's Retry-After
        assertNothingLeft(post);
        assertEquals(0, rig.metrics.counter("ail.publish.retries", "platform", "webhook").count(), "no retry is counted");
        assertEquals(1, rig.metrics.timer("ail.publish.duration", "platform", "webhook").count(), "no second run");
    }
}
