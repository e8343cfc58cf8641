-- The OAuth connect flow (issue 4).

-- The browser that opened the one-time link must be the one that comes back to the callback, so that nobody can hand
-- someone else an authorize link and collect their account: start sets a cookie, the state keeps only its SHA-256.
alter table oauth_states add column browser_hash bytea;

-- A Mastodon app may only ask for the scopes it was registered with; servers older than 4.3 lack `profile`.
alter table oauth_apps add column scopes text;
