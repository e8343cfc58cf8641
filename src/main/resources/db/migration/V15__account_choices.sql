-- A connection that can act for several accounts (Facebook Pages, Instagram accounts, LinkedIn organizations): after
-- the consent page the person chooses which to connect. What they may choose from, with each one's tokens, waits on
-- the used OAuth state, encrypted, for one POST from the same browser carrying a one-time token (only its SHA-256 is
-- stored); the choice wipes it.
alter table oauth_states add column choice_hash bytea unique;
alter table oauth_states add column choices_enc bytea;
alter table oauth_states add column chosen_at timestamptz;

-- The person at the platform whose grant an account acts through (Meta's app-scoped user id for a Page or an
-- Instagram account): revoking that grant, or Meta's deauthorize and data-deletion callbacks, end every account
-- connected through it.
alter table social_accounts add column grantor_id text;
create index social_accounts_grantor on social_accounts (grantor_id) where grantor_id is not null;
