package com.ailsocialautomation;

import com.ailsocialautomation.command.CommandService;
import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.doctor.GoLive;
import com.ailsocialautomation.notify.Notifier;
import com.ailsocialautomation.platform.Providers;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.config.ConfigError;
import com.ailsocialautomation.store.DataDirectory;
import com.ailsocialautomation.store.Database;
import com.ailsocialautomation.store.Vault;
import com.ailsocialautomation.store.VaultError;
import com.ailsocialautomation.web.HealthRoutes;
import com.ailsocialautomation.web.PageRoutes;
import com.ailsocialautomation.web.PrivacyPolicy;
import com.ailsocialautomation.web.TermsRoutes;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * The running service, wired by hand. Parts start in dependency order and {@link #close()} stops them in reverse:
 * web server, engine, pool, embedded PostgreSQL, data-directory lock.
 */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    /** Start-up failed for a reason the operator can act on; the message is one line without secrets. */
    public static final class StartError extends RuntimeException {
        public StartError(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Part(String name, AutoCloseable closeable) {}

    private final Deque<Part> started = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Database given;
    private volatile boolean stopRequested;
    private volatile boolean running;
    private Config config;
    private Database database;
    private Vault vault;
    private WebServer web;

    private final List<Notifier> notifiers;
    private Services services;

    private App(Config config, Database given, List<Notifier> notifiers) {
        this.config = config;
        this.given = given;
        this.notifiers = List.copyOf(notifiers);
    }

    /**
     * An App that has not started yet, so that a shutdown hook can be registered before anything runs:
     * {@link #close()} called while {@link #launch()} runs waits for it and then stops what was started.
     */
    public static App create(Config config) {
        return new App(config, null, List.of());
    }

    /** Like {@link #create(Config)}, with the notifiers of the front ends running in this process (the console's). */
    public static App create(Config config, List<Notifier> notifiers) {
        return new App(config, null, notifiers);
    }

    public static App start(Config config) {
        return start(config, null);
    }

    /** Starts on {@code database} when given (tests), else on the configured or embedded database. */
    public static App start(Config config, Database database) {
        return new App(config, database, List.of()).launch();
    }

    /** Only the database and the vault: for maintenance commands such as rotate-key. */
    public static App startStoreOnly(Config config) {
        App app = new App(config, null, List.of());
        synchronized (app) {
            try {
                app.openStore();
                app.running = true;
                return app;
            } catch (RuntimeException e) {
                app.close();
                throw e;
            }
        }
    }

    /** Starts every part; on failure stops what had started (quietly) and throws. */
    public synchronized App launch() {
        try {
            openStore();
            startServices();
            running = true;
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void checkNotStopped() {
        if (stopRequested) {
            throw new StartError("AIL was asked to stop while it was starting", null);
        }
    }

    private void own(String name, AutoCloseable part) {
        started.push(new Part(name, part));
        checkNotStopped();
    }

    private void openStore() {
        new ClassLoaderMetrics().bindTo(metrics);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);
        checkNotStopped();
        byte[] masterKey;
        if (given != null) {
            database = given;
            masterKey = Base64.getDecoder().decode(config.encryptionKey().reveal());
        } else {
            DataDirectory dataDir = config.embeddedDatabase() ? DataDirectory.lock(config.dataDir()) : null;
            if (dataDir != null) {
                own("data-directory lock", dataDir);
            }
            database = withDatabaseContext(() -> Database.open(config, dataDir, metrics));
            own(config.embeddedDatabase() ? "database pool and embedded PostgreSQL" : "database pool", database);
            masterKey = config.encryptionKey() != null
                    ? Base64.getDecoder().decode(config.encryptionKey().reveal())
                    : dataDir.masterKey();
        }
        withDatabaseContext(() -> {
            database.migrate();
            return null;
        });
        vault = Vault.open(database.dataSource(), masterKey);
        checkNotStopped();
    }

    /** Turns a failure of the database into one line that says which database and what went wrong. */
    private <T> T withDatabaseContext(Supplier<T> step) {
        try {
            return step.get();
        } catch (ConfigError | VaultError | StartError e) {
            throw e;
        } catch (RuntimeException e) {
            String which = config.embeddedDatabase()
                    ? "the embedded PostgreSQL in AIL_DATA_DIR (" + config.dataDir() + ")"
                    : "the database at AIL_DATABASE_URL";
            throw new StartError(which + " cannot be used: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message).trim();
    }

    private void startServices() {
        if (config.port() == 0) {
            config = config.withPort(freePort()); // so that links and redirect URIs carry the real port
        }
        logOptionalParts();
        GoLive.report(config, Clock.systemUTC(), metrics);
        services = new Services(config, new Sql(database.dataSource()), vault, metrics, notifiers, this::own);
        List<WebRoutes> routes = new ArrayList<>(services.routes);
        routes.add(new HealthRoutes(database::ready, metrics));
        routes.add(new PageRoutes(PrivacyPolicy.load(config.privacyPolicyFile(), config.contactEmail()),
                config.slack() == null || config.slack().clientId() == null ? null : config.publicUrl() + "/slack/install",
                config.discord() == null ? null : config.publicUrl() + "/discord/invite"));
        routes.add(TermsRoutes.load(config.termsFile(), config.contactEmail()));
        web = new WebServer("0.0.0.0", config.port(), config.publicUrl().startsWith("https://"), metrics, routes);
        own("web server", web);
        try {
            web.start();
        } catch (RuntimeException e) {
            throw new StartError("AIL_PORT " + config.port() + " cannot be used: " + rootMessage(e), e);
        }
        own("publishing engine", services.engine.start());
        log.info("AIL is ready at {} (port {})", config.publicUrl(), web.port());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("0.0.0.0", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for AIL_PORT=0", e);
        }
    }

    private void logOptionalParts() {
        if (config.slack() == null) {
            log.info("Slack: off (set SLACK_SIGNING_SECRET with SLACK_BOT_TOKEN, or with SLACK_CLIENT_ID and SLACK_CLIENT_SECRET)");
        } else if (!config.slack().complete()) {
            log.info("Slack: waiting for installation; {}/slack/events answers Slack's URL verification. Then set SLACK_BOT_TOKEN, "
                    + "or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET, and restart", config.publicUrl());
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

    /** The configuration in force; with AIL_PORT=0 it carries the port actually bound. */
    public Config config() {
        return config;
    }

    public CommandService commands() {
        return services.commands;
    }

    public Providers providers() {
        return services.providers;
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

    /** The web server's routes ("GET /privacy"), for tests that must cover every page. */
    public List<String> webRoutes() {
        return web.routes();
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

    /**
     * Stops every started part in reverse order. Safe to call from a shutdown hook while {@link #launch()} runs:
     * it waits for start-up to notice and give up, then stops what had started. Quiet when start-up failed,
     * so that the one line explaining the failure stands alone.
     */
    @Override
    public void close() {
        stopRequested = true;
        synchronized (this) {
            if (stopped.getCount() == 0) {
                return;
            }
            boolean loud = running;
            if (loud) {
                log.info("AIL is stopping");
            }
            while (!started.isEmpty()) {
                Part part = started.pop();
                try {
                    part.closeable().close();
                    if (loud) {
                        log.info("Stopped {}", part.name());
                    }
                } catch (Exception e) {
                    log.warn("Stopping {} failed: {}", part.name(), e.getMessage());
                }
            }
            if (loud) {
                log.info("AIL stopped");
            }
            running = false;
            stopped.countDown();
        }
    }
}
