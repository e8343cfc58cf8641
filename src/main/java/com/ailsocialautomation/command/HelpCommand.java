package com.ailsocialautomation.command;

import java.time.Clock;
import com.ailsocialautomation.message.Reply;
import java.util.EnumSet;
import java.util.Set;

/** help and help &lt;subcommand&gt;. */
public final class HelpCommand implements Handler {
    private final String calendarUrl;
    private final String privacyUrl;
    private final String termsUrl;
    private final String contactEmail;

    private final Clock clock;

    public HelpCommand(String calendarUrl, String privacyUrl, String termsUrl, String contactEmail, Clock clock) {
        this.calendarUrl = calendarUrl;
        this.clock = clock;
        this.privacyUrl = privacyUrl;
        this.termsUrl = termsUrl;
        this.contactEmail = contactEmail;
    }

    @Override
    public Set<Subcommand> serves() {
        return EnumSet.of(Subcommand.HELP);
    }

    @Override
    public Reply handle(Caller caller, ParsedCommand command) {
        return command.arg(0) == null ? HelpText.overview(calendarUrl, privacyUrl, termsUrl, contactEmail) : HelpText.of(command.arg(0), clock.instant(), caller.zone());
    }
}
