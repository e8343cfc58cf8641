package com.ailsocialautomation;

import com.ailsocialautomation.command.AccountCommands;
import com.ailsocialautomation.command.CommandService;
import com.ailsocialautomation.command.Compose;
import com.ailsocialautomation.command.Overview;
import com.ailsocialautomation.command.Handler;
import com.ailsocialautomation.command.HelpCommand;
import com.ailsocialautomation.command.ListCommands;
import com.ailsocialautomation.command.PostCommands;
import com.ailsocialautomation.command.SettingsCommands;
import com.ailsocialautomation.command.WebhookLinker;
import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.engine.Announcer;
import com.ailsocialautomation.engine.Backoff;
import com.ailsocialautomation.engine.ClientApps;
import com.ailsocialautomation.engine.CredentialKeeper;
import com.ailsocialautomation.engine.Engine;
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
import com.ailsocialautomation.platform.ClientApp;
import com.ailsocialautomation.platform.DirectApiClient;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.Providers;
import com.ailsocialautomation.platform.linkedin.LinkedInProvider;
import com.ailsocialautomation.platform.webhook.WebhookProvider;
import com.ailsocialautomation.platform.x.XProvider;
import com.ailsocialautomation.slack.SlackFrontEnd;
import com.ailsocialautomation.slack.WorkspaceRemoval;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.Attempts;
import com.ailsocialautomation.store.PendingRevocations;
import com.ailsocialautomation.store.Posts;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.Targets;
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

        providers = new Providers(providers(config, http, clock));
        ClientApps apps = account -> {
            Config.PlatformApp app = config.platform(account.platform());
            return app.hasCredentials() ? new ClientApp(app.clientId(), app.clientSecret()) : null;
        };
        CredentialKeeper keeper = new CredentialKeeper(accounts, apps, clock, metrics);
        MediaPipeline media = new MediaPipeline(new GuardedMediaSource(http), Duration.ofSeconds(1), Duration.ofMinutes(10));
        Publisher publisher = new Publisher(new Targets(sql), posts, accounts, attempts, workspaces, providers, keeper,
                media, new Announcer(outbox), clock, config.engine().maxAttempts(), Backoff.DEFAULT, metrics);
        Revoker revoker = new Revoker(providers, keeper, new PendingRevocations(sql, vault), apps, clock);
        engine = new Engine(sql, publisher, config.engine(), clock, metrics,
                List.of(new Engine.Job("retry-revocations", Duration.ofMinutes(5), revoker::retryPending)));

        Map<String, Handler> handlers = new HashMap<>();
        Handler accountCommands = new AccountCommands(accounts, List.of(new WebhookLinker(accounts, guard)), revoker, sql);
        Handler postCommands = new PostCommands(posts, accounts, guard, clock);
        Handler listCommands = new ListCommands(posts, attempts);
        Handler settings = new SettingsCommands(workspaces, clock);
        List.of("accounts", "connect", "disconnect").forEach(n -> handlers.put(n, accountCommands));
        List.of("post", "schedule", "edit", "reschedule", "cancel", "retry").forEach(n -> handlers.put(n, postCommands));
        List.of("list", "show").forEach(n -> handlers.put(n, listCommands));
        List.of("timezone", "notify").forEach(n -> handlers.put(n, settings));
        handlers.put("help", new HelpCommand(config.publicUrl() + "/privacy", config.contactEmail()));
        commands = new CommandService(workspaces, handlers, Map.of());

        List<Notifier> allNotifiers = new ArrayList<>(notifiers);
        if (config.slack() != null) {
            SlackFrontEnd slack = new SlackFrontEnd(config.slack(), config.publicUrl(), new SlackFrontEnd.Parts(commands,
                    new Compose(commands, accounts, guard, clock), new Overview(commands, posts, accounts), sql, vault,
                    workspaceRemoval(sql, accounts, revoker), clock));
            own.accept("Slack app", slack.start());
            routes.add(slack.routes());
            allNotifiers.add(slack.notifier());
        }
        own.accept("notification sender", new NotificationSender(outbox, allNotifiers, clock).start(Duration.ofMillis(500)));
    }

    /**
     * Until privacy's WorkspaceEraser is wired here: revokes each connected account's token at its platform
     * (a failure is queued for retry) and deletes the workspace, whose rows cascade.
     */
    private static WorkspaceRemoval workspaceRemoval(Sql sql, Accounts accounts, Revoker revoker) {
        Workspaces workspaces = new Workspaces(sql);
        return (frontEnd, externalId) -> workspaces.find(frontEnd, externalId).ifPresent(id -> {
            accounts.list(id).forEach(revoker::revoke);
            sql.update("delete from workspaces where id = ?", id);
        });
    }

    private static List<Provider> providers(Config config, GuardedHttp http, Clock clock) {
        List<Provider> on = new ArrayList<>();
        on.add(new WebhookProvider(http));
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
