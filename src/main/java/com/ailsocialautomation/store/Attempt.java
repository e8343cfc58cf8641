package com.ailsocialautomation.store;

import java.time.Instant;
import java.util.UUID;

/** One publishing attempt of a target: when, how long, the HTTP status and the platform's message. */
public record Attempt(UUID id, UUID targetId, Instant startedAt, int durationMs, Integer httpStatus, AttemptOutcome outcome,
                      String message) {}
