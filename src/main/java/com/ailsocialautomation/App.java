package com.ailsocialautomation;

import com.ailsocialautomation.config.Config;
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

import java.util.ArrayDeque;
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

    private App(Config config) {
        this.config = config;
    }

    public static App start(Config config) {
        return start(config, null);
    }

    /** Starts on {@code database} when given (tests), else on the configured or embedded database. */
    public static App start(Config config, Database database) {
        App app = new App(config);
        try {
            app.openStore(database);
            app.startServices();
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

    private void startServices() {
        logOptionalParts();
        List<WebRoutes> routes = new ArrayList<>();
        routes.add(new HealthRoutes(database::ready, metrics));
        routes.add(new PageRoutes(PrivacyPolicy.load(config.privacyPolicyFile(), config.contactEmail()),
                config.slack() == null ? null : config.publicUrl() + "/slack/install", null));
        web = new WebServer("0.0.0.0", config.port(), metrics, routes).start();
        started.push(web);
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
