package com.ailsocialautomation.engine;

import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.store.PublishQueue;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.Targets;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Runs publishing on db-scheduler against the service's PostgreSQL: each target is one execution in
 * {@code scheduled_tasks}, picked by exactly one instance. A dead instance's executions are revived by the others
 * (the publisher then decides between unknown and a safe retry). Extra recurring jobs ride on the same scheduler.
 */
public final class Engine implements AutoCloseable {
    /** How long a stop waits for running publishes before it hands them back. */
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(3);

    private static final Logger log = LoggerFactory.getLogger(Engine.class);

    private final Scheduler scheduler;
    private final DueAlarm alarm;

    /** A recurring job such as the retention purge: a name, how often, and what to run. */
    public record Job(String name, Duration every, Runnable work) {}

    public Engine(Sql sql, Publisher publisher, Config.Engine settings, Clock clock, MeterRegistry metrics, List<Job> jobs) {
        CustomTask<Void> publish = Tasks.custom(PublishQueue.TASK_NAME, Void.class)
                .onDeadExecutionRevive()
                .onFailure((complete, ops) -> ops.reschedule(complete, clock.instant().plusSeconds(15)))
                .execute((instance, context) -> {
                    String[] ids = instance.getId().split("/");
                    UUID workspaceId = UUID.fromString(ids[0]);
                    UUID targetId = UUID.fromString(ids[1]);
                    Outcome outcome = publisher.run(workspaceId, targetId);
                    if (outcome.published()) {
                        return (complete, ops) -> {}; // the execution went with the result
                    }
                    return outcome.done()
                            ? (CompletionHandler<Void>) (complete, ops) -> {
                                ops.remove();
                                settle(sql, workspaceId, targetId);
                            }
                            : (complete, ops) -> {
                                ops.reschedule(complete, outcome.at());
                                settle(sql, workspaceId, targetId);
                            };
                });
        List<RecurringTask<Void>> recurring = new ArrayList<>();
        recurring.add(Tasks.recurring("requeue-orphans", FixedDelay.of(Duration.ofSeconds(30)))
                .execute((instance, context) -> {
                    int n = PublishQueue.requeueOrphans(sql);
                    if (n > 0) {
                        log.info("Re-queued {} scheduled targets that had no execution", n);
                    }
                }));
        for (Job job : jobs) {
            recurring.add(Tasks.recurring(job.name(), FixedDelay.of(job.every())).execute((i, c) -> job.work().run()));
        }
        // start tasks are added to the known tasks by db-scheduler itself
        this.scheduler = Scheduler.create(sql.dataSource(), List.of(publish))
                .startTasks(recurring)
                .schedulerName(new SchedulerName.Fixed(hostName() + "-" + UUID.randomUUID().toString().substring(0, 8)))
                .pollingInterval(settings.pollInterval())
                .heartbeatInterval(settings.heartbeat())
                .missedHeartbeatsLimit(4)
                .threads(settings.threads())
                // lock-and-fetch (SELECT ... FOR UPDATE SKIP LOCKED) scales across instances on PostgreSQL; no
                // priorities, so the pick orders by execution time alone (V30 dropped the priority index)
                .pollUsingLockAndFetch(0.5, 1.0)
                .enableImmediateExecution()
                // docker stop allows 10 s: running publishes get this long, the pool and PostgreSQL the rest; a
                // publish still running is handed back in "publishing" and revived like a crash on the next start
                .shutdownMaxWait(SHUTDOWN_WAIT)
                .statsRegistry(new EngineErrors(metrics))
                .build();
        this.alarm = new DueAlarm(sql, clock, scheduler::triggerCheckForDueExecutions);
        Gauge.builder("ail.targets.due.not.started", () -> safeCount(sql, clock))
                .description("scheduled targets whose time has come but that have not started").register(metrics);
    }

    /** A retry or reschedule that came while the run was ending is queued now (see PublishQueue.settle). */
    private static void settle(Sql sql, UUID workspaceId, UUID targetId) {
        try {
            PublishQueue.settle(sql, workspaceId, targetId);
        } catch (RuntimeException e) {
            log.warn("Could not re-queue a target after its run; the orphan sweep will", e);
        }
    }

    private static double safeCount(Sql sql, Clock clock) {
        try {
            return Targets.countDueNotStarted(sql, clock.instant().minusSeconds(5));
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "ail";
        }
    }

    public Engine start() {
        scheduler.start();
        alarm.start();
        return this;
    }

    @Override
    public void close() {
        alarm.close();
        scheduler.stop();
    }
}
