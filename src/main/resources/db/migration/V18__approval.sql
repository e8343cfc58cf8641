-- #21 who may post to an account, and approval. A target that waits for an approver is 'pending_approval' (V19's
-- state check lists it); the engine claims only 'scheduled' targets, so it never publishes one.

-- Who may post to an account: anyone in the workspace, anyone but with an approver's yes, or only its owner and admins.
alter table social_accounts add column posting text not null default 'anyone'
    check (posting in ('anyone', 'approval', 'owner-and-admins'));

-- The people who approve posts to an account; none listed: the workspace's admins.
create table account_approvers (
    account_id    uuid not null references social_accounts (id) on delete cascade,
    workspace_id  uuid not null references workspaces (id) on delete cascade,
    user_id       uuid not null references chat_users (id) on delete cascade,
    created_at    timestamptz not null default now(),
    primary key (account_id, user_id)
);
create index account_approvers_user on account_approvers (user_id);

-- Whether the person was a workspace admin the last time the chat platform said so: the default approvers are
-- asked by DM, and a Discord button pressed in a DM cannot ask the server.
alter table chat_users add column admin boolean not null default false;

-- Each request for approval (acceptance, an edit after one) is a new round: its DMs are sent once, and a button of
-- an older round no longer decides.
alter table posts add column approval_round int not null default 0;

-- The decisions on a post, one per round: who, when, what, and the note to the author (encrypted: their words).
create table post_decisions (
    id               uuid primary key,
    post_id          uuid not null references posts (id) on delete cascade,
    workspace_id     uuid not null references workspaces (id) on delete cascade,
    round            int not null,
    decider_user_id  uuid not null references chat_users (id) on delete cascade,
    decision         text not null check (decision in ('approved', 'changes requested', 'rejected')),
    note_enc         bytea,
    decided_at       timestamptz not null default now(),
    unique (post_id, round)
);
create index post_decisions_decider on post_decisions (decider_user_id);
