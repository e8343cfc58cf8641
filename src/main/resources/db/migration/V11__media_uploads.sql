-- What a platform already holds of a target's media: its id for each item, so a retry, a crash revival or the next
-- processing poll never uploads the item again. Rows live while the target is in flight and go with it.
create table media_uploads (
    id                 uuid primary key,
    workspace_id       uuid not null references workspaces (id) on delete cascade,
    target_id          uuid not null references post_targets (id) on delete cascade,
    position           int not null,
    source_hash        text not null,        -- SHA-256 of where the item came from: another item at this place is uploaded anew
    platform_media_id  text not null,
    ready              boolean not null,     -- false while the platform is still processing it
    name_enc           bytea not null,       -- the file name people know it by, for the upload-error message
    payload_enc        bytea,                -- what the post needs to attach it (a Bluesky blob and alt text, LinkedIn's alt text)
    uploaded_at        timestamptz not null,
    unique (target_id, position)
);
