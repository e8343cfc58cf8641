package com.ailsocialautomation.store;

import java.util.Locale;

/** Where a series stands: making occurrences, ended by its until: or times:, or cancelled. */
public enum SeriesState {
    ACTIVE, ENDED, CANCELLED;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SeriesState of(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
