package com.ailsocialautomation.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * How many uploads a platform allows the operator's project per day, and where its day ends: YouTube allows 100
 * videos.insert calls per project (its OAuth client) and resets at midnight Pacific time.
 *
 * @param project  the operator's project at the platform (its client id): instances sharing it share the allowance
 * @param perDay   uploads per day
 * @param resets   the zone whose midnight starts a new day
 * @param name     how people call it: "YouTube's daily upload quota"
 */
public record DailyAllowance(String project, int perDay, ZoneId resets, String name) {
    public DailyAllowance {
        if (perDay < 1) {
            throw new IllegalArgumentException("a daily allowance needs at least one upload, not " + perDay);
        }
    }

    /** The platform's day that {@code now} falls on. */
    public LocalDate day(Instant now) {
        return LocalDate.ofInstant(now, resets);
    }

    /** When the day of {@code now} ends and the allowance is whole again. */
    public Instant nextReset(Instant now) {
        return day(now).plusDays(1).atStartOfDay(resets).toInstant();
    }
}
