package com.ailsocialautomation.platform;

import java.time.Instant;

/**
 * A platform said no, or could not be reached. The kind decides what happens next:
 * TRANSIENT retries with backoff, RATE_LIMITED waits until {@code retryAt}, AUTH_EXPIRED refreshes or asks for a
 * reconnect, PERMANENT fails at once with the platform's own message. The message never contains a token.
 * {@link #mayHaveArrived} tells a failure before the request left (safe to repeat) from a lost answer.
 */
public final class PlatformError extends RuntimeException {
    public enum Kind { TRANSIENT, RATE_LIMITED, AUTH_EXPIRED, PERMANENT }

    private final Kind kind;
    private final int httpStatus;
    private final Instant retryAt;
    private final boolean mayHaveArrived;
    private final boolean allowanceUsedUp;

    /** An answer from the platform, or a failure before the request left. A 5xx may have been acted on. */
    public PlatformError(Kind kind, int httpStatus, String platformMessage, Instant retryAt) {
        this(kind, httpStatus, platformMessage, retryAt, httpStatus >= 500, false);
    }

    private PlatformError(Kind kind, int httpStatus, String platformMessage, Instant retryAt, boolean mayHaveArrived,
                          boolean allowanceUsedUp) {
        super(platformMessage, null, false, false);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAt = retryAt;
        this.mayHaveArrived = mayHaveArrived;
        this.allowanceUsedUp = allowanceUsedUp;
    }

    /**
     * The platform says the operator's {@link DailyAllowance} is used up before AIL's count does (another program
     * shares the project): RATE_LIMITED until {@code resetAt}, and the engine counts the day as used up. Also an
     * allowance the platform counts per account and a provider checks before publishing (Instagram's and Threads' posts
     * a day): the target is held until {@code resetAt}, not failed, and the attempt does not count.
     */
    public static PlatformError allowanceUsedUp(int httpStatus, String message, Instant resetAt) {
        return new PlatformError(Kind.RATE_LIMITED, httpStatus, message, resetAt, false, true);
    }

    /** See {@link #allowanceUsedUp(int, String, Instant)}. */
    public boolean isAllowanceUsedUp() {
        return allowanceUsedUp;
    }

    /**
     * A failure the provider knows cannot have published anything although the request may have reached the platform
     * (a step before the one that posts), so repeating it is safe.
     */
    public static PlatformError nothingPosted(PlatformError e) {
        return e.mayHaveArrived ? new PlatformError(e.kind, e.httpStatus, e.getMessage(), e.retryAt, false, e.allowanceUsedUp) : e;
    }

    /** The same failure told with {@code message} (the engine names which part of a thread it concerns). */
    public PlatformError withMessage(String message) {
        return new PlatformError(kind, httpStatus, message, retryAt, mayHaveArrived, allowanceUsedUp);
    }

    /**
     * The request went out and no answer came back (a read timeout, a dropped connection): TRANSIENT, but the
     * platform may have acted on it.
     */
    public static PlatformError answerLost(String message) {
        return new PlatformError(Kind.TRANSIENT, 0, message, null, true, false);
    }

    /**
     * Whether the platform may have acted on the request although it did not say so: a lost answer or a 5xx.
     * Repeating such a request can post twice unless the platform honours an idempotency key.
     */
    public boolean mayHaveArrived() {
        return mayHaveArrived;
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
