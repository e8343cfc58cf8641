package com.ailsocialautomation.platform;

/**
 * A published post: the platform's id for it and a link people can open (null if the platform gives none), and what
 * people should know when there is no link yet (TikTok links a video only once it is public), or null.
 */
public record Published(String externalId, String url, int httpStatus, String note) {
    public Published(String externalId, String url, int httpStatus) {
        this(externalId, url, httpStatus, null);
    }
}
