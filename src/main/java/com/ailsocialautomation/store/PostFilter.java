package com.ailsocialautomation.store;

import java.util.Locale;

/** Which posts {@code /ail list} shows; typed as the lower-case word. */
public enum PostFilter {
    /** Still to go out (scheduled or publishing), soonest first. */
    UPCOMING,
    /** Every post, newest first. */
    RECENT,
    /** Failed or unknown on at least one account, newest first. */
    FAILED,
    /** The caller's own posts, newest first. */
    MINE;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PostFilter of(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
