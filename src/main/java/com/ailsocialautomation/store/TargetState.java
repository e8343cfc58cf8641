package com.ailsocialautomation.store;

import java.util.Locale;

/**
 * Where one post stands with one account: scheduled → publishing → published | failed | unknown | cancelled
 * ({@code unknown}: the request may have gone out, so AIL cannot tell whether the platform posted it). A
 * {@code draft} is saved without a time: it has no queued execution and the engine never publishes it; scheduling
 * or posting it makes its targets {@code scheduled}. Stored, shown and exported as the lower-case word.
 */
public enum TargetState {
    SCHEDULED, PUBLISHING, PUBLISHED, FAILED, UNKNOWN, CANCELLED, DRAFT;

    /** The word people read and the database stores. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return text();
    }

    static TargetState of(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
