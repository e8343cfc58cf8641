package com.ailsocialautomation.engine;

import com.ailsocialautomation.fakes.FakeWebhookReceiver;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.PublishQueue;
import com.ailsocialautomation.store.TargetState;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's "requeue-orphans" job: a scheduled target whose queued execution was lost (a retry that raced with the
 * end of its previous run) is queued again and goes out, once; targets that are not scheduled are left alone.
 */
class OrphanRequeueTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    EngineRig rig;
    FakeWebhookReceiver hook;

    @BeforeEach
    void setUp() throws Exception {
        rig = new EngineRig(pg.dataSource(), pg.vault());
        hook = new FakeWebhookReceiver();
    }

    @AfterEach
    void tearDown() {
        rig.close();
        hook.close();
    }

    private int executions(Post post) {
        return rig.sql.one("select count(*) from scheduled_tasks where task_name = ? and task_instance = ?", rs -> rs.getInt(1),
                PublishQueue.TASK_NAME, PublishQueue.instanceId(post.workspaceId(), post.targets().get(0).id())).orElseThrow();
    }

    private void loseExecution(Post post) {
        rig.sql.update("delete from scheduled_tasks where task_name = ? and task_instance = ?",
                PublishQueue.TASK_NAME, PublishQueue.instanceId(post.workspaceId(), post.targets().get(0).id()));
    }

    @Test
    void aScheduledTargetWithoutAQueuedExecutionIsQueuedAgainAndPublishedOnce() throws Exception {
        EngineRig.Fixture f = rig.webhookFixture(hook, "whsec_b3JwaGFu");
        Post orphan = rig.post(f, "lost its execution", Instant.now());
        Post failed = rig.post(f, "already failed", Instant.now());
        Post later = rig.post(f, "due tomorrow", Instant.now().plus(Duration.ofDays(1)));
        loseExecution(orphan);
        loseExecution(failed);
        loseExecution(later);
        rig.sql.update("update post_targets set state = 'failed' where post_id = ?", failed.id());

        assertEquals(2, PublishQueue.requeueOrphans(rig.sql), "the two scheduled ones");
        assertEquals(0, executions(failed), "a failed target is not queued again");
        assertEquals(1, executions(later));
        assertEquals(rig.reload(later).targets().get(0).dueAt().getEpochSecond(), rig.sql.one("select execution_time from scheduled_tasks "
                + "where task_instance = ?", rs -> com.ailsocialautomation.store.Sql.instant(rs, "execution_time"),
                PublishQueue.instanceId(later.workspaceId(), later.targets().get(0).id())).orElseThrow().getEpochSecond(), "at its own time");
        assertEquals(0, PublishQueue.requeueOrphans(rig.sql), "nothing twice");
        loseExecution(orphan);

        rig.startWebhookEngine(EngineRig.settings(5)); // the job runs when the engine starts, then every 30 s
        assertTrue(eventually(Duration.ofSeconds(20), () -> TargetState.PUBLISHED.equals(rig.reload(orphan).targets().get(0).state())),
                "the orphan went out");
        Thread.sleep(1000);
        assertEquals(1, hook.accepted().size(), "once");
        assertEquals(TargetState.SCHEDULED, rig.reload(later).targets().get(0).state());
    }
}
