package com.ailsocialautomation.calendar;

import com.ailsocialautomation.command.CommandService;
import com.ailsocialautomation.command.Members;
import com.ailsocialautomation.command.Overview;
import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.config.ConfigError;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.platform.ApiClient;
import com.ailsocialautomation.platform.BaseUrl;
import com.ailsocialautomation.platform.DirectApiClient;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.Workspaces;
import com.ailsocialautomation.web.WebRoutes;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The web calendar built from the configuration: Sign in with Slack when the Slack app has its client id and secret
 * (the same app; its OAuth settings list the calendar's redirect URL and the user scopes openid and profile), Discord
 * sign-in when DISCORD_CLIENT_ID and DISCORD_CLIENT_SECRET are set beside the bot token. Their hosts follow
 * SLACK_API_URL and DISCORD_API_URL, as the rest of each front end does.
 */
public final class WebCalendar {
    /** Where Slack and Discord send the browser back; each app's OAuth settings must list it under AIL_PUBLIC_URL. */
    public static final String SLACK_CALLBACK = "/calendar/signin/slack/callback";
    public static final String DISCORD_CALLBACK = "/calendar/signin/discord/callback";
    /** The user scopes Sign in with Slack asks for; the Slack manifest lists them. */
    public static final java.util.List<String> SLACK_USER_SCOPES = java.util.List.of("openid", "profile");
    public static final String DISCORD_CLIENT_ID = "DISCORD_CLIENT_ID";
    public static final String DISCORD_CLIENT_SECRET = "DISCORD_CLIENT_SECRET";

    private WebCalendar() {}

    /** The calendar's routes; {@code members}: what each running chat front end says about its people. */
    public static WebRoutes routes(Config config, Clock clock, Sql sql, Workspaces workspaces, CommandService commands,
                                   Overview overview, Map<FrontEnd, Members> members) {
        ApiClient http = new DirectApiClient(Duration.ofSeconds(10));
        Map<FrontEnd, SignIn> signIns = new EnumMap<>(FrontEnd.class);
        Config.Slack slack = config.slack();
        if (slack != null && slack.clientId() != null && slack.clientSecret() != null) {
            signIns.put(FrontEnd.SLACK, new SlackSignIn(BaseUrl.or(slack.apiUrl(), SlackSignIn.ISSUER), slack.clientId(),
                    slack.clientSecret(), http, clock));
        }
        discord(config).ifPresent(d -> signIns.put(FrontEnd.DISCORD, new DiscordSignIn(d.site, d.api, d.clientId, d.secret, http)));
        return new CalendarRoutes(config.publicUrl(), signIns, new WebSessions(sql, clock), new Seats(workspaces, members),
                overview.calendar(), commands, clock);
    }

    private record DiscordApp(String site, String api, String clientId, Secret secret) {}

    private static java.util.Optional<DiscordApp> discord(Config config) {
        String id = config.settings().string(DISCORD_CLIENT_ID);
        Secret secret = config.settings().secret(DISCORD_CLIENT_SECRET);
        if (id == null && secret == null) {
            return java.util.Optional.empty();
        }
        if (id == null || secret == null) {
            throw new ConfigError(id == null ? DISCORD_CLIENT_ID : DISCORD_CLIENT_SECRET, "is required with "
                    + (id == null ? DISCORD_CLIENT_SECRET : DISCORD_CLIENT_ID) + " for the web calendar's Discord sign-in "
                    + "(both are on the OAuth2 page of the application in the Discord developer portal)");
        }
        if (config.discord() == null) {
            throw new ConfigError(DISCORD_CLIENT_ID, "is for signing in to the web calendar with Discord, which needs the bot "
                    + "too: set DISCORD_BOT_TOKEN, or unset DISCORD_CLIENT_ID and DISCORD_CLIENT_SECRET");
        }
        String api = BaseUrl.or(config.discord().apiUrl(), "https://discord.com/api/v10");
        URI base = URI.create(api);
        String site = config.discord().apiUrl() == null ? "https://discord.com"
                : base.getScheme() + "://" + base.getHost() + (base.getPort() < 0 ? "" : ":" + base.getPort());
        return java.util.Optional.of(new DiscordApp(site, api, id, secret));
    }
}
