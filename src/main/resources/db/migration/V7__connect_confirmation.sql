-- A connect link is confirmed on a page before it is used (issue 13.1): the page names who asked for it, as they
-- were called in chat when they asked, so a person sent someone else's link can tell it is not theirs.
alter table connect_links add column requester_name text;

-- What a link connects besides the platform, for links whose secret is typed or shown on AIL's page instead of in
-- chat: a webhook's URL (a credential) or a Bluesky handle. Encrypted, bound to its row.
alter table connect_links add column detail_enc bytea;
