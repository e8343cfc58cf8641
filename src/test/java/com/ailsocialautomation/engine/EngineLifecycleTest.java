package com.ailsocialautomation.engine;

import com.ailsocialautomation.platform.webhook.WebhookProvider;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.PublishQueue;
import com.ailsocialautomation.store.Target;
import com.ailsocialautomation.store.TargetState;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.Units;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's life around its publishes: the jobs handed to it run when it starts and again at their interval; a
 * closed engine runs nothing more and leaves no thread behind; each target's execution follows its target (gone when
 * it is finished, due at its new time when it waits), and a running one names the machine that holds it.
 */
class EngineLifecycleTest extends WebhookEngineTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();

    EngineLifecycleTest() {
        super("whsec_bGlmZWN5Y2xl");
    }

    @Override
    PostgresExtension database() {
        return pg;
    }

    private static Set<Thread> alarms() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("ail-due-alarm") && t.isAlive())
                .collect(Collectors.toSet());
    }

    /** The target's execution: its due time and whether an engine holds it, or empty when it has none. */
    private Optional<Object[]> execution(Target target) {
        return rig.sql.one("select execution_time, picked, picked_by from scheduled_tasks where task_name = ? and task_instance = ?",
                rs -> new Object[] {rs.getTimestamp(1).toInstant(), rs.getBoolean(2), rs.getString(3)},
                PublishQueue.TASK_NAME, PublishQueue.instanceId(target.workspaceId(), target.id()));
    }

    @Test
    void jobsRunAtStartAndAtTheirIntervalAndAClosedEngineRunsAndPublishesNothingMore() throws Exception {
        Set<Thread> before = alarms();
        AtomicInteger ticks = new AtomicInteger();
        try (Units units = Units.over(pg).engine(EngineRig.settings(3))
                .providers(h -> List.of(new WebhookProvider(h, Clock.systemUTC()))).build()) {
            Engine engine = new Engine(units.store.sql, units.publishing.publisher, units.config.engine(), Clock.systemUTC(),
                    new SimpleMeterRegistry(), List.of(new Engine.Job("tick", Duration.ofMillis(300), ticks::incrementAndGet)));
            engine.start();
            assertTrue(eventually(Duration.ofSeconds(20), () -> ticks.get() >= 3), "the job ran " + ticks.get() + " times");
            Set<Thread> started = alarms();
            started.removeAll(before);
            assertEquals(1, started.size(), "the started engine has its due alarm");

            engine.close();
            int closedAt = ticks.get();
            for (Thread alarm : started) {
                alarm.join(2000);
                assertFalse(alarm.isAlive(), "the due alarm outlived its engine");
            }
            Post post = rig.post(f, "due after the engine stopped", Instant.now());
            Thread.sleep(1500);
            assertEquals(closedAt, ticks.get(), "a job ran after its engine was closed");
            assertEquals(0, hook.requests(), "a closed engine published");
            assertEquals(TargetState.SCHEDULED, rig.reload(post).targets().get(0).state());
        } finally {
            // the job is this test's own: an engine of a later test would find its execution and no task to run it
            rig.sql.update("delete from scheduled_tasks where task_name = 'tick'");
        }
    }

    @Test
    void aFinishedTargetsExecutionIsGoneAndAWaitingOnesIsDueAtItsNewTime() throws Exception {
        rig.startWebhookEngine(EngineRig.settings(3));
        hook.failNext(1, 422, null);
        Post refused = rig.post(f, "refused for good", Instant.now());
        Target failed = rig.settled(refused);
        assertEquals(TargetState.FAILED, failed.state(), failed.error());
        assertTrue(eventually(Duration.ofSeconds(5), () -> execution(failed).isEmpty()), "a failed target kept its execution");

        hook.failNext(1, 429, "1200");
        Post held = rig.post(f, "held back for twenty minutes", Instant.now());
        assertTrue(eventually(Duration.ofSeconds(20), () -> rig.reload(held).targets().get(0).dueAt().isAfter(Instant.now().plusSeconds(600))));
        Target waiting = rig.reload(held).targets().get(0);
        assertTrue(eventually(Duration.ofSeconds(5), () -> execution(waiting).map(e -> !(Boolean) e[1]).orElse(false)),
                "the waiting target's execution is not handed back");
        assertEquals(waiting.dueAt(), execution(waiting).orElseThrow()[0], "the execution is due when the target is");

        Post sent = rig.post(f, "out at once", Instant.now());
        Target published = rig.settled(sent);
        assertEquals(TargetState.PUBLISHED, published.state(), published.error());
        assertTrue(eventually(Duration.ofSeconds(5), () -> execution(published).isEmpty()), "a published target kept its execution");
        Thread.sleep(500);
        assertEquals(3, hook.requests(), "each target was sent once: refused, held back, published");
    }

    @Test
    void aRunningPublishIsHeldByAnEngineNamedAfterItsMachine() throws Exception {
        rig.startWebhookEngine(EngineRig.settings(3));
        hook.hang();
        Post post = rig.post(f, "held open", Instant.now());
        assertTrue(hook.awaitRequest(20), "the request never arrived");
        Object[] running = execution(rig.reload(post).targets().get(0)).orElseThrow();
        assertTrue((Boolean) running[1], "the execution is not picked while its request is out");
        String host = InetAddress.getLocalHost().getHostName();
        assertTrue(((String) running[2]).startsWith(host + "-"), "picked by " + running[2] + ", not by an engine on " + host);
        hook.release();
        assertEquals(TargetState.PUBLISHED, rig.settled(post).state());
    }
}
