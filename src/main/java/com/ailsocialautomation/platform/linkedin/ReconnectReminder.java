package com.ailsocialautomation.platform.linkedin;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * When to tell an owner that a connection without a usable refresh token is about to stop working. LinkedIn's
 * member tokens last 60 days and most apps get no refresh token, so the owner must reconnect; a warning a week
 * ahead leaves time to do it before a scheduled post fails.
 */
public final class ReconnectReminder {
    public static final Duration AHEAD = Duration.ofDays(7);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private ReconnectReminder() {}

    /** True from 7 days before {@code expiresAt} on, including after it; false when there is no expiry. */
    public static boolean due(Instant expiresAt, Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt.minus(AHEAD));
    }

    /** The words for the owner's DM. */
    public static String message(String handle, Instant expiresAt, Instant now) {
        String who = handle == null || handle.isBlank() ? "Your LinkedIn connection" : "The LinkedIn connection for " + handle;
        if (!now.isBefore(expiresAt)) {
            return who + " expired on " + DAY.format(expiresAt) + ". Run /ail connect linkedin to connect it again.";
        }
        long days = Duration.between(now, expiresAt).toDays();
        String in = days == 0 ? "today" : days == 1 ? "in 1 day" : "in " + days + " days";
        return who + " expires on " + DAY.format(expiresAt) + " (" + in + "); LinkedIn makes members sign in again every 60 days."
                + " Run /ail connect linkedin before then so scheduled posts keep going out.";
    }
}
