package com.ailsocialautomation.command;

import com.ailsocialautomation.schedule.WhenParser;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** The time a schedule or reschedule command asks for, from its at: or in: option. */
public final class ScheduledTime {
    private ScheduledTime() {}

    /**
     * The instant of {@code at:} (any form {@link WhenParser} reads) or {@code in:} (a duration), in the user's
     * zone; null when the command has neither (post: now). Throws UserError for a time that cannot be read,
     * has passed or is more than a year ahead.
     */
    public static Instant of(ParsedCommand command, ZoneId zone, Clock clock) {
        String in = command.option("in");
        if (in != null) {
            return WhenParser.in(in, zone, clock);
        }
        String at = command.option("at");
        return at == null ? null : WhenParser.parse(at, zone, clock);
    }
}
