package com.ailsocialautomation.platform;

/**
 * What a reply answers: the post right before it ({@code parent}) and the first post of its thread ({@code root}),
 * as the platform named them when they were published. For the second part of a thread both are the first part.
 * X, Mastodon and Threads name the parent alone; Bluesky names both, each with its record's cid.
 */
public record ReplyTo(Published root, Published parent) {
    public ReplyTo {
        if (root == null || parent == null || root.externalId() == null || parent.externalId() == null) {
            throw new IllegalArgumentException("a reply answers published posts with ids");
        }
    }

    /** A reply to a post that is its own thread's root (a first comment, the second part). */
    public static ReplyTo post(Published post) {
        return new ReplyTo(post, post);
    }
}
