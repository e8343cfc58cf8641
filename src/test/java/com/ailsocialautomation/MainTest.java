package com.ailsocialautomation;

import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.store.Vault;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    /** What a run printed and returned. */
    record Run(int exit, String out, String err) {}

    static Run run(Map<String, String> env, String... args) {
        return runWithInput("", env, args);
    }

    static Run runWithInput(String input, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, env, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownCommandPrintsUsageAndExitsWith2() {
        Run r = run(Map.of(), "publish");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("Unknown command 'publish'."), r.err());
        assertTrue(r.err().contains("Usage: java -jar ail.jar [command]"));
        assertTrue(r.err().contains("encrypt-config [value]"));
    }

    @Test
    void helpPrintsUsageAndExitsWith0() {
        Run r = run(Map.of(), "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("rotate-key"));
    }

    @Test
    void aBadSettingStopsStartUpWithOneLineAndExitCode1() {
        Run r = run(Map.of("AIL_PORT", "eighty"));
        assertEquals(1, r.exit());
        assertEquals(List.of("AIL cannot start: AIL_PORT must be a whole number from 0 to 65535, got 'eighty'"), r.err().lines().toList());
        assertEquals("", r.out());

        Run external = run(Map.of("AIL_DATABASE_URL", "jdbc:postgresql://db/ail"), "serve");
        assertEquals(1, external.exit());
        assertEquals(1, external.err().lines().count());
        assertTrue(external.err().startsWith("AIL cannot start: AIL_ENCRYPTION_KEY is required with AIL_DATABASE_URL"));
    }

    @Test
    void encryptConfigPrintsAValueThatConfigDecrypts() {
        Map<String, String> env = Map.of("AIL_CONFIG_PASSWORD", "operator-password");
        Run r = run(env, "encrypt-config", "xoxb-slack-bot-token");
        assertEquals(0, r.exit(), r.err());
        String enc = r.out().trim();
        assertTrue(enc.startsWith("ENC(") && enc.endsWith(")"), enc);
        assertFalse(enc.contains("xoxb"));
        assertFalse(run(env, "encrypt-config", "xoxb-slack-bot-token").out().trim().equals(enc), "random IV: a new value every time");

        Config config = Config.from(Map.of("AIL_CONFIG_PASSWORD", "operator-password",
                "SLACK_SIGNING_SECRET", "signing", "SLACK_BOT_TOKEN", enc));
        assertEquals("xoxb-slack-bot-token", config.slack().botToken().reveal());
    }

    @Test
    void encryptConfigReadsTheValueFromStandardInputSoItStaysOutOfShellHistory() {
        Run r = runWithInput("xoxb-from-stdin\n", Map.of("AIL_CONFIG_PASSWORD", "operator-password"), "encrypt-config");
        assertEquals(0, r.exit(), r.err());
        String enc = r.out().trim();
        assertFalse(enc.contains("xoxb"));
        assertEquals("xoxb-from-stdin", Config.from(Map.of("AIL_CONFIG_PASSWORD", "operator-password",
                "SLACK_SIGNING_SECRET", "signing", "SLACK_BOT_TOKEN", enc)).slack().botToken().reveal());
    }

    @Test
    void encryptConfigNeedsThePasswordAndExactlyOneValue() {
        Run noPassword = run(Map.of(), "encrypt-config", "v");
        assertEquals(1, noPassword.exit());
        assertTrue(noPassword.err().contains("AIL_CONFIG_PASSWORD must be set"));
        Run nothing = run(Map.of("AIL_CONFIG_PASSWORD", "p"), "encrypt-config");
        assertEquals(2, nothing.exit());
        assertTrue(nothing.err().startsWith("encrypt-config read no value: type it after the command"), nothing.err());
        assertEquals(2, run(Map.of("AIL_CONFIG_PASSWORD", "p"), "encrypt-config", "a", "b").exit());
    }

    /** The settings of a store on a new test database, under the test master key. */
    private static Map<String, String> storeOnNewDatabase() {
        return Map.of("AIL_DATABASE_URL", PostgresExtension.jdbcUrl(PostgresExtension.newDatabase()),
                "AIL_DATABASE_USER", "postgres", "AIL_ENCRYPTION_KEY", PostgresExtension.MASTER_KEY_BASE64);
    }

    /** Writes {@code token} through the vault as a pending revocation, as the service would; returns its place. */
    private static Vault.Place storeRevocationToken(Map<String, String> env, String token) throws Exception {
        Vault.Place place = new Vault.Place("pending_revocations", "token_enc", UUID.randomUUID());
        try (App store = App.storeOnly(Config.from(env), Clock.systemUTC());
             Connection c = store.database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("insert into pending_revocations (id, platform, token_enc) values (?, 'x', ?)")) {
            ps.setObject(1, place.rowId());
            ps.setBytes(2, store.vault().encrypt(token, place));
            ps.executeUpdate();
        }
        return place;
    }

    @Test
    void rotateKeyMasterRewrapsTheKeysetUnderANewKeyThatItPrintsForTheEnvironment() throws Exception {
        Map<String, String> env = storeOnNewDatabase();
        Vault.Place place = storeRevocationToken(env, "token-kept-across-the-rewrap");

        Run r = run(env, "rotate-key", "--master");

        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("New master key (set AIL_ENCRYPTION_KEY to it"), lines.get(0));
        String next = lines.get(1);
        assertEquals(32, java.util.Base64.getDecoder().decode(next).length);
        Map<String, String> old = env;
        Run refused = run(old, "rotate-key");
        assertEquals(1, refused.exit(), "the old master key no longer opens the keyset");
        assertTrue(refused.err().contains("The master key does not open the stored keyset"), refused.err());
        Map<String, String> renewed = new java.util.HashMap<>(env);
        renewed.put("AIL_ENCRYPTION_KEY", next);
        try (App store = App.storeOnly(Config.from(renewed), Clock.systemUTC());
             Connection c = store.database().dataSource().getConnection();
             java.sql.ResultSet rs = c.createStatement().executeQuery("select token_enc from pending_revocations where id = '" + place.rowId() + "'")) {
            assertTrue(rs.next());
            assertEquals("token-kept-across-the-rewrap", store.vault().decrypt(rs.getBytes(1), place), "the keys inside are the same");
        }
        assertEquals(2, run(env, "rotate-key", "--everything").exit());
    }

    @Test
    void rotateKeyReencryptsTheStoredSecretsAndReportsCounts() throws Exception {
        Map<String, String> env = storeOnNewDatabase();
        Vault.Place place = storeRevocationToken(env, "token-to-rotate");

        Run r = run(env, "rotate-key");

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().matches("(?s)New primary key \\d+ added; 1 secrets re-encrypted:\n.*"), r.out());
        assertTrue(r.out().contains("  pending_revocations.token_enc: 1\n"), r.out());
        assertTrue(r.out().contains("  social_accounts.access_token_enc: 0\n"), r.out());
        try (App store = App.storeOnly(Config.from(env), Clock.systemUTC())) {
            assertEquals(2, store.vault().keyCount());
        }
    }

    @Test
    void aWrongEncryptionKeyIsOneLineToo() {
        String db = PostgresExtension.newDatabase();
        Map<String, String> env = Map.of("AIL_DATABASE_URL", PostgresExtension.jdbcUrl(db), "AIL_DATABASE_USER", "postgres",
                "AIL_ENCRYPTION_KEY", PostgresExtension.MASTER_KEY_BASE64);
        assertEquals(0, run(env, "rotate-key").exit());
        Run r = run(Map.of("AIL_DATABASE_URL", PostgresExtension.jdbcUrl(db), "AIL_DATABASE_USER", "postgres",
                "AIL_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(new byte[32])), "rotate-key");
        assertEquals(1, r.exit());
        assertEquals(List.of("AIL cannot start: The master key does not open the stored keyset: AIL_ENCRYPTION_KEY "
                + "(or master.key) is not the key this database was set up with"), r.err().lines().toList());
    }
}
