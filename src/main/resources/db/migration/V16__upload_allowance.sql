-- Uploads counted against a platform's daily allowance for the operator's project (YouTube: videos.insert calls per
-- day, reset at midnight Pacific time). One row per platform, project and platform day, shared by every instance on
-- the database, so two instances never both take the last upload. Holds no personal data: a client id and counts.
create table upload_allowance_use (
    platform  text not null,
    project   text not null,   -- the operator's client id at the platform
    day       date not null,   -- the platform's own day (YouTube: in Pacific time)
    used      int not null check (used >= 0),
    primary key (platform, project, day)
);
