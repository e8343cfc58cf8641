package com.ailsocialautomation.store;

import java.util.Locale;

/** Whether a connected account can publish, or its owner must connect it again. Stored as active, needs_reconnect. */
public enum AccountStatus {
    ACTIVE, NEEDS_RECONNECT;

    /** As stored and exported: active, needs_reconnect. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return text();
    }

    static AccountStatus of(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
