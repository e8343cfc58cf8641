-- An account's queue: weekly times at which `post queue:yes` publishes, each read on the clocks of the zone it was
-- added in. Whether a slot is taken is not stored: a slot is taken by any target of the account that is due then
-- and not cancelled, so cancelling, removing or rescheduling a post frees its slot without a second record.
-- No person is named here: the slots belong to the account and go with it.
create table queue_slots (
    id            uuid primary key,
    workspace_id  uuid not null references workspaces (id) on delete cascade,
    account_id    uuid not null references social_accounts (id) on delete cascade,
    weekday       smallint not null check (weekday between 1 and 7),   -- ISO: 1 Monday … 7 Sunday
    time_of_day   time not null,
    time_zone     text not null,                                       -- IANA zone the time is read in
    created_at    timestamptz not null default now(),
    unique (account_id, weekday, time_of_day)
);
create index queue_slots_workspace on queue_slots (workspace_id);
