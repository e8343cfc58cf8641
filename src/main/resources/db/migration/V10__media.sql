-- Media copied when a post is accepted (issue 14): AIL publishes from its own copy, never from the source again.
-- An item's name and alt text are encrypted like every other user text; its bytes are stored as chunks, each
-- sealed by the vault with the item and the chunk's place as associated data, so no chunk opens elsewhere.
create table media_items (
    id            uuid primary key,
    workspace_id  uuid not null references workspaces (id) on delete cascade,
    post_id       uuid not null references posts (id) on delete cascade,
    position      int not null,
    file_name_enc bytea not null,
    media_type    text not null,
    size_bytes    bigint not null,
    width         int not null,
    height        int not null,
    duration_ms   bigint,
    alt_text_enc  bytea,
    origin        text not null,       -- link, chat_file or local_file
    chunk_count   int not null,
    created_at    timestamptz not null default now(),
    unique (post_id, position)
);
create index media_items_workspace on media_items (workspace_id);

create table media_chunks (
    item_id uuid not null references media_items (id) on delete cascade,
    seq     int not null,
    data    bytea not null,
    primary key (item_id, seq)
);
-- ciphertext does not compress: store it out of line without trying
alter table media_chunks alter column data set storage external;

-- How many media AIL copied for the post; null for a post accepted before copies existed, whose links are
-- fetched when it is due, as they were then.
alter table posts add column media_count int;
