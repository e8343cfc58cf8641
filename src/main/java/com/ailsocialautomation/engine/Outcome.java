package com.ailsocialautomation.engine;

import java.time.Instant;

/**
 * What db-scheduler should do with a target's execution: remove it, or run it again at {@code at}. {@code published}:
 * removed because the target is recorded published, a state nothing moves back to scheduled, so no retry or reschedule
 * can have come while it ran (see PublishQueue.settle) and its execution is simply removed.
 */
public record Outcome(Instant at, boolean published) {
    public static final Outcome DONE = new Outcome(null, false);
    public static final Outcome PUBLISHED = new Outcome(null, true);

    public static Outcome retryAt(Instant at) {
        return new Outcome(at, false);
    }

    public boolean done() {
        return at == null;
    }
}
