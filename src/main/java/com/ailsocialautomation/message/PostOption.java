package com.ailsocialautomation.message;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The per-platform post options, by the key people type ({@code title:}). The command table declares them for
 * post, schedule and edit; which platforms use each (and which privacy values they take) is declared once per
 * platform in the registry, {@code platform.Platform}; {@link PostOptions} holds a post's values.
 */
public enum PostOption {
    TITLE("title"), PRIVACY("privacy"), TAGS("tags"), ALLOW("allow"), DISCLOSE("disclose"),
    /** A first comment (a reply, on X, Bluesky and Mastodon) published right after the post. */
    COMMENT("comment");

    private final String key;

    PostOption(String key) {
        this.key = key;
    }

    /** What a person types before the colon. */
    public String key() {
        return key;
    }

    public static Optional<PostOption> find(String key) {
        String k = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(o -> o.key.equals(k)).findFirst();
    }

    @Override
    public String toString() {
        return key + ":";
    }
}
