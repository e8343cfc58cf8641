package com.ailsocialautomation.platform;

/**
 * A published post: the platform's id for it and a link people can open (null if the platform gives none), and what
 * people should know when there is no link yet (TikTok links a video only once it is public), or null.
 * {@code cid}: what a reply must name beside the id where the platform asks for it (Bluesky's record cid, a hash of
 * the record's content), else null.
 */
public record Published(String externalId, String url, int httpStatus, String note, String cid) {
    public Published(String externalId, String url, int httpStatus, String note) {
        this(externalId, url, httpStatus, note, null);
    }

    public Published(String externalId, String url, int httpStatus) {
        this(externalId, url, httpStatus, null, null);
    }

    /** The same post with {@code note} for people. */
    public Published noting(String note) {
        return new Published(externalId, url, httpStatus, note, cid);
    }
}
