package com.ailsocialautomation.testing;

import com.ailsocialautomation.store.Database;
import com.ailsocialautomation.store.Vault;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.UUID;

/**
 * A real PostgreSQL for tests: one embedded server per test JVM, a migrated template database,
 * and a fresh database cloned from it for every test class that registers this extension:
 * <pre>@RegisterExtension static final PostgresExtension pg = new PostgresExtension();</pre>
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback {
    /** The master key every test vault uses (base64 of 32 bytes). */
    public static final String MASTER_KEY_BASE64 = Base64.getEncoder().encodeToString(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
    private static final String TEMPLATE = "ail_template";
    private static EmbeddedPostgres server;

    private Database database;
    private Vault vault;
    private String name;

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
                PostgresWatchdog.watch(server.getPostgresDatabase());
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException ignored) {
                        // the JVM is going anyway
                    }
                }));
                execute("create database " + TEMPLATE);
                Database template = Database.over(server.getJdbcUrl("postgres", TEMPLATE), "postgres", null, null);
                template.migrate();
                template.close();
            } catch (IOException | SQLException e) {
                throw new IllegalStateException("embedded PostgreSQL for tests did not start", e);
            }
        }
        return server;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** A new, migrated, empty database. Classes that need two can call this more than once. */
    public static synchronized String newDatabase() {
        server();
        String db = "t_" + UUID.randomUUID().toString().replace("-", "");
        try {
            execute("create database " + db + " template " + TEMPLATE);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return db;
    }

    public static String jdbcUrl(String databaseName) {
        return server().getJdbcUrl("postgres", databaseName);
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
