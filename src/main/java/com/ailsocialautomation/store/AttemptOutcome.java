package com.ailsocialautomation.store;

import java.util.Locale;

/** How one publishing attempt ended, as the publish log records it: stored and shown as the lower-case word. */
public enum AttemptOutcome {
    PUBLISHED, FAILED, UNKNOWN, TRANSIENT, RATE_LIMITED;

    /** published, failed, unknown, transient, rate-limited. */
    public String text() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return text();
    }

    static AttemptOutcome of(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
