package com.ailsocialautomation;

import com.ailsocialautomation.command.AccountCommands;
import com.ailsocialautomation.command.BlueskyLinker;
import com.ailsocialautomation.command.AccountSuggestions;
import com.ailsocialautomation.command.CommandService;
import com.ailsocialautomation.command.Compose;
import com.ailsocialautomation.command.Overview;
import com.ailsocialautomation.command.Handler;
import com.ailsocialautomation.command.HelpCommand;
import com.ailsocialautomation.command.ListCommands;
import com.ailsocialautomation.command.PostCommands;
import com.ailsocialautomation.command.PrivacyCommands;
import com.ailsocialautomation.command.SettingsCommands;
import com.ailsocialautomation.command.WebhookLinker;
import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.discord.DiscordBot;
import com.ailsocialautomation.engine.Announcer;
import com.ailsocialautomation.engine.Backoff;
import com.ailsocialautomation.engine.CredentialKeeper;
import com.ailsocialautomation.engine.Engine;
import com.ailsocialautomation.engine.ExpiryReminders;
import com.ailsocialautomation.engine.GuardedMediaSource;
import com.ailsocialautomation.engine.MediaPipeline;
import com.ailsocialautomation.engine.Publisher;
import com.ailsocialautomation.engine.Revoker;
import com.ailsocialautomation.net.GuardedHttp;
import com.ailsocialautomation.net.HttpLimits;
import com.ailsocialautomation.net.Resolver;
import com.ailsocialautomation.net.UrlGuard;
import com.ailsocialautomation.notify.NotificationSender;
import com.ailsocialautomation.notify.Notifier;
import com.ailsocialautomation.notify.Outbox;
import com.ailsocialautomation.oauth.OAuthClients;
import com.ailsocialautomation.oauth.OAuthLinker;
import com.ailsocialautomation.oauth.OneTimeLinks;
import com.ailsocialautomation.oauth.PageConnectRoutes;
import com.ailsocialautomation.oauth.OAuthRoutes;
import com.ailsocialautomation.platform.DirectApiClient;
import com.ailsocialautomation.platform.GuardedApiClient;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.Providers;
import com.ailsocialautomation.platform.bluesky.BlueskyProvider;
import com.ailsocialautomation.platform.linkedin.LinkedInProvider;
import com.ailsocialautomation.platform.mastodon.MastodonProvider;
import com.ailsocialautomation.platform.webhook.WebhookProvider;
import com.ailsocialautomation.platform.x.XProvider;
import com.ailsocialautomation.privacy.DataExport;
import com.ailsocialautomation.privacy.ForgetMe;
import com.ailsocialautomation.privacy.Retention;
import com.ailsocialautomation.privacy.WorkspaceEraser;
import com.ailsocialautomation.slack.InstallationData;
import com.ailsocialautomation.slack.SlackFrontEnd;
import com.ailsocialautomation.slack.SlackUrlCheck;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.Attempts;
import com.ailsocialautomation.store.Audit;
import com.ailsocialautomation.store.OAuthApps;
import com.ailsocialautomation.store.OAuthStates;
import com.ailsocialautomation.store.PendingRevocations;
import com.ailsocialautomation.store.PersonalData;
import com.ailsocialautomation.store.Posts;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.Targets;
import com.ailsocialautomation.store.TechnicalData;
import com.ailsocialautomation.store.Vault;
import com.ailsocialautomation.store.Workspaces;
import com.ailsocialautomation.web.WebRoutes;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Builds the working parts over an open store: providers, the publishing engine, the notification sender and the
 * command layer. Parts that must be stopped are handed to {@code own} in start order.
 */
final class Services {
    final CommandService commands;
    final Providers providers;
    final Engine engine;
    /** For the Slack and Discord front ends: erases a workspace when the app is uninstalled or the bot removed. */
    final WorkspaceEraser workspaceEraser;
    final List<WebRoutes> routes = new ArrayList<>();

    Services(Config config, Sql sql, Vault vault, MeterRegistry metrics, List<Notifier> notifiers,
             BiConsumer<String, AutoCloseable> own) {
        Clock clock = Clock.systemUTC();
        Workspaces workspaces = new Workspaces(sql);
        Accounts accounts = new Accounts(sql, vault);
        Posts posts = new Posts(sql);
        Attempts attempts = new Attempts(sql, vault);
        Outbox outbox = new Outbox(sql);
        UrlGuard guard = new UrlGuard(config.insecureLoopback(), Resolver.system());
        Duration timeout = config.engine().requestTimeout();
        HttpLimits defaults = HttpLimits.defaults();
        GuardedHttp http = new GuardedHttp(guard, new HttpLimits(
                timeout.compareTo(defaults.connectTimeout()) < 0 ? timeout : defaults.connectTimeout(), timeout, defaults.maxAnswerBytes()));
        own.accept("guarded HTTP client", http);

        BlueskyProvider bluesky = new BlueskyProvider(new GuardedApiClient(http), config.platform("bluesky").apiUrl(), clock);
        providers = new Providers(providers(config, http, clock, bluesky));
        OAuthClients apps = new OAuthClients(config, providers, new OAuthApps(sql, vault));
        OAuthStates states = new OAuthStates(sql, vault);
        CredentialKeeper keeper = new CredentialKeeper(accounts, apps, clock, metrics);
        MediaPipeline media = new MediaPipeline(new GuardedMediaSource(http), Duration.ofSeconds(1), Duration.ofMinutes(10));
        Targets targets = new Targets(sql);
        Publisher publisher = new Publisher(targets, posts, accounts, attempts, workspaces, providers, keeper,
                media, new Announcer(outbox), clock, config.engine().maxAttempts(), Backoff.DEFAULT, metrics);
        Revoker revoker = new Revoker(providers, keeper, new PendingRevocations(sql, vault), apps, clock);
        Audit audit = new Audit(sql);
        // owners of personal data outside store and notify: the Slack installations (kept whether or not Slack is on now)
        List<PersonalData> frontEndData = List.of(new InstallationData());
        workspaceEraser = new WorkspaceEraser(sql, accounts, revoker, audit, frontEndData);
        Retention retention = new Retention(sql, config.retentionDays(), clock);
        engine = new Engine(sql, publisher, config.engine(), clock, metrics,
                List.of(new Engine.Job("retry-revocations", Duration.ofMinutes(5), revoker::retryPending),
                        new Engine.Job("retention", Duration.ofDays(1), retention::purge),
                        new Engine.Job("expiry-reminders", Duration.ofHours(6), new ExpiryReminders(accounts, outbox, clock)::remind)));

        Map<String, Handler> handlers = new HashMap<>();
        OneTimeLinks links = new OneTimeLinks(states, providers, config.publicUrl(), clock);
        BlueskyLinker blueskyLinker = new BlueskyLinker(accounts, guard, bluesky, bluesky.defaultPds(), links);
        WebhookLinker webhookLinker = new WebhookLinker(accounts, guard, links);
        Handler accountCommands = new AccountCommands(accounts, List.of(webhookLinker, blueskyLinker,
                new OAuthLinker(links, providers, guard)), revoker, targets);
        routes.add(new PageConnectRoutes(config.publicUrl(), states, blueskyLinker, webhookLinker, outbox, clock));
        routes.add(new OAuthRoutes(config.publicUrl(), states, providers, apps, accounts, new TechnicalData(sql), outbox, clock));
        Handler postCommands = new PostCommands(posts, accounts, guard, clock);
        Handler listCommands = new ListCommands(posts, attempts);
        Handler settings = new SettingsCommands(workspaces, clock);
        List.of("accounts", "connect", "disconnect").forEach(n -> handlers.put(n, accountCommands));
        List.of("post", "schedule", "edit", "reschedule", "cancel", "retry").forEach(n -> handlers.put(n, postCommands));
        List.of("list", "show").forEach(n -> handlers.put(n, listCommands));
        List.of("timezone", "notify").forEach(n -> handlers.put(n, settings));
        handlers.put("help", new HelpCommand(config.publicUrl() + "/privacy", config.publicUrl() + "/terms", config.contactEmail()));
        PrivacyCommands privacy = new PrivacyCommands(new ForgetMe(sql, accounts, revoker, audit, clock, frontEndData),
                new DataExport(sql, accounts, posts, attempts, clock));
        List.of("my-data", "forget-me").forEach(n -> handlers.put(n, privacy));
        commands = new CommandService(workspaces, handlers,
                Map.of(PrivacyCommands.CONFIRM, privacy, BlueskyLinker.ACTION, blueskyLinker));

        // Uninstalling the Slack app or removing the Discord bot erases the workspace as forget-me erases a person.
        List<Notifier> frontEnds = new ArrayList<>(notifiers);
        if (config.slack() != null && !config.slack().complete()) {
            routes.add(new SlackUrlCheck(config.slack(), clock));
        } else if (config.slack() != null) {
            SlackFrontEnd slack = new SlackFrontEnd(config.slack(), config.publicUrl(), new SlackFrontEnd.Parts(commands,
                    new Compose(commands, accounts, guard, clock), new Overview(commands, posts, accounts), sql, vault,
                    workspaceEraser::erase, clock));
            own.accept("Slack app", slack);
            slack.start();
            routes.add(slack.routes());
            frontEnds.add(slack.notifier());
        }
        if (config.discord() != null) {
            DiscordBot discord = DiscordBot.start(config.discord(), commands, new AccountSuggestions(workspaces, accounts),
                    workspaceEraser::erase, clock);
            own.accept("Discord bot", discord);
            frontEnds.add(discord.notifier());
            routes.add(discord.routes());
        }
        own.accept("notification sender", new NotificationSender(outbox, frontEnds, clock).start(Duration.ofMillis(500)));
    }

    private static List<Provider> providers(Config config, GuardedHttp http, Clock clock, BlueskyProvider bluesky) {
        List<Provider> on = new ArrayList<>();
        on.add(new WebhookProvider(http));
        on.add(bluesky); // needs no app credentials: each account signs in with its own app password
        on.add(new MastodonProvider(new GuardedApiClient(http))); // per-instance apps: no operator credentials needed
        DirectApiClient direct = new DirectApiClient(config.engine().requestTimeout());
        Config.PlatformApp x = config.platform("x");
        if (x.hasCredentials()) {
            on.add(new XProvider(direct, x.apiUrl(), x.authUrl(), clock));
        }
        Config.PlatformApp linkedin = config.platform("linkedin");
        if (linkedin.hasCredentials()) {
            on.add(new LinkedInProvider(direct, linkedin.apiUrl(), linkedin.authUrl(), linkedin.version(), clock));
        }
        return on;
    }
}
