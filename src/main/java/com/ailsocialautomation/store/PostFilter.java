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
    /** The caller's own posts, newest first (drafts aside). */
    MINE,
    /** Posts saved as drafts, last changed first: the caller's, or the workspace's for an admin. */
    DRAFTS,
    /** Waiting for an approver's decision in their current round, soonest first (the caller's own are narrowed to those they approve). */
    WAITING;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PostFilter of(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
