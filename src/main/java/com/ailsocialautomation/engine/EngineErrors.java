package com.ailsocialautomation.engine;

import com.github.kagkarlsson.scheduler.stats.StatsRegistry;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Locale;

/**
 * What went wrong inside the scheduler, counted as {@code ail.engine.errors{kind}} for an operator's alert: a run that
 * threw (a publish or a recurring job: {@code run_failed}), a completion or failure handler that threw, an unexpected
 * error in the scheduler itself or heartbeats failing again and again, and an execution found dead (its instance
 * stopped mid-run; the publisher then revives it). None of these happens in normal operation but the last, after a crash.
 */
final class EngineErrors implements StatsRegistry {
    static final String METER = "ail.engine.errors";
    private final MeterRegistry metrics;

    EngineErrors(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    @Override
    public void register(SchedulerStatsEvent e) {
        switch (e) {
            case UNEXPECTED_ERROR, FAILED_MULTIPLE_HEARTBEATS, COMPLETIONHANDLER_ERROR, FAILUREHANDLER_ERROR,
                 DEAD_EXECUTION, UNRESOLVED_TASK -> count(e.name());
            // the scheduler's own rounds are not errors, nor is one missed heartbeat: a publish that ends removes its
            // execution with its result (Targets#published), so a heartbeat due in that instant finds no row
            default -> { }
        }
    }

    @Override
    public void register(CandidateStatsEvent e) {}

    @Override
    public void register(ExecutionStatsEvent e) {
        if (e == ExecutionStatsEvent.FAILED) {
            count("run_failed");
        }
    }

    @Override
    public void registerSingleCompletedExecution(ExecutionComplete completed) {}

    private void count(String kind) {
        metrics.counter(METER, "kind", kind.toLowerCase(Locale.ROOT)).increment();
    }
}
