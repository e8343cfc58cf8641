package com.ailsocialautomation.store;

import java.time.Instant;
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
     * Re-queues scheduled targets that have no execution (a retry that raced with the end of the previous run).
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
