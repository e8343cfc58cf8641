-- Privacy: the confirmation that forget-me asks for, and indexes for the retention purge.

-- `/ail forget-me` answers with a button carrying a one-time token. Only its SHA-256 is stored, bound to the
-- user who asked; it is deleted when used, when it expires, or with the user.
create table erasure_confirmations (
    token_hash    bytea primary key,
    workspace_id  uuid not null references workspaces (id) on delete cascade,
    user_id       uuid not null references chat_users (id) on delete cascade,
    expires_at    timestamptz not null,
    created_at    timestamptz not null default now()
);
create index erasure_confirmations_user on erasure_confirmations (user_id);
create index erasure_confirmations_expires on erasure_confirmations (expires_at);

-- The retention purge deletes by age in batches; these let each batch find its rows without a full scan.
create index notifications_sent on notifications (sent_at) where sent_at is not null;
create index processed_events_received on processed_events (received_at);
create index connect_links_expires on connect_links (expires_at);
create index oauth_states_expires on oauth_states (expires_at);
