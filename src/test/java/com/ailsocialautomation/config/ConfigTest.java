package com.ailsocialautomation.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigTest {
    private static final String KEY = Base64.getEncoder().encodeToString(
            "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    /** Encrypted under "right-password"; under "wrong-password" Jasypt "decrypts" it to random bytes without an error. */
    private static final String GARBAGE_UNDER_WRONG_PASSWORD =
            "ENC(TBNm02djymRk7CaXWlQ7z+9uRR2WwAllLXGAQ3LCBEyJLXlY7rHlsLOOx8FSUJxv2z+ZiHyeuLCsq/rr/RJ8hA==)";

    @TempDir
    Path tmp;

    @Test
    void noSettingsGiveTheEmbeddedDefaults() {
        Config c = Config.from(Map.of());
        assertEquals(8080, c.port());
        assertEquals("http://localhost:8080", c.publicUrl());
        assertEquals(Path.of("data").toAbsolutePath().normalize(), c.dataDir());
        assertTrue(c.embeddedDatabase());
        assertNull(c.encryptionKey());
        assertEquals(90, c.retentionDays());
        assertEquals("legal@ailsocialautomation.com", c.contactEmail());
        assertNull(c.slack());
        assertNull(c.discord());
    }

    @Test
    void aPortThatIsNotANumberIsOneLineNamingAilPort() {
        assertProblem(Map.of("AIL_PORT", "eighty"), "AIL_PORT", "must be a whole number from 0 to 65535, got 'eighty'");
        assertProblem(Map.of("AIL_PORT", "70000"), "AIL_PORT", "must be a whole number");
    }

    @Test
    void anEncryptionKeyThatIsTooShortOrNotBase64IsRefusedWithoutRepeatingIt() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        ConfigError e = assertProblem(Map.of("AIL_ENCRYPTION_KEY", shortKey), "AIL_ENCRYPTION_KEY",
                "is too short: it decodes to 16 bytes, at least 32 are needed");
        assertFalse(e.getMessage().contains(shortKey));
        ConfigError e2 = assertProblem(Map.of("AIL_ENCRYPTION_KEY", "not*base64!secret"), "AIL_ENCRYPTION_KEY", "must be base64");
        assertFalse(e2.getMessage().contains("not*base64!secret"));
    }

    @Test
    void aPrivacyPolicyFileThatCannotBeReadIsNamed() throws Exception {
        assertProblem(Map.of("AIL_PRIVACY_POLICY_FILE", tmp.resolve("missing.txt").toString()),
                "AIL_PRIVACY_POLICY_FILE", "names a file that cannot be read");
        assertProblem(Map.of("AIL_PRIVACY_POLICY_FILE", tmp.toString()), "AIL_PRIVACY_POLICY_FILE", "names a file that cannot be read");
        Path policy = Files.writeString(tmp.resolve("policy.txt"), "Our policy");
        assertEquals(policy, Config.from(Map.of("AIL_PRIVACY_POLICY_FILE", policy.toString())).privacyPolicyFile());
    }

    @Test
    void aTermsFileThatCannotBeReadIsNamed() throws Exception {
        assertProblem(Map.of("AIL_TERMS_FILE", tmp.resolve("missing.txt").toString()), "AIL_TERMS_FILE", "names a file that cannot be read");
        Path terms = Files.writeString(tmp.resolve("terms.txt"), "Our terms");
        assertEquals(terms, Config.from(Map.of("AIL_TERMS_FILE", terms.toString())).termsFile());
    }

    @Test
    void theLogFormatIsTextOrJsonAndAnythingElseIsOneLineNamingIt() {
        assertEquals(Config.LogFormat.TEXT, Config.from(Map.of()).logFormat());
        assertEquals(Config.LogFormat.JSON, Config.from(Map.of("AIL_LOG_FORMAT", "json")).logFormat());
        assertProblem(Map.of("AIL_LOG_FORMAT", "logfmt"), "AIL_LOG_FORMAT", "must be text or json, got 'logfmt'");
        assertProblem(Map.of("AIL_LOG_FORMAT", "JSON"), "AIL_LOG_FORMAT", "must be text or json, got 'JSON'");
    }

    @Test
    void slackWithOnlyItsSigningSecretIsPartlyConfiguredAndHalfAClientPairIsRefused() {
        Config.Slack slack = Config.from(Map.of("SLACK_SIGNING_SECRET", "s3cr3t")).slack();
        assertFalse(slack.complete());
        assertTrue(Config.from(Map.of("SLACK_SIGNING_SECRET", "s3cr3t", "SLACK_BOT_TOKEN", "xoxb-1")).slack().complete());
        assertProblem(Map.of("SLACK_SIGNING_SECRET", "s3cr3t", "SLACK_CLIENT_ID", "1.2"), "SLACK_CLIENT_SECRET", "is required with SLACK_CLIENT_ID");
    }

    @Test
    void anExternalDatabaseWithoutAnEncryptionKeyIsRefused() {
        assertProblem(Map.of("AIL_DATABASE_URL", "jdbc:postgresql://db:5432/ail"), "AIL_ENCRYPTION_KEY",
                "is required with AIL_DATABASE_URL");
        Config c = Config.from(Map.of("AIL_DATABASE_URL", "jdbc:postgresql://db:5432/ail", "AIL_DATABASE_USER", "ail",
                "AIL_DATABASE_PASSWORD", "pw", "AIL_ENCRYPTION_KEY", KEY));
        assertFalse(c.embeddedDatabase());
        assertEquals("ail", c.externalDatabase().user());
    }

    @Test
    void badUrlsAreNamed() {
        assertProblem(Map.of("AIL_DATABASE_URL", "postgres://db/ail", "AIL_ENCRYPTION_KEY", KEY), "AIL_DATABASE_URL",
                "must be a PostgreSQL JDBC URL");
        assertProblem(Map.of("AIL_PUBLIC_URL", "ftp://example.org"), "AIL_PUBLIC_URL", "must be an absolute http(s) URL");
        assertProblem(Map.of("AIL_PUBLIC_URL", "example.org"), "AIL_PUBLIC_URL", "must be an absolute http(s) URL");
        assertEquals("https://ail.example.org", Config.from(Map.of("AIL_PUBLIC_URL", "https://ail.example.org/")).publicUrl());
    }

    @Test
    void otherBadValuesAreNamedToo() {
        assertProblem(Map.of("AIL_INSECURE_LOOPBACK", "maybe"), "AIL_INSECURE_LOOPBACK", "must be true or false");
        assertProblem(Map.of("AIL_RETENTION_DAYS", "0"), "AIL_RETENTION_DAYS", "must be a whole number from 1");
        assertProblem(Map.of("AIL_MAX_ATTEMPTS", "many"), "AIL_MAX_ATTEMPTS", "must be a whole number");
        assertProblem(Map.of("SLACK_BOT_TOKEN", "xoxb-1"), "SLACK_SIGNING_SECRET", "is required when Slack is configured");
        assertProblem(Map.of("DISCORD_BOT_TOKEN", "t", "DISCORD_SHARDS", "-1"), "DISCORD_SHARDS", "must be a whole number");
    }

    @Test
    void aGoodEncValueDecryptsUnderAilConfigPassword() {
        String enc = new ConfigCipher(Secret.of("right-password")).encrypt("xoxb-from-an-env-file");
        assertTrue(enc.startsWith("ENC(") && enc.endsWith(")"));
        Config c = Config.from(Map.of("AIL_CONFIG_PASSWORD", "right-password",
                "SLACK_SIGNING_SECRET", "signing", "SLACK_BOT_TOKEN", enc));
        assertEquals("xoxb-from-an-env-file", c.slack().botToken().reveal());
        assertEquals("xoxb-known-slack-token", Config.from(Map.of("AIL_CONFIG_PASSWORD", "right-password",
                "SLACK_SIGNING_SECRET", "s", "SLACK_BOT_TOKEN", GARBAGE_UNDER_WRONG_PASSWORD)).slack().botToken().reveal());
    }

    @Test
    void anEncValueWithoutAilConfigPasswordIsRefused() {
        String enc = new ConfigCipher(Secret.of("right-password")).encrypt("discord-token");
        ConfigError e = assertProblem(Map.of("DISCORD_BOT_TOKEN", enc), "DISCORD_BOT_TOKEN", "AIL_CONFIG_PASSWORD is not set");
        assertFalse(e.getMessage().contains(enc.substring(4, 20)));
    }

    @Test
    void anEncValueUnderTheWrongPasswordIsRefusedNeverUsedAsGarbage() {
        String enc = new ConfigCipher(Secret.of("right-password")).encrypt("discord-token");
        ConfigError e = assertProblem(Map.of("AIL_CONFIG_PASSWORD", "wrong-password", "DISCORD_BOT_TOKEN", enc),
                "DISCORD_BOT_TOKEN", "AIL_CONFIG_PASSWORD does not decrypt");
        assertFalse(e.getMessage().contains("wrong-password"));
        // Jasypt's AES-CBC has no MAC: this value passes its padding check under the wrong password.
        assertProblem(Map.of("AIL_CONFIG_PASSWORD", "wrong-password", "DISCORD_BOT_TOKEN", GARBAGE_UNDER_WRONG_PASSWORD),
                "DISCORD_BOT_TOKEN", "AIL_CONFIG_PASSWORD does not decrypt");
    }

    @Test
    void neitherToStringNorAnyMessageShowsASecret() {
        Map<String, String> env = new HashMap<>();
        env.put("AIL_DATABASE_URL", "jdbc:postgresql://db:5432/ail?ssl=true&password=secret-in-url&sslmode=require");
        env.put("AIL_DATABASE_USER", "ail");
        env.put("AIL_DATABASE_PASSWORD", "secret-db-password");
        env.put("AIL_ENCRYPTION_KEY", KEY);
        env.put("AIL_CONFIG_PASSWORD", "secret-config-password");
        env.put("SLACK_SIGNING_SECRET", "secret-slack-signing");
        env.put("SLACK_BOT_TOKEN", new ConfigCipher(Secret.of("secret-config-password")).encrypt("secret-slack-bot"));
        env.put("SLACK_CLIENT_ID", "slack-client");
        env.put("SLACK_CLIENT_SECRET", "secret-slack-client");
        env.put("SLACK_APP_TOKEN", "secret-slack-app");
        env.put("DISCORD_BOT_TOKEN", "secret-discord-bot");
        env.put("AIL_X_CLIENT_ID", "id-X");
        env.put("AIL_X_CLIENT_SECRET", "secret-X-client");
        Config c = Config.from(env);
        assertEquals("secret-slack-bot", c.slack().botToken().reveal());
        String shown = c.toString();
        assertTrue(shown.contains("slack-client") && shown.contains("sslmode=require"),
                "non-secret settings are shown: " + shown);
        for (String secret : List.of("secret-", KEY, KEY.substring(0, 12))) {
            assertFalse(shown.contains(secret), "Config.toString() shows " + secret + ": " + shown);
        }
        // a message about a bad value next to secrets names the variable only
        env.put("AIL_PORT", "x");
        ConfigError e = assertThrows(ConfigError.class, () -> Config.from(env));
        assertFalse(e.getMessage().contains("secret-"), e.getMessage());
        env.remove("AIL_PORT");
        env.put("AIL_CONFIG_PASSWORD", "another-password");
        ConfigError e2 = assertThrows(ConfigError.class, () -> Config.from(env));
        assertEquals("SLACK_BOT_TOKEN", e2.variable());
        assertFalse(e2.getMessage().contains("secret-") || e2.getMessage().contains("another-password"), e2.getMessage());
    }

    @Test
    void portZeroKeepsTheDefaultPublicUrlInStepWithTheBoundPort() {
        Config c = Config.from(Map.of("AIL_PORT", "0"));
        assertEquals("http://localhost:43210", c.withPort(43210).publicUrl());
        assertEquals(43210, c.withPort(43210).port());
        Config explicit = Config.from(Map.of("AIL_PORT", "0", "AIL_PUBLIC_URL", "https://ail.example.org"));
        assertEquals("https://ail.example.org", explicit.withPort(43210).publicUrl());
    }

    private static ConfigError assertProblem(Map<String, String> env, String variable, String problem) {
        ConfigError e = assertThrows(ConfigError.class, () -> Config.from(env));
        assertEquals(variable, e.variable());
        assertTrue(e.getMessage().startsWith(variable + " "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }
}
