package com.ailsocialautomation.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try again: exponential (base × 2^(attempt-1), capped) with full jitter in its upper half, but never
 * before the platform's own reset time (Retry-After or rate-limit reset headers).
 */
public record Backoff(Duration base, Duration cap) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(15));

    public Instant next(Instant now, int attempt, Instant platformResetAt) {
        long exp = base.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
        long capped = Math.min(exp, cap.toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        Instant ours = now.plusMillis(jittered);
        return platformResetAt != null && platformResetAt.isAfter(ours) ? platformResetAt : ours;
    }
}
