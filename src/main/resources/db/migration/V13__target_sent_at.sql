-- When the post request of a target's current attempt left (null: not yet, e.g. while its media were uploading).
-- A run that died before then posted nothing, so its revival can simply try again.
alter table post_targets add column sent_at timestamptz;
-- Targets in flight when this version came may have sent their request: they count as sent.
update post_targets set sent_at = coalesce(started_at, now()) where state = 'publishing';
