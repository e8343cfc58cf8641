package com.ailsocialautomation.platform;

/** How a person connects an account of a platform. */
public enum ConnectMethod {
    /** A consent page in the browser: the operator's app (X, LinkedIn) or one registered per instance (Mastodon). */
    OAUTH,
    /** A handle and an app password typed into a form (Bluesky); the password is used once and never stored. */
    APP_PASSWORD,
    /** An HTTPS address AIL calls (webhook). */
    URL
}
