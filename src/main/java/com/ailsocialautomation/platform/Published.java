package com.ailsocialautomation.platform;

/** A published post: the platform's id for it and a link people can open (null if the platform gives none). */
public record Published(String externalId, String url, int httpStatus) {}
