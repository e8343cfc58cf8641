package com.ailsocialautomation.platform.linkedin;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The {@code LinkedIn-Version} AIL sends (YYYYMM). LinkedIn releases a version every month and supports each for at
 * least a year, then answers 426; AIL warns from {@link #STALE_AFTER_MONTHS} on, leaving time to move.
 */
public final class LinkedInVersion {
    /**
     * The newest version LinkedIn's versioning page was seen to name as "Latest Version" (July 2026). Newer monthly
     * versions may exist; moving to one is a matter of AIL_LINKEDIN_VERSION once the Posts API changes are checked.
     */
    public static final String DEFAULT = "202607";
    /** Two months before LinkedIn's one-year minimum runs out. */
    public static final int STALE_AFTER_MONTHS = 10;
    private static final DateTimeFormatter YYYYMM = DateTimeFormatter.ofPattern("yyyyMM");

    private LinkedInVersion() {}

    /** The version sent: the configured one, else {@link #DEFAULT}. */
    public static String effective(String configured) {
        return configured == null || configured.isBlank() ? DEFAULT : configured.strip();
    }

    /** Whole months between the version's month and the clock's (UTC). */
    public static long monthsOld(String version, Clock clock) {
        return ChronoUnit.MONTHS.between(YearMonth.parse(version, YYYYMM), YearMonth.now(clock.withZone(ZoneOffset.UTC)));
    }

    /** A one-line warning for the operator when the version sent is {@link #STALE_AFTER_MONTHS} months old or more. */
    public static Optional<String> staleness(String configured, Clock clock) {
        String version = effective(configured);
        long age = monthsOld(version, clock);
        if (age < STALE_AFTER_MONTHS) {
            return Optional.empty();
        }
        String which = configured == null || configured.isBlank()
                ? "AIL's default LinkedIn API version " + version + " is " + age + " months old: update AIL or set AIL_LINKEDIN_VERSION"
                : "AIL_LINKEDIN_VERSION " + version + " is " + age + " months old: set it to a newer version (AIL's default is " + DEFAULT + ")";
        return Optional.of(which + "; LinkedIn retires each version about a year after its release and then refuses every post");
    }
}
