package com.ailsocialautomation.platform;

/** The account behind a set of credentials. */
public record Profile(String accountId, String handle, String displayName, String avatarUrl, String url) {}
