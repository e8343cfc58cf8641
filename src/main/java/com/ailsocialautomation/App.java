package com.ailsocialautomation;

import com.ailsocialautomation.command.CommandService;
import com.ailsocialautomation.command.Outstanding;
import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.doctor.GoLive;
import com.ailsocialautomation.notify.Notifier;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.Providers;
import com.ailsocialautomation.store.Database;
import com.ailsocialautomation.store.Vault;
import com.ailsocialautomation.web.HealthRoutes;
import com.ailsocialautomation.web.MediaRoutes;
import com.ailsocialautomation.web.PageRoutes;
import com.ailsocialautomation.web.PrivacyPolicy;
import com.ailsocialautomation.web.TermsRoutes;
import com.ailsocialautomation.web.WebRoutes;
import com.ailsocialautomation.web.WebServer;
import com.ailsocialautomation.wiring.CommandLayer;
import com.ailsocialautomation.wiring.FrontEnds;
import com.ailsocialautomation.wiring.Platforms;
import com.ailsocialautomation.wiring.Publishing;
import com.ailsocialautomation.wiring.StartError;
import com.ailsocialautomation.wiring.StartTimes;
import com.ailsocialautomation.wiring.Store;
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
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The running service: it starts the wiring units in dependency order (store, platforms, publishing, command
 * layer, front ends, web server, engine) and {@link #close()} stops what they started in reverse.
 */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    private record Part(String name, AutoCloseable closeable) {}

    private final Deque<Part> started = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Clock clock;
    private final List<Notifier> notifiers;
    private volatile boolean stopRequested;
    private volatile boolean running;
    private Config config;
    private Store store;
    private Platforms platforms;
    private CommandLayer commandLayer;
    private WebServer web;
    private final StartTimes times = new StartTimes();

    private App(Config config, Clock clock, List<Notifier> notifiers) {
        this.config = config;
        this.clock = clock;
        this.notifiers = List.copyOf(notifiers);
    }

    /**
     * An App that has not started yet, so that a shutdown hook can be registered before anything runs:
     * {@link #close()} called while {@link #launch()} runs waits for it and then stops what was started.
     * {@code notifiers} are those of front ends running in this process besides Slack and Discord (the console's).
     */
    public static App create(Config config, Clock clock, List<Notifier> notifiers) {
        return new App(config, clock, notifiers);
    }

    /** Only the database and the vault: for maintenance commands such as rotate-key. */
    public static App storeOnly(Config config, Clock clock) {
        App app = new App(config, clock, List.of());
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
        times.lap("metrics");
        checkNotStopped();
        store = Store.open(config, metrics, this::own, times);
        checkNotStopped();
    }

    private void startServices() {
        if (config.port() == 0) {
            config = config.withPort(freePort()); // so that links and redirect URIs carry the real port
        }
        logOptionalParts();
        GoLive.report(config, clock, metrics);
        platforms = Platforms.of(config, store, this::own, clock);
        times.lap("platforms");
        Publishing publishing = new Publishing(config, clock, store, platforms, metrics, Publishing.DEFAULT);
        commandLayer = new CommandLayer(config, clock, store, platforms, publishing, CommandLayer.NONE);
        times.lap("publishing and commands");
        FrontEnds frontEnds = new FrontEnds(config, clock, store, commandLayer, notifiers, this::own);
        times.lap("front ends");
        List<WebRoutes> routes = new ArrayList<>(commandLayer.routes);
        routes.addAll(frontEnds.routes);
        routes.add(new HealthRoutes(store.database::ready, metrics, config.metricsToken()));
        routes.add(new MediaRoutes(platforms.mediaGrants));
        routes.add(new PageRoutes(PrivacyPolicy.load(config.privacyPolicyFile(), config.contactEmail()),
                config.slack() == null || config.slack().clientId() == null ? null : config.publicUrl() + "/slack/install",
                config.discord() == null ? null : config.publicUrl() + "/discord/invite"));
        routes.add(TermsRoutes.load(config.termsFile(), config.contactEmail()));
        web = new WebServer("0.0.0.0", config.port(), config.publicUrl().startsWith("https://"), metrics, routes);
        own("web server", web);
        try {
            web.start();
        } catch (RuntimeException e) {
            throw new StartError("AIL_PORT " + config.port() + " cannot be used: " + StartError.firstLineOf(e), e);
        }
        times.lap("web server");
        own("publishing engine", publishing.start());
        times.lap("engine");
        log.info("AIL is ready at {} (port {})", config.publicUrl(), web.port());
        log.info("Start took {}", times.summary());
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
        for (Platform platform : Platform.withProvider()) {
            platform.whyOff(platform.app(config)).ifPresent(log::info);
        }
    }

    /** The configuration in force; with AIL_PORT=0 it carries the port actually bound. */
    public Config config() {
        return config;
    }

    public CommandService commands() {
        return commandLayer.commands;
    }

    /** What the console waits for, or names, when its input ends. */
    public Outstanding outstanding() {
        return commandLayer.outstanding;
    }

    public Providers providers() {
        return platforms.providers;
    }

    public Database database() {
        return store.database;
    }

    public Vault vault() {
        return store.vault;
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
