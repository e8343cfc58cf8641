package com.ailsocialautomation.notify;

import java.time.Instant;

/** A message could not be delivered now; {@code retryAt} is when to try again (from Retry-After), or null. */
public final class DeliveryError extends RuntimeException {
    private final Instant retryAt;
    private final boolean permanent;

    public DeliveryError(String message, Instant retryAt, boolean permanent) {
        super(message, null, false, false);
        this.retryAt = retryAt;
        this.permanent = permanent;
    }

    public Instant retryAt() {
        return retryAt;
    }

    /** The recipient can never be reached (user gone); the message is dropped and logged. */
    public boolean permanent() {
        return permanent;
    }
}
