package com.ailsocialautomation.engine;

import java.time.Instant;

/** What db-scheduler should do with a target's execution: remove it, or run it again at {@code at}. */
public record Outcome(Instant at) {
    public static final Outcome DONE = new Outcome(null);

    public static Outcome retryAt(Instant at) {
        return new Outcome(at);
    }

    public boolean done() {
        return at == null;
    }
}
