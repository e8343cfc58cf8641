package com.ailsocialautomation.store;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Puts targets on db-scheduler's queue (its {@code scheduled_tasks} table) inside the caller's transaction, so a
 * post and its scheduled executions are committed together: no post can exist without the work that publishes it.
 * The engine's task reads the instance id back as {@code workspaceId/targetId}.
 */
public final class PublishQueue {
    public static final String TASK_NAME = "publish-target";

    private PublishQueue() {}

    public static String instanceId(UUID workspaceId, UUID targetId) {
        return workspaceId + "/" + targetId;
    }

    /** Schedules (or moves, if not yet picked) the target's execution to {@code due}. */
    public static void enqueue(Sql tx, UUID workspaceId, UUID targetId, Instant due) {
        tx.update("""
                insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)
                values (?, ?, null, ?, false, 1)
                on conflict (task_name, task_instance) do update set execution_time = excluded.execution_time
                where scheduled_tasks.picked = false""", TASK_NAME, instanceId(workspaceId, targetId), due);
    }

    /**
     * Removes targets' running (picked) executions, for a statement that records the targets finished for good, so each
     * result and the end of its execution commit together and the engine writes nothing after it. The statement names
     * the finished targets' instance ids ({@link #instanceId}) as {@code done(instance)}; the parameter is the task name.
     */
    static final String REMOVE_RUNNING = """
            delete from scheduled_tasks s using done where s.task_name = ? and s.task_instance = done.instance and s.picked""";

    /**
     * Makes the target's execution match the target after a run of it has ended (its row removed or rescheduled):
     * a scheduled target gets an execution due at its {@code due_at}, unless one is already picked. A retry or
     * reschedule committed while the run was still going found the run's row picked and left it alone; this is
     * what puts that work on the queue. It cannot be lost in between: {@code enqueue}'s conflict clause locks the
     * picked row, so the run's removal waits for the retry to commit and this statement, run after the removal,
     * sees the retry; a retry that comes after the removal inserts its own row. A target in any other state is
     * left alone, so this never adds a run.
     */
    public static void settle(Sql sql, UUID workspaceId, UUID targetId) {
        sql.update(SETTLE, TASK_NAME, instanceId(workspaceId, targetId), workspaceId, targetId);
    }

    /**
     * {@link #settle}'s statement: its parameters are the task, the execution, the workspace and the target. Every run
     * that waits (its platform's turn, its account's pace, a retry) ends with it, so it finds the target by its key
     * whatever the statistics say: see Targets#claim for why the state test reads {@code is true}.
     */
    static final String SETTLE = """
            insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)
            select ?, ?, null, t.due_at, false, 1 from post_targets t
            where t.workspace_id = ? and t.id = ? and (t.state = 'scheduled') is true
            on conflict (task_name, task_instance) do update set execution_time = excluded.execution_time
            where scheduled_tasks.picked = false""";

    /**
     * The earliest time after {@code after}, up to {@code until}, at which an execution that is not picked falls due
     * (any task, publishing or recurring): the engine's alarm wakes the scheduler then.
     */
    public static Optional<Instant> nextDue(Sql sql, Instant after, Instant until) {
        return sql.one("""
                select execution_time from scheduled_tasks where execution_time > ? and execution_time <= ? and picked = false
                order by execution_time limit 1""", rs -> Sql.instant(rs, "execution_time"), after, until);
    }

    /**
     * Re-queues scheduled targets that have no execution (a backstop: an execution removed by hand, or a
     * {@link #settle} that failed).
     * Returns how many were re-queued.
     */
    public static int requeueOrphans(Sql sql) {
        return sql.update("""
                insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)
                select ?, t.workspace_id || '/' || t.id, null, t.due_at, false, 1 from post_targets t
                where t.state = 'scheduled' and not exists (select 1 from scheduled_tasks s
                    where s.task_name = ? and s.task_instance = t.workspace_id || '/' || t.id)
                on conflict do nothing""", TASK_NAME, TASK_NAME);
    }
}
