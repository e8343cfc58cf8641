-- db-scheduler reads this index only when priority is enabled, and Engine does not enable it: its pick orders by
-- execution_time alone (execution_time_idx). The index only cost every queued target and every pick an entry.
-- Engine enabling priority (Scheduler.create(...).enablePriority()) needs it back.
drop index if exists priority_execution_time_idx;
