-- The public link a media item was copied from, encrypted like its name (which a link usually contains); posts
-- accepted since media are copied keep no link in clear (posts.media_urls stays for posts from before).
alter table media_items add column source_url_enc bytea;
