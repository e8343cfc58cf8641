-- AIL schema. Every table that holds workspace data carries workspace_id, and every query on it is scoped by it.
-- Columns ending in _enc hold Tink AES-256-GCM ciphertexts whose associated data names table, column and row id.

create table vault_keyset (
    id          int primary key check (id = 1),
    keyset      bytea not null,            -- Tink keyset, itself encrypted under the master key
    updated_at  timestamptz not null default now()
);

create table workspaces (
    id           uuid primary key,
    front_end    text not null check (front_end in ('slack', 'discord', 'console')),
    external_id  text not null,            -- Slack team id, Discord guild id (or a user's DM scope), 'console'
    name         text,
    created_at   timestamptz not null default now(),
    unique (front_end, external_id)
);

create table chat_users (
    id            uuid primary key,
    workspace_id  uuid not null references workspaces (id) on delete cascade,
    external_id   text not null,           -- Slack user id, Discord user id, 'local'
    display_name  text,
    time_zone     text,                    -- IANA zone chosen with `timezone`; null: the front end's default
    notify_success boolean not null default false,
    created_at    timestamptz not null default now(),
    unique (workspace_id, external_id)
);

create table social_accounts (
    id               uuid primary key,
    workspace_id     uuid not null references workspaces (id) on delete cascade,
    short_id         text not null,
    platform         text not null,
    external_id      text not null,        -- the platform's account id (Mastodon id, DID, X user id, webhook URL hash)
    handle           text,
    display_name     text,
    avatar_url       text,
    instance_url     text,                 -- Mastodon instance, Bluesky PDS, webhook URL
    scopes           text,
    max_characters   int,                  -- the instance's own text limit (Mastodon), null: the platform default
    access_token_enc bytea,
    refresh_token_enc bytea,
    token_expires_at timestamptz,
    refresh_expires_at timestamptz,
    status           text not null default 'active' check (status in ('active', 'needs_reconnect')),
    owner_user_id    uuid references chat_users (id) on delete set null,
    reconnect_notified_at timestamptz,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    unique (workspace_id, short_id),
    unique (workspace_id, platform, instance_url, external_id)
);
create index social_accounts_owner on social_accounts (owner_user_id);

-- Per-instance OAuth app registrations (Mastodon registers one app per instance and reuses it).
create table oauth_apps (
    id                uuid primary key,
    platform          text not null,
    instance_url      text not null,
    redirect_uri      text not null,
    client_id         text not null,
    client_secret_enc bytea not null,
    created_at        timestamptz not null default now(),
    unique (platform, instance_url, redirect_uri)
);

-- The one-time link that `connect` hands out, and then the OAuth state that `start` creates from it.
create table connect_links (
    id            uuid primary key,
    token_hash    bytea not null unique,   -- SHA-256 of the link token; the token itself is never stored
    workspace_id  uuid not null references workspaces (id) on delete cascade,
    user_id       uuid not null references chat_users (id) on delete cascade,
    platform      text not null,
    instance_url  text,
    created_at    timestamptz not null default now(),
    expires_at    timestamptz not null,
    used_at       timestamptz
);
create index connect_links_user on connect_links (user_id);

create table oauth_states (
    id               uuid primary key,
    state_hash       bytea not null unique, -- SHA-256 of the state; the state itself is never stored
    workspace_id     uuid not null references workspaces (id) on delete cascade,
    user_id          uuid not null references chat_users (id) on delete cascade,
    platform         text not null,
    instance_url     text,
    pkce_verifier_enc bytea,
    created_at       timestamptz not null default now(),
    expires_at       timestamptz not null,
    used_at          timestamptz
);
create index oauth_states_user on oauth_states (user_id);

-- IP address and User-Agent recorded at an OAuth callback (privacy policy clause 1, "technical data").
create table technical_data (
    id            uuid primary key,
    workspace_id  uuid references workspaces (id) on delete cascade,
    user_id       uuid references chat_users (id) on delete cascade,
    kind          text not null,
    ip_address    text,
    user_agent    text,
    created_at    timestamptz not null default now()
);
create index technical_data_created on technical_data (created_at);
create index technical_data_user on technical_data (user_id);

create table posts (
    id              uuid primary key,
    workspace_id    uuid not null references workspaces (id) on delete cascade,
    short_id        text not null,
    author_user_id  uuid not null references chat_users (id) on delete cascade,
    text            text not null,
    media_urls      text[] not null default '{}',
    scheduled_at    timestamptz not null,
    origin          text,                  -- where the post was made, so the reply there can be updated (front-end specific)
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    unique (workspace_id, short_id)
);
create index posts_author on posts (author_user_id);
create index posts_workspace_time on posts (workspace_id, scheduled_at desc);

create table post_targets (
    id               uuid primary key,
    post_id          uuid not null references posts (id) on delete cascade,
    workspace_id     uuid not null references workspaces (id) on delete cascade,
    account_id       uuid references social_accounts (id) on delete set null,
    platform         text not null,
    account_label    text,                 -- handle as it was when the post was made, for display after a disconnect
    state            text not null check (state in ('scheduled', 'publishing', 'published', 'failed', 'unknown', 'cancelled')),
    due_at           timestamptz not null,
    attempts         int not null default 0,
    idempotency_key  uuid not null,
    external_id      text,
    url              text,
    error            text,
    started_at       timestamptz,
    finished_at      timestamptz,
    updated_at       timestamptz not null default now()
);
create index post_targets_post on post_targets (post_id);
-- The due-work query and the "due but not started" gauge read only scheduled targets by due time.
create index post_targets_due on post_targets (due_at) where state = 'scheduled';
-- Crash recovery reads only targets left in publishing.
create index post_targets_publishing on post_targets (started_at) where state = 'publishing';

create table publish_attempts (
    id            uuid primary key,
    target_id     uuid not null references post_targets (id) on delete cascade,
    workspace_id  uuid not null references workspaces (id) on delete cascade,
    started_at    timestamptz not null,
    duration_ms   int not null,
    http_status   int,
    outcome       text not null,
    message_enc   bytea
);
create index publish_attempts_target on publish_attempts (target_id);
create index publish_attempts_started on publish_attempts (started_at);

-- The notification outbox: one row per event (event_key is unique, so retries and other instances cannot send twice),
-- sent and retried by the notification sender while it respects the chat platform's rate limits.
create table notifications (
    id              uuid primary key,
    workspace_id    uuid not null references workspaces (id) on delete cascade,
    user_id         uuid not null references chat_users (id) on delete cascade,
    event_key       text not null unique,
    payload         text not null,          -- the neutral Reply as JSON
    origin          text,                   -- the original reply to update too, or null
    direct          boolean not null default true, -- false: only the original reply is updated, no DM
    created_at      timestamptz not null default now(),
    attempts        int not null default 0,
    next_attempt_at timestamptz not null default now(),
    sent_at         timestamptz
);
create index notifications_unsent on notifications (next_attempt_at) where sent_at is null;
create index notifications_user on notifications (user_id);

-- Tokens whose revocation at the platform failed during an erasure; retried later, never blocking the erasure.
create table pending_revocations (
    id             uuid primary key,
    platform       text not null,
    instance_url   text,
    token_enc      bytea not null,
    attempts       int not null default 0,
    next_attempt_at timestamptz not null default now(),
    created_at     timestamptz not null default now()
);

create table slack_installations (
    id                 uuid primary key,
    enterprise_id      text,
    team_id            text,
    team_name          text,
    app_id             text,
    bot_id             text,
    bot_user_id        text,
    bot_scopes         text,
    bot_token_enc      bytea,
    installer_user_id  text,
    user_token_enc     bytea,
    installed_at       timestamptz not null default now()
);
create unique index slack_installations_team on slack_installations (coalesce(enterprise_id, ''), coalesce(team_id, ''));

create table slack_oauth_states (
    state       text primary key,
    expires_at  timestamptz not null
);

-- Slack retries events; each event_id is handled once.
create table processed_events (
    event_id    text primary key,
    received_at timestamptz not null default now()
);

-- What remains after an erasure: no personal data, only a salted hash of who and the counts erased.
create table audit_records (
    id            uuid primary key,
    action        text not null,
    subject_hash  text not null,
    counts        text not null,
    created_at    timestamptz not null default now()
);

create table audit_salt (
    id    int primary key check (id = 1),
    salt  bytea not null
);

-- db-scheduler's table (https://github.com/kagkarlsson/db-scheduler, postgresql_tables.sql).
create table scheduled_tasks (
    task_name            text not null,
    task_instance        text not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
