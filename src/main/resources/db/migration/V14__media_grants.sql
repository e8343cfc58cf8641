-- Public media URLs (issue 19): platforms that fetch media by URL (Instagram, Threads) get
-- <AIL_PUBLIC_URL>/media/<token> for one copied item while a target publishes. Only the token's SHA-256 is kept,
-- so a database read gives no working link; rows go with their item, target or workspace.
create table media_grants (
    token_hash   bytea primary key,
    workspace_id uuid not null references workspaces (id) on delete cascade,
    item_id      uuid not null references media_items (id) on delete cascade,
    target_id    uuid references post_targets (id) on delete cascade, -- the target publishing it; null: none named
    expires_at   timestamptz not null,
    created_at   timestamptz not null default now()
);
create index media_grants_target on media_grants (target_id);
create index media_grants_item on media_grants (item_id);
create index media_grants_expiry on media_grants (expires_at);
