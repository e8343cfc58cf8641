-- An account's pace is kept per kind of request its platform limits separately: the posts it creates (thread parts
-- and first comments included) and, where the platform counts them apart, its media uploads (Mastodon: 30 in 30
-- minutes). Existing rows are the posts' pace.
alter table account_publish_pace add column kind text not null default 'posts' check (kind in ('posts', 'media'));
alter table account_publish_pace alter column kind drop default;
alter table account_publish_pace drop constraint account_publish_pace_pkey;
alter table account_publish_pace add primary key (account_id, kind);
