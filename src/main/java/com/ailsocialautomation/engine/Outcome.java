package com.ailsocialautomation.engine;

import java.time.Instant;

/**
 * What db-scheduler should do with a target's execution: remove it, or run it again at {@code at}. {@code published}:
 * the target is recorded published, and its execution was removed with that record (Targets#published): nothing is
 * left to do, as nothing moves a published target back to scheduled.
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
