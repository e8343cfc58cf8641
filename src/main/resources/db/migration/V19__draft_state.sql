-- A draft is a post saved without a time (#21): its targets wait in state 'draft', with no queued execution, until
-- it is scheduled or posted. The check lists every state, including 'pending_approval' (the approval flow's), so the
-- order in which this session's migrations run cannot drop either word.
alter table post_targets drop constraint if exists post_targets_state_check;
alter table post_targets add constraint post_targets_state_check check (state in
    ('scheduled', 'publishing', 'published', 'failed', 'unknown', 'cancelled', 'draft', 'pending_approval'));
