package com.ailsocialautomation.store;

import java.util.Locale;

/**
 * Where one post stands with one account: scheduled → publishing → published | failed | unknown | cancelled
 * ({@code unknown}: the request may have gone out, so AIL cannot tell whether the platform posted it). A
 * {@code draft} is saved without a time: it has no queued execution and the engine never publishes it; scheduling
 * or posting it makes its targets {@code scheduled}. A post to an account whose posting needs approval waits in
 * {@code pending approval} until an approver decides; the engine claims only {@code scheduled} targets, so it never
 * publishes one that waits. Shown and exported as the lower-case words ("pending approval"), stored with an
 * underscore for a space ({@link #stored}).
 */
public enum TargetState {
    SCHEDULED, PUBLISHING, PUBLISHED, FAILED, UNKNOWN, CANCELLED, DRAFT, PENDING_APPROVAL;

    /** The words people read. */
    public String text() {
        return stored().replace('_', ' ');
    }

    /** The word the database stores (its state check lists these). */
    public String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return text();
    }

    static TargetState of(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT).replace(' ', '_'));
    }
}
