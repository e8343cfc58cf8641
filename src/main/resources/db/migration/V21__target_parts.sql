-- What of a target is already live when it is published in several requests: each part of a thread (in order,
-- each a reply to the one before) and its first comment, with the platform's id, link and, on Bluesky, the record's
-- cid that a reply must name. Written as each part is published, so a retry, a crash revival or another instance
-- resumes at the next part and never posts one twice. Ids and links only: the words are the post's own (encrypted
-- there). Rows go with their target.
create table target_parts (
    workspace_id  uuid not null references workspaces (id) on delete cascade,
    target_id     uuid not null references post_targets (id) on delete cascade,
    kind          text not null check (kind in ('part', 'comment')),
    number        int not null check (number >= 1),
    external_id   text,
    url           text,
    cid           text,
    published_at  timestamptz not null,
    primary key (target_id, kind, number)
);
create index target_parts_workspace on target_parts (workspace_id);
