-- Slack installations for distribution: Enterprise Grid org-wide installs, token rotation, and the organisation
-- a workspace belongs to (so a DM from the engine can find an org-wide installation's token).
alter table slack_installations add column is_enterprise_install boolean not null default false;
alter table slack_installations add column enterprise_name text;
alter table slack_installations add column bot_refresh_token_enc bytea;       -- token rotation: single-use refresh token
alter table slack_installations add column bot_token_expires_at timestamptz;   -- null: the token does not expire
alter table slack_installations add column updated_at timestamptz not null default now();
drop index slack_installations_team;
-- One installation per (enterprise, team, org-wide flag): an org-wide install has no team.
create unique index slack_installations_key
    on slack_installations (coalesce(enterprise_id, ''), coalesce(team_id, ''), is_enterprise_install);

create table slack_team_enterprises (
    team_id        text primary key,
    enterprise_id  text not null,
    seen_at        timestamptz not null default now()
);

