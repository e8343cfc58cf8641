-- Each publish updates its target three times (claimed, sent, its result). Nothing reads targets in publishing by
-- started_at (a dead run is found by db-scheduler's heartbeats), so that index only cost every claim an index entry.
drop index if exists post_targets_publishing;
-- Room on each page for a target's next version, so an update that changes no indexed column (the moment the
-- request leaves) stays on its page without new index entries.
alter table post_targets set (fillfactor = 90);
