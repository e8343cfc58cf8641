-- A webhook URL is a credential (Zapier, Slack and Discord hook URLs carry their secret in the path), so it is
-- kept encrypted like a token, bound to its row, and never shown whole.
alter table social_accounts add column endpoint_enc bytea;
