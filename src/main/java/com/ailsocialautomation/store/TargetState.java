package com.ailsocialautomation.store;

import java.util.Locale;

/**
 * Where one post stands with one account: scheduled → publishing → published | failed | unknown | cancelled
 * ({@code unknown}: the request may have gone out, so AIL cannot tell whether the platform posted it). Stored, shown
 * and exported as the lower-case word.
 */
public enum TargetState {
    SCHEDULED, PUBLISHING, PUBLISHED, FAILED, UNKNOWN, CANCELLED;

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
