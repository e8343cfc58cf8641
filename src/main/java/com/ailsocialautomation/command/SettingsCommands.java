package com.ailsocialautomation.command;

import com.ailsocialautomation.message.Reply;

import com.ailsocialautomation.schedule.Times;
import com.ailsocialautomation.schedule.Zones;
import com.ailsocialautomation.store.Workspaces;

import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/** timezone and notify: the caller's own settings. */
public final class SettingsCommands implements Handler {
    private final Workspaces workspaces;
    private final Clock clock;

    public SettingsCommands(Workspaces workspaces, Clock clock) {
        this.workspaces = workspaces;
        this.clock = clock;
    }

    @Override
    public Set<Subcommand> serves() {
        return EnumSet.of(Subcommand.TIMEZONE, Subcommand.NOTIFY);
    }

    @Override
    public Reply handle(Caller caller, ParsedCommand command) {
        return switch (command.subcommand()) {
            case TIMEZONE -> {
                if (command.arg(0) == null) {
                    yield Reply.of("Your time zone is " + caller.zone().getId() + " (now " + Times.format(clock.instant(), caller.zone())
                            + "). Change it with `/ail timezone Europe/Berlin`.");
                }
                ZoneId zone = Zones.parse(command.arg(0));
                workspaces.setZone(caller.workspaceId(), caller.user().id(), zone.getId());
                yield Reply.of("Your time zone is now " + zone.getId() + ". It is " + Times.format(clock.instant(), zone) + ".");
            }
            case NOTIFY -> {
                boolean on = "on".equalsIgnoreCase(command.arg(0));
                workspaces.setNotify(caller.workspaceId(), caller.user().id(), on);
                yield Reply.of(on ? "You will get a direct message with the link whenever one of your posts is published."
                        : "You will only get direct messages when a post fails or its outcome is unknown.");
            }
            default -> throw new IllegalArgumentException(command.name());
        };
    }
}
