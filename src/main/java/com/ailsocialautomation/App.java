package com.ailsocialautomation;

import com.ailsocialautomation.command.AccountCommands;
import com.ailsocialautomation.command.CommandService;
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
import com.ailsocialautomation.engine.MediaPipeline;
import com.ailsocialautomation.engine.Publisher;
import com.ailsocialautomation.engine.Revoker;
import com.ailsocialautomation.net.GuardedHttp;
import com.ailsocialautomation.engine.GuardedMediaSource;
import com.ailsocialautomation.net.HttpLimits;
import com.ailsocialautomation.net.Resolver;
import com.ailsocialautomation.net.UrlGuard;
import com.ailsocialautomation.notify.NotificationSender;
import com.ailsocialautomation.notify.Notifier;
import com.ailsocialautomation.notify.Outbox;
import com.ailsocialautomation.platform.ClientApp;
import com.ailsocialautomation.platform.Providers;
import com.ailsocialautomation.platform.webhook.WebhookProvider;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.Attempts;
import com.ailsocialautomation.store.PendingRevocations;
import com.ailsocialautomation.store.Posts;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.Targets;
import com.ailsocialautomation.store.Workspaces;
import com.ailsocialautomation.store.DataDirectory;
import com.ailsocialautomation.store.Database;
import com.ailsocialautomation.store.Vault;
import com.ailsocialautomation.web.HealthRoutes;
import com.ailsocialautomation.web.PageRoutes;
import com.ailsocialautomation.web.PrivacyPolicy;
import com.ailsocialautomation.web.WebRoutes;
import com.ailsocialautomation.web.WebServer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The running service, wired by hand. Parts start in dependency order and {@link #close()} stops them in reverse:
 * web server, engine, pool, embedded PostgreSQL, data-directory lock.
 */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    private final Config config;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private Database database;
    private Vault vault;
    private WebServer web;
    private Engine engine;
    private CommandService commands;
    private Providers providers;

    private App(Config config) {
        this.config = config;
    }

    public static App start(Config config) {
        return start(config, null, List.of());
    }

    /**
     * Starts on {@code database} when given (tests), else on the configured or embedded database, with the
     * notifiers of the front ends that run in this process (the console's, in console mode).
     */
    public static App start(Config config, Database database, List<Notifier> notifiers) {
        App app = new App(config);
        try {
            app.openStore(database);
            app.startServices(notifiers);
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    /** Only the database and the vault: for maintenance commands such as rotate-key. */
    public static App startStoreOnly(Config config) {
        App app = new App(config);
        try {
            app.openStore(null);
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    private void openStore(Database given) {
        new ClassLoaderMetrics().bindTo(metrics);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);
        byte[] masterKey;
        if (given != null) {
            database = given;
            masterKey = Base64.getDecoder().decode(config.encryptionKey().reveal());
        } else {
            DataDirectory dataDir = null;
            if (config.embeddedDatabase()) {
                dataDir = DataDirectory.lock(config.dataDir());
                started.push(dataDir);
            }
            database = Database.open(config, dataDir, metrics);
            started.push(database);
            masterKey = config.encryptionKey() != null
                    ? Base64.getDecoder().decode(config.encryptionKey().reveal())
                    : dataDir.masterKey();
        }
        database.migrate();
        vault = Vault.open(database.dataSource(), masterKey);
    }

    private void startServices(List<Notifier> notifiers) {
        logOptionalParts();
        Clock clock = Clock.systemUTC();
        Sql sql = new Sql(database.dataSource());
        Workspaces workspaces = new Workspaces(sql);
        Accounts accounts = new Accounts(sql, vault);
        Posts posts = new Posts(sql);
        Outbox outbox = new Outbox(sql);
        UrlGuard guard = new UrlGuard(config.insecureLoopback(), Resolver.system());
        HttpLimits defaults = HttpLimits.defaults();
        GuardedHttp http = new GuardedHttp(guard, new HttpLimits(
                min(defaults.connectTimeout(), config.engine().requestTimeout()), config.engine().requestTimeout(), defaults.maxAnswerBytes()));
        started.push(http);
        providers = new Providers(List.of(new WebhookProvider(http)));
        ClientApps apps = account -> {
            Config.PlatformApp app = config.platform(account.platform());
            return app.hasCredentials() ? new ClientApp(app.clientId(), app.clientSecret()) : null;
        };
        CredentialKeeper keeper = new CredentialKeeper(accounts, apps, clock, metrics);
        MediaPipeline mediaPipeline = new MediaPipeline(new GuardedMediaSource(http), Duration.ofSeconds(1), Duration.ofMinutes(10));
        Publisher publisher = new Publisher(new Targets(sql), posts, accounts, new Attempts(sql, vault), workspaces,
                providers, keeper, mediaPipeline, new Announcer(outbox), clock, config.engine().maxAttempts(),
                Backoff.DEFAULT, metrics);
        Revoker revoker = new Revoker(providers, keeper, new PendingRevocations(sql, vault), apps, clock);
        engine = new Engine(sql, publisher, config.engine(), clock, metrics,
                List.of(new Engine.Job("retry-revocations", Duration.ofMinutes(5), revoker::retryPending)));
        NotificationSender sender = new NotificationSender(outbox, notifiers, clock).start(Duration.ofMillis(500));
        started.push(sender);

        Map<String, Handler> handlers = new HashMap<>();
        Handler accountCommands = new AccountCommands(accounts, List.of(new WebhookLinker(accounts, guard)), revoker, sql);
        Handler postCommands = new PostCommands(posts, accounts, guard, clock);
        Handler listCommands = new ListCommands(posts, new Attempts(sql, vault));
        Handler settings = new SettingsCommands(workspaces, clock);
        Handler help = new HelpCommand(config.publicUrl() + "/privacy", config.contactEmail());
        for (String name : List.of("accounts", "connect", "disconnect")) {
            handlers.put(name, accountCommands);
        }
        for (String name : List.of("post", "schedule", "edit", "reschedule", "cancel", "retry")) {
            handlers.put(name, postCommands);
        }
        handlers.put("list", listCommands);
        handlers.put("show", listCommands);
        handlers.put("timezone", settings);
        handlers.put("notify", settings);
        handlers.put("help", help);
        commands = new CommandService(workspaces, handlers);

        List<WebRoutes> routes = new ArrayList<>();
        routes.add(new HealthRoutes(database::ready, metrics));
        routes.add(new PageRoutes(PrivacyPolicy.load(config.privacyPolicyFile(), config.contactEmail()),
                config.slack() == null ? null : config.publicUrl() + "/slack/install", null));
        web = new WebServer("0.0.0.0", config.port(), metrics, routes).start();
        started.push(web);
        engine.start();
        started.push(engine);
        log.info("AIL is ready at {} (port {})", config.publicUrl(), web.port());
    }

    private void logOptionalParts() {
        if (config.slack() == null) {
            log.info("Slack: off (set SLACK_SIGNING_SECRET with SLACK_BOT_TOKEN, or with SLACK_CLIENT_ID and SLACK_CLIENT_SECRET)");
        }
        if (config.discord() == null) {
            log.info("Discord: off (set DISCORD_BOT_TOKEN)");
        }
        for (String platform : List.of("x", "linkedin", "youtube", "tiktok", "meta", "threads")) {
            if (!config.platform(platform).hasCredentials()) {
                String prefix = "AIL_" + platform.toUpperCase() + "_";
                log.info("{}: off (set {}CLIENT_ID and {}CLIENT_SECRET)", platform, prefix, prefix);
            }
        }
    }

    public CommandService commands() {
        return commands;
    }

    public Providers providers() {
        return providers;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public Config config() {
        return config;
    }

    public Database database() {
        return database;
    }

    public Vault vault() {
        return vault;
    }

    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    public int port() {
        return web.port();
    }

    public void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        log.info("AIL is stopping");
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                log.warn("Stopping {} failed: {}", part.getClass().getSimpleName(), e.getMessage());
            }
        }
        log.info("AIL stopped");
        stopped.countDown();
    }
}
