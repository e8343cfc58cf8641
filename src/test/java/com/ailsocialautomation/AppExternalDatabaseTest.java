package com.ailsocialautomation;

import com.ailsocialautomation.testing.ServiceEnv;
import com.ailsocialautomation.store.Vault;
import com.ailsocialautomation.store.VaultError;
import com.ailsocialautomation.testing.Http;
import com.ailsocialautomation.testing.PostgresExtension;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AIL_DATABASE_URL: the service runs on a PostgreSQL someone else runs, and keeps nothing on local disk. */
class AppExternalDatabaseTest {
    @TempDir
    Path tmp;

    @Test
    void withAilDatabaseUrlTheServiceRunsOnThatDatabaseAndCreatesNoDataDirectory() throws Exception {
        Map<String, String> env = external(PostgresExtension.newDatabase(), PostgresExtension.MASTER_KEY_BASE64);
        try (App app = ServiceEnv.start(env)) {
            assertFalse(app.config().embeddedDatabase());
            assertEquals(200, Http.get(app.port(), "/readyz").statusCode());
            Vault.Place place = new Vault.Place("pending_revocations", "token_enc", UUID.randomUUID());
            assertEquals("a-token", app.vault().decrypt(app.vault().encrypt("a-token", place), place));
            try (Connection c = app.database().dataSource().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("select count(*) from flyway_schema_history where success")) {
                rs.next();
                assertTrue(rs.getInt(1) >= 1, "migrations were applied to the external database");
            }
        }
        assertFalse(Files.exists(tmp.resolve("data")), "no data directory in external mode");
    }

    @Test
    void eachOptionalPartThatIsOffIsLoggedOnceWithWhatTurnsItOnAndNoLogLineHoldsASecret() {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        Map<String, String> env = external(PostgresExtension.newDatabase(), PostgresExtension.MASTER_KEY_BASE64);
        env.put("AIL_DATABASE_PASSWORD", "db-password-that-must-not-be-logged");
        env.put("AIL_X_CLIENT_ID", "x-client");
        env.put("AIL_X_CLIENT_SECRET", "x-secret-that-must-not-be-logged");
        try {
            ServiceEnv.start(env).close();
        } finally {
            root.detachAppender(logged);
        }
        List<String> lines = logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        for (String off : List.of(
                "Slack: off (set SLACK_SIGNING_SECRET with SLACK_BOT_TOKEN, or with SLACK_CLIENT_ID and SLACK_CLIENT_SECRET)",
                "Discord: off (set DISCORD_BOT_TOKEN)",
                "linkedin: off (set AIL_LINKEDIN_CLIENT_ID and AIL_LINKEDIN_CLIENT_SECRET)",
                "youtube: off (set AIL_YOUTUBE_CLIENT_ID and AIL_YOUTUBE_CLIENT_SECRET)")) {
            assertEquals(1, lines.stream().filter(off::equals).count(), off + " in " + lines);
        }
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("x: off")), "X has credentials");
        // every platform that waits for its operator's app says so once; one without a provider has nothing to turn on
        com.ailsocialautomation.config.Config config = com.ailsocialautomation.config.Config.from(env);
        for (com.ailsocialautomation.platform.Platform platform : com.ailsocialautomation.platform.Platform.values()) {
            java.util.Optional<String> off = platform.whyOff(platform.app(config));
            if (off.isPresent()) {
                assertEquals(1, lines.stream().filter(off.get()::equals).count(), off.get() + " in " + lines);
            } else if (!platform.hasProvider()) {
                assertTrue(lines.stream().noneMatch(l -> l.startsWith(platform.id() + ":")), "AIL has no " + platform + " provider to turn on");
            }
        }
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("meta:")), "the shared Meta app is named by its platforms");
        for (String line : lines) {
            assertFalse(line.contains("must-not-be-logged") || line.contains(PostgresExtension.MASTER_KEY_BASE64), line);
        }
    }

    @Test
    void anotherEncryptionKeyOnTheSameDatabaseIsRefusedWithAClearMessage() {
        String db = PostgresExtension.newDatabase();
        ServiceEnv.start(external(db, PostgresExtension.MASTER_KEY_BASE64)).close();
        String otherKey = Base64.getEncoder().encodeToString(new byte[32]);
        VaultError e = assertThrows(VaultError.class, () -> ServiceEnv.start(external(db, otherKey)));
        assertEquals("The master key does not open the stored keyset: AIL_ENCRYPTION_KEY (or master.key) "
                + "is not the key this database was set up with", e.getMessage());
    }

    private Map<String, String> external(String database, String key) {
        return new HashMap<>(ServiceEnv.onDatabase(database, tmp.resolve("data")).with("AIL_ENCRYPTION_KEY", key)
                .without("AIL_INSECURE_LOOPBACK").without("AIL_POLL_INTERVAL_MS").vars());
    }
}
