package com.ailsocialautomation.store;

import java.util.Locale;

/** What a recorded piece of a target is: a part of its thread, or the first comment published after the post. */
public enum PartKind {
    PART, COMMENT;

    /** The word the database stores. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    static PartKind of(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
