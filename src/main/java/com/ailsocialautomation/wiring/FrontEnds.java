package com.ailsocialautomation.wiring;

import com.ailsocialautomation.calendar.WebCalendar;
import com.ailsocialautomation.command.Members;
import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.discord.DiscordBot;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.notify.NotificationSender;
import com.ailsocialautomation.notify.Notifier;
import com.ailsocialautomation.slack.SlackFrontEnd;
import com.ailsocialautomation.slack.SlackUrlCheck;
import com.ailsocialautomation.web.WebRoutes;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The chat front ends this configuration turns on (Slack, Discord) and the notification sender that delivers
 * queued direct messages through them and through {@code local} notifiers (the console's). Each part starts here
 * and is handed to {@code own}.
 */
public final class FrontEnds {
    public final List<WebRoutes> routes = new ArrayList<>();

    public FrontEnds(Config config, Clock clock, Store store, CommandLayer commands, List<Notifier> local, Owner own) {
        List<Notifier> notifiers = new ArrayList<>(local);
        Map<FrontEnd, Members> members = new EnumMap<>(FrontEnd.class);
        if (config.slack() != null && !config.slack().complete()) {
            // only the signing secret so far: answer Slack's URL verification so the app can be set up
            routes.add(new SlackUrlCheck(config.slack(), clock));
        } else if (config.slack() != null) {
            SlackFrontEnd slack = new SlackFrontEnd(config.slack(), config.publicUrl(), slackParts(store, commands, clock));
            own.own("Slack app", slack);
            slack.start();
            routes.add(slack.routes());
            notifiers.add(slack.notifier());
            members.put(FrontEnd.SLACK, slack.members());
        }
        if (config.discord() != null) {
            // Removing the bot erases the workspace, as uninstalling the Slack app does.
            DiscordBot discord = DiscordBot.start(config.discord(), commands.commands, commands.suggestions,
                    commands.workspaceEraser::erase, clock);
            own.own("Discord bot", discord);
            routes.add(discord.routes());
            notifiers.add(discord.notifier());
        }
        routes.add(WebCalendar.routes(config, clock, store.sql, store.workspaces, commands.commands, commands.overview, members));
        own.own("notification sender", new NotificationSender(store.outbox, notifiers, clock).start(Duration.ofMillis(500)));
    }

    /** What the Slack app uses of the rest of AIL; uninstalling it erases the workspace as forget-me erases a person. */
    public static SlackFrontEnd.Parts slackParts(Store store, CommandLayer commands, Clock clock) {
        return new SlackFrontEnd.Parts(commands.commands, commands.compose, commands.overview, store.sql, store.vault,
                commands.workspaceEraser::erase, clock);
    }
}
