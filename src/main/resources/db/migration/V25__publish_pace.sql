-- Each account's publishing pace, shared by every instance (see store/PublishTurns): the time by which the account's
-- allowance is spent (a steadily refilling allowance, "theoretical arrival time"), moved on by one statement per take.
-- No person is named here: the row belongs to the account and goes with it.
create table account_publish_pace (
    account_id  uuid primary key references social_accounts (id) on delete cascade,
    spent_until timestamptz not null
);

-- A target waiting for its account's turn holds that turn: when it comes back at turn_at it goes without taking again.
alter table post_targets add column turn_at timestamptz;
