package com.ailsocialautomation.store;

import java.util.Locale;

/**
 * A post's overall status, derived from its targets' states (never stored): a {@link TargetState} when all targets
 * agree, {@code partial} when some were published and others failed or are unknown. Shown and exported as the
 * lower-case word.
 */
public enum PostStatus {
    SCHEDULED, PUBLISHING, PUBLISHED, PARTIAL, FAILED, UNKNOWN, CANCELLED, DRAFT, PENDING_APPROVAL;

    /** The word people read. */
    public String text() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    @Override
    public String toString() {
        return text();
    }

    static PostStatus of(TargetState state) {
        return valueOf(state.name());
    }
}
