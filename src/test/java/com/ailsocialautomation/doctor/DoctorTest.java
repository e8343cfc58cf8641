package com.ailsocialautomation.doctor;

import com.ailsocialautomation.fakes.FakeDiscord;
import com.ailsocialautomation.fakes.FakeSlack;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.web.WebServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `java -jar ail.jar doctor` against the strict fakes, a real PostgreSQL and a public URL on loopback. */
class DoctorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path tmp;
    private FakeSlack slack;
    private FakeDiscord discord;
    private WebServer ail;

    @BeforeEach
    void start() throws Exception {
        slack = new FakeSlack();
        discord = new FakeDiscord("discord-bot-token");
        ail = new WebServer("127.0.0.1", 0, new SimpleMeterRegistry(),
                List.of(routes -> routes.get("/healthz", ctx -> ctx.contentType("text/plain").result("ok")))).start();
    }

    @AfterEach
    void stop() {
        ail.close();
        discord.close();
        slack.close();
    }

    private record Run(int exit, List<String> lines) {
        String line(String name) {
            return lines.stream().filter(l -> l.substring(5).startsWith(name + ":")).findFirst().orElseThrow(() -> new AssertionError(name + " in " + lines));
        }
    }

    private static Run doctor(Map<String, String> env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Doctor.run(env, new PrintStream(out, true, StandardCharsets.UTF_8), CLOCK);
        return new Run(exit, out.toString(StandardCharsets.UTF_8).lines().toList());
    }

    private Map<String, String> working() {
        Map<String, String> env = new HashMap<>(Map.of(
                "AIL_DATABASE_URL", PostgresExtension.jdbcUrl(PostgresExtension.newDatabase()), "AIL_DATABASE_USER", "postgres",
                "AIL_ENCRYPTION_KEY", PostgresExtension.MASTER_KEY_BASE64, "AIL_CONTACT_EMAIL", "dpo@example.org",
                "AIL_PUBLIC_URL", "http://127.0.0.1:" + ail.port(),
                "SLACK_SIGNING_SECRET", "signing", "SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN, "SLACK_API_URL", slack.url(),
                "DISCORD_BOT_TOKEN", "discord-bot-token", "DISCORD_API_URL", discord.apiUrl()));
        env.putAll(Map.of("AIL_X_CLIENT_ID", "x-app", "AIL_X_CLIENT_SECRET", "x-secret"));
        return env;
    }

    @Test
    void aWorkingSetUpPassesWithOneLinePerCheckAndOnlyTheHttpsWarning() {
        Run run = doctor(working());
        assertEquals(0, run.exit(), run.lines().toString());
        assertEquals("OK   configuration: every variable is valid", run.lines().get(0));
        assertTrue(run.line("before going live").startsWith("WARN before going live: AIL_PUBLIC_URL http://127.0.0.1:"), run.lines().toString());
        assertTrue(run.line("database").matches("OK   database: PostgreSQL \\d+\\.\\d+ at AIL_DATABASE_URL answers"), run.line("database"));
        assertEquals("OK   public URL: http://127.0.0.1:" + ail.port() + " reaches AIL", run.line("public URL"));
        assertEquals("OK   slack: SLACK_BOT_TOKEN works for workspace AIL test", run.line("slack"));
        assertEquals("OK   discord: DISCORD_BOT_TOKEN works for the bot AIL (" + FakeDiscord.BOT_ID + ")", run.line("discord"));
        assertTrue(run.line("x").contains("not checkable without a user") && run.line("x").endsWith("/oauth/x/callback"), run.line("x"));
        assertTrue(run.line("linkedin").startsWith("OK   linkedin: off (set AIL_LINKEDIN_CLIENT_ID"), run.line("linkedin"));
        assertEquals("No failures, 1 warning(s): fine for a trial; fix them before going live.", run.lines().get(run.lines().size() - 1));
    }

    @Test
    void wrongCredentialsAnUnreachableDatabaseAndAnUnknownHostEachFailWithWhatToDo() {
        Map<String, String> env = working();
        env.putAll(Map.of("SLACK_BOT_TOKEN", "xoxb-revoked", "DISCORD_BOT_TOKEN", "wrong", "AIL_PUBLIC_URL", "https://ail.invalid",
                "AIL_DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/ail"));
        Run run = doctor(env);
        assertEquals(1, run.exit());
        assertTrue(run.line("slack").startsWith("FAIL slack: SLACK_BOT_TOKEN is not accepted by Slack (invalid_auth): copy the Bot User OAuth Token"), run.line("slack"));
        assertTrue(run.line("discord").startsWith("FAIL discord: DISCORD_BOT_TOKEN is not accepted by Discord (HTTP 401)"), run.line("discord"));
        assertTrue(run.line("database").startsWith("FAIL database: AIL_DATABASE_URL cannot be used: Connection to 127.0.0.1:1 refused"), run.line("database"));
        assertEquals("FAIL public URL: the host of AIL_PUBLIC_URL (ail.invalid) does not resolve: check the name and its DNS record", run.line("public URL"));
        assertTrue(run.lines().stream().noneMatch(l -> l.contains("xoxb-revoked") || l.contains("wrong)")), "no secret is echoed");
    }

    @Test
    void slacksClientPairIsCheckedWithoutAnInstallAndNothingAnsweringIsOnlyAWarning() {
        Map<String, String> env = working();
        env.remove("SLACK_BOT_TOKEN");
        env.putAll(Map.of("SLACK_CLIENT_ID", FakeSlack.CLIENT_ID, "SLACK_CLIENT_SECRET", "not-the-secret", "AIL_PUBLIC_URL", "http://127.0.0.1:1"));
        Run run = doctor(env);
        assertEquals("FAIL slack: SLACK_CLIENT_SECRET is not accepted by Slack: copy it from Basic Information", run.line("slack"));
        assertTrue(run.line("public URL").startsWith("WARN public URL: nothing answers at http://127.0.0.1:1 (connection refused): fine before AIL starts"),
                run.line("public URL"));
        env.put("SLACK_CLIENT_SECRET", FakeSlack.CLIENT_SECRET);
        assertEquals("OK   slack: SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are accepted by Slack; installs start at /slack/install",
                doctor(env).line("slack"));
    }

    @Test
    void theEmbeddedDataDirectorysStateIsReadWithoutStartingPostgres() throws Exception {
        Path data = tmp.resolve("data");
        assertTrue(doctor(Map.of("AIL_DATA_DIR", data.toString())).line("database").endsWith("will be created at the first start"));
        Files.createDirectories(data.resolve("postgres"));
        Files.writeString(data.resolve("postgres/PG_VERSION"), "14\n");
        assertEquals("OK   database: embedded PostgreSQL in AIL_DATA_DIR (" + data + ") with a PostgreSQL 14 cluster and no master.key yet "
                + "(one is generated at start)", doctor(Map.of("AIL_DATA_DIR", data.toString())).line("database"));
    }

    @Test
    void aConfigurationErrorIsOneFailLineAndExitCodeOne() {
        Run run = doctor(Map.of("AIL_LOG_FORMAT", "yaml"));
        assertEquals(1, run.exit());
        assertEquals("FAIL configuration: AIL_LOG_FORMAT must be text or json, got 'yaml'", run.lines().get(0));
    }
}
