package com.ailsocialautomation.engine;

import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.TargetState;
import com.ailsocialautomation.testing.PostgresExtension;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each of the engine's metrics moves when, and only when, its event happens: ail.publishes by outcome (published,
 * failed, unknown), ail.publish.retries, ail.publish.duration, ail.dispatch.lag (by how late a target started) and
 * the gauge ail.targets.due.not.started. (ail.token.refreshes: CredentialKeeperTest.)
 */
class EngineMetricsTest extends WebhookEngineTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();

    EngineMetricsTest() {
        super("whsec_bWV0cmljcw==");
    }

    @Override
    PostgresExtension database() {
        return pg;
    }

    private double publishes(String outcome) {
        return rig.metrics.counter("ail.publishes", "platform", "webhook", "outcome", outcome).count();
    }

    private double retries() {
        return rig.metrics.counter("ail.publish.retries", "platform", "webhook").count();
    }

    private long durations() {
        return rig.metrics.timer("ail.publish.duration", "platform", "webhook").count();
    }

    private TargetState settle(Post post, TargetState expected) throws InterruptedException {
        assertTrue(eventually(Duration.ofSeconds(30), () -> expected.equals(rig.reload(post).targets().get(0).state())),
                () -> "expected " + expected + ", not " + rig.reload(post).targets().get(0).state());
        return expected;
    }

    /** The counters follow the state's write (the duration last, when the attempt ends): they settle at once. */
    private void expectCounts(String expected) throws InterruptedException {
        eventually(Duration.ofSeconds(5), () -> counts().equals(expected));
        assertEquals(expected, counts());
        Thread.sleep(300);
        assertEquals(expected, counts(), "and move no further");
    }

    private String counts() {
        return "published=" + publishes("published") + " failed=" + publishes("failed") + " unknown=" + publishes("unknown")
                + " retries=" + retries() + " durations=" + durations();
    }

    @Test
    void everyEngineMetricMovesWithItsEventAndNoOther() throws Exception {
        Post late = rig.post(f, "ten seconds late", Instant.now().minusSeconds(10));
        Gauge due = rig.metrics.find("ail.targets.due.not.started").gauge();
        assertEquals(null, due, "no engine, no gauge yet");
        rig.startWebhookEngine(EngineRig.settings(5));
        settle(late, TargetState.PUBLISHED);
        expectCounts("published=1.0 failed=0.0 unknown=0.0 retries=0.0 durations=1");
        Timer lag = rig.metrics.timer("ail.dispatch.lag");
        assertEquals(1, lag.count());
        assertTrue(lag.max(TimeUnit.SECONDS) >= 10, "the lag is how late it started: " + lag.max(TimeUnit.SECONDS));

        hook.failNext(1, 422, null);
        settle(rig.post(f, "refused", Instant.now()), TargetState.FAILED);
        expectCounts("published=1.0 failed=1.0 unknown=0.0 retries=0.0 durations=2");

        hook.failNext(1, 429, "1");
        settle(rig.post(f, "rate-limited once, then taken", Instant.now()), TargetState.PUBLISHED);
        expectCounts("published=2.0 failed=1.0 unknown=0.0 retries=1.0 durations=4"); // two attempts, one retry

        hook.failNext(1, 503, null); // the request arrived; a webhook may have acted on it
        settle(rig.post(f, "answer lost", Instant.now()), TargetState.UNKNOWN);
        expectCounts("published=2.0 failed=1.0 unknown=1.0 retries=1.0 durations=5");
        assertEquals(5, lag.count(), "one per claim: the rate-limited target was claimed twice");

        rig.stopEngines();
        due = rig.metrics.find("ail.targets.due.not.started").gauge();
        assertEquals(0, due.value(), "nothing waits");
        Post waiting = rig.post(f, "nobody runs it", Instant.now().minusSeconds(30));
        assertEquals(1, due.value(), "a target due 30 s ago that has not started");
        rig.startWebhookEngine(EngineRig.settings(5));
        settle(waiting, TargetState.PUBLISHED);
        assertEquals(0, due.value(), "started, so no longer counted");
    }

    /**
     * ail.engine.errors counts what went wrong inside the scheduler; nothing does in the test above (EngineRig#close
     * fails any engine test where it moved). A queued run that cannot work (an execution whose id names no target, as
     * a damaged row would) is counted as a failed run and tried again later, and does not stop the others.
     */
    @Test
    void aRunThatThrowsIsCountedAsAnEngineErrorAndTheOthersGoOn() throws Exception {
        rig.expectEngineErrors();
        rig.sql.update("""
                insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version)
                values (?, 'not-a-target', now(), false, 1)""", com.ailsocialautomation.store.PublishQueue.TASK_NAME);
        Post post = rig.post(f, "after the damaged row", Instant.now());
        rig.startWebhookEngine(EngineRig.settings(5));
        settle(post, TargetState.PUBLISHED);
        assertTrue(eventually(Duration.ofSeconds(10), () -> rig.engineErrors().equals("[run_failed=1]")), rig.engineErrors());
        assertEquals(1, rig.sql.one("select count(*) from scheduled_tasks where task_instance = 'not-a-target' "
                + "and execution_time > now() + interval '5 seconds'", rs -> rs.getInt(1)).orElseThrow(),
                "the damaged execution waits to be tried again later, not at once");
    }
}
