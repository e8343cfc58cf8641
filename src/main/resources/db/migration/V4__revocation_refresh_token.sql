-- A revocation retried later needs every token the platform revokes: X revokes the refresh token too, and
-- Bluesky ends an app-password session with its refresh token.
alter table pending_revocations alter column token_enc drop not null;
alter table pending_revocations add column refresh_token_enc bytea;
