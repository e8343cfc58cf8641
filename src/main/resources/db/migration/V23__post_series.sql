-- Recurring posts: a series makes one ordinary post (an occurrence) at a time, the next one once the last one's
-- time has come, through the same acceptance path as any post. Its texts (several for an evergreen series, used in
-- turn) and the options its posts are made with (to:, media: links, per-platform options) are the author's words:
-- encrypted. Erased with the author (forget-me) and with the workspace.
create table post_series (
    id             uuid primary key,
    workspace_id   uuid not null references workspaces (id) on delete cascade,
    short_id       text not null,
    author_user_id uuid not null references chat_users (id) on delete cascade,
    weekdays       smallint[] not null,          -- ISO: 1 Monday … 7 Sunday
    time_of_day    time not null,
    time_zone      text not null,                -- IANA zone the time is read in (the author's at creation)
    until_at       timestamptz,                  -- no occurrence after this (until:)
    max_times      int,                          -- at most this many occurrences (times:)
    made           int not null default 0,       -- occurrences made so far
    last_at        timestamptz,                  -- the time of the last occurrence made
    next_at        timestamptz,                  -- the time of the next occurrence to make; null once ended
    state          text not null check (state in ('active', 'ended', 'cancelled')),
    texts_enc      bytea not null,               -- JSON array of texts
    options_enc    bytea not null,               -- JSON object: option key → values, as typed
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    unique (workspace_id, short_id)
);
create index post_series_due on post_series (last_at) where state = 'active';

-- The series an occurrence belongs to (null for every other post).
alter table posts add column series_id uuid references post_series (id) on delete set null;
create index posts_series on posts (series_id) where series_id is not null;
