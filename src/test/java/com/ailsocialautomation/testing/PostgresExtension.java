package com.ailsocialautomation.testing;

import com.ailsocialautomation.store.Database;
import com.ailsocialautomation.store.Vault;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.UUID;

/**
 * A real PostgreSQL for tests: one embedded server per test JVM (or a shared one, below), a migrated template database,
 * and a fresh database cloned from it for every test class that registers this extension:
 * <pre>@RegisterExtension static final PostgresExtension pg = new PostgresExtension();</pre>
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback {
    /** The master key every test vault uses (base64 of 32 bytes). */
    public static final String MASTER_KEY_BASE64 = Base64.getEncoder().encodeToString(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
    private static final String TEMPLATE = "ail_template";
    /**
     * {@code -Dail.test.postgresPort=N}: use the PostgreSQL already listening on localhost:N (trusting the user
     * postgres) instead of starting one in this JVM. PIT's runs start one such server for all their minions: a minion
     * replaced after a timed-out mutant then costs a JVM start instead of an initdb, and each class's database is
     * dropped after it, since that server outlives the JVM.
     */
    private static final String SHARED_PORT = System.getProperty("ail.test.postgresPort");
    private static EmbeddedPostgres server;
    private static int port;

    private Database database;
    private Vault vault;
    private String name;

    private static synchronized int port() {
        if (port != 0) {
            return port;
        }
        try {
            if (SHARED_PORT != null) {
                port = Integer.parseInt(SHARED_PORT);
            } else {
                server = EmbeddedPostgres.builder().start();
                port = server.getPort();
                PostgresWatchdog.watch(server.getPostgresDatabase());
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException ignored) {
                        // the JVM is going anyway
                    }
                }));
            }
            // the lock keeps a second JVM on a shared server from cloning a template still being migrated
            try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
                s.execute("select pg_advisory_lock(4715)");
                try (var r = s.executeQuery("select 1 from pg_database where datname = '" + TEMPLATE + "'")) {
                    if (!r.next()) {
                        s.execute("create database " + TEMPLATE);
                    }
                }
                Database template = Database.over(jdbcUrl(TEMPLATE), "postgres", null, null);
                template.migrate();
                template.close();
            }
        } catch (IOException | SQLException e) {
            port = 0;
            throw new IllegalStateException("PostgreSQL for tests did not start", e);
        }
        return port;
    }

    private static Connection connect(String databaseName) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(databaseName));
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** A new, migrated, empty database. Classes that need two can call this more than once. */
    public static synchronized String newDatabase() {
        port();
        String db = "t_" + UUID.randomUUID().toString().replace("-", "");
        try {
            execute("create database " + db + " template " + TEMPLATE);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return db;
    }

    public static String jdbcUrl(String databaseName) {
        return "jdbc:postgresql://localhost:%d/%s?user=postgres".formatted(port(), databaseName);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        name = newDatabase();
        database = Database.over(jdbcUrl(name), "postgres", null, null);
        database.migrate();
        vault = Vault.open(database.dataSource(), Base64.getDecoder().decode(MASTER_KEY_BASE64));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (database != null) {
            database.close();
            if (SHARED_PORT != null) {
                try {
                    execute("drop database " + name + " with (force)");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    public Database database() {
        return database;
    }

    public javax.sql.DataSource dataSource() {
        return database.dataSource();
    }

    public Vault vault() {
        return vault;
    }

    public String jdbcUrl() {
        return jdbcUrl(name);
    }

    public String databaseName() {
        return name;
    }
}
