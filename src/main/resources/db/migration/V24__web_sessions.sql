-- The web calendar's sign-in sessions (issue 22). The browser holds a random token in an HttpOnly cookie; only its
-- SHA-256 is kept here, one row per workspace the person may see with it. A row goes with its person or workspace
-- (on delete cascade backs up the owners' erasure) and is purged once expired.
create table web_sessions (
    token_hash   bytea       not null,
    workspace_id uuid        not null references workspaces (id) on delete cascade,
    user_id      uuid        not null references chat_users (id) on delete cascade,
    admin        boolean     not null,
    time_zone    text,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    primary key (token_hash, workspace_id)
);
create index web_sessions_user on web_sessions (user_id);
create index web_sessions_expiry on web_sessions (expires_at);
