package com.ailsocialautomation.command;

import java.time.Clock;
import com.ailsocialautomation.message.Reply;
import java.util.EnumSet;
import java.util.Set;

/** help and help &lt;subcommand&gt;. */
public final class HelpCommand implements Handler {
    /** The same for everyone and fixed once configured, so built once rather than on every {@code /ail help}. */
    private final Reply overview;
    private final Clock clock;

    public HelpCommand(String calendarUrl, String privacyUrl, String termsUrl, String contactEmail, Clock clock) {
        this.overview = HelpText.overview(calendarUrl, privacyUrl, termsUrl, contactEmail);
        this.clock = clock;
    }

    @Override
    public Set<Subcommand> serves() {
        return EnumSet.of(Subcommand.HELP);
    }

    @Override
    public Reply fromMemory(ParsedCommand command) {
        return command.arg(0) == null ? overview : null;
    }

    @Override
    public Reply handle(Caller caller, ParsedCommand command) {
        return command.arg(0) == null ? overview : HelpText.of(command.arg(0), clock.instant(), caller.zone());
    }
}
