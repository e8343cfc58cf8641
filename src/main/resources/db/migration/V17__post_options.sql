-- A post's per-platform options (title:, privacy:, tags:, allow:, disclose:) as JSON, encrypted: a title and tags
-- are the person's words. Null for a post without options (and every post from before).
alter table posts add column options_enc bytea;
