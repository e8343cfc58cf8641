package com.ailsocialautomation.platform;

import java.time.Instant;

/**
 * A platform said no, or could not be reached. The kind decides what happens next:
 * TRANSIENT retries with backoff, RATE_LIMITED waits until {@code retryAt}, AUTH_EXPIRED refreshes or asks for a
 * reconnect, PERMANENT fails at once with the platform's own message. The message never contains a token.
 */
public final class PlatformError extends RuntimeException {
    public enum Kind { TRANSIENT, RATE_LIMITED, AUTH_EXPIRED, PERMANENT }

    private final Kind kind;
    private final int httpStatus;
    private final Instant retryAt;

    public PlatformError(Kind kind, int httpStatus, String platformMessage, Instant retryAt) {
        super(platformMessage, null, false, false);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAt = retryAt;
    }

    public Kind kind() {
        return kind;
    }

    /** 0 when no HTTP response was received. */
    public int httpStatus() {
        return httpStatus;
    }

    /** When a rate limit resets, or null. */
    public Instant retryAt() {
        return retryAt;
    }
}
