package com.ailsocialautomation.privacy;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.testing.ServiceEnv;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.ailsocialautomation.App;
import com.ailsocialautomation.command.Invocation;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.fakes.FakeWebhookReceiver;
import com.ailsocialautomation.notify.Notifier;
import com.ailsocialautomation.testing.Http;
import com.ailsocialautomation.testing.LogFormats;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole service as Services wires it: the application log, as captured and as written in both AIL_LOG_FORMATs, of a full connect-post-fail cycle (and of my-data and
 * forget-me) holds no secret and no post text beyond a short prefix; /ail help links the policy page, which names
 * the contact; the retention job is scheduled.
 */
class PrivacyAppTest {
    static final String CONTACT = "dpo@example.org";
    static final String TEXT = "Quarterly update: revenue grew in every region, and the board approved the plan. "
            + "Confidential tail 7e7e-marker that must never reach an application log, whatever the level.";
    static final Invocation LOCAL = new Invocation(FrontEnd.CONSOLE, "console", "local", "Ana Quintero", true, ZoneOffset.UTC, "console");

    @TempDir
    static Path tmp;
    static App app;
    static final List<Reply> dms = new CopyOnWriteArrayList<>();
    static final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    /** The same events as the operator gets them, in both AIL_LOG_FORMATs (text and JSON). */
    static final LogFormats.Lines written = new LogFormats.Lines();
    static final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    static final Logger ours = (Logger) LoggerFactory.getLogger("com.ailsocialautomation");

    @BeforeAll
    static void start() throws Exception {
        logged.start();
        root.addAppender(logged);
        written.start();
        root.addAppender(written);
        ours.setLevel(Level.DEBUG); // our own debug lines are searched too
        Path policy = Files.writeString(tmp.resolve("policy.txt"), "Example Corp keeps your data safe.\n");
        ServiceEnv env = ServiceEnv.in(tmp.resolve("data"))
                .with("AIL_CONTACT_EMAIL", CONTACT).with("AIL_PRIVACY_POLICY_FILE", policy.toString());
        app = env.start(List.of(new Notifier() {
            @Override
            public FrontEnd frontEnd() {
                return FrontEnd.CONSOLE;
            }

            @Override
            public void direct(String workspaceId, String userId, Reply message) {
                dms.add(message);
            }
        }));
    }

    @AfterAll
    static void stop() {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            root.detachAppender(logged);
            root.detachAppender(written);
            ours.setLevel(null);
        }
    }

    @Test
    void aConnectPostFailCycleLogsNoSecretAndNoPostTextBeyondAShortPrefix() throws Exception {
        try (FakeWebhookReceiver hook = new FakeWebhookReceiver()) {
            String url = hook.url() + "/capability-path-3c3c"; // webhook URLs often carry a secret in the path
            Reply connected = app.commands().run(LOCAL, "connect webhook " + url);
            String secret = connected.fields().stream().filter(f -> f.label().startsWith("Signing secret")).findFirst().orElseThrow().value();
            hook.expectSecret(secret);
            hook.failNext(1, 422, null);
            String account = connected.text().split(" ")[2];
            Reply posted = app.commands().run(LOCAL, "post to:" + account + " " + TEXT);
            assertTrue(eventually(Duration.ofSeconds(30), () -> !dms.isEmpty()), "the failure DM arrives: " + posted.text());
            assertTrue(dms.get(0).text().contains("failed"), dms.get(0).text());
            assertEquals(1, hook.requests());

            Reply export = app.commands().run(LOCAL, "my-data");
            assertTrue(new String(export.file().content()).contains("Confidential tail 7e7e-marker"), "the export is the person's own");
            Reply preview = app.commands().run(LOCAL, "forget-me");
            assertTrue(app.commands().press(LOCAL, preview.buttons().get(0).actionId()).text().startsWith("Done:"));

            List<String> leaks = new ArrayList<>();
            List<String> secrets = new ArrayList<>(List.of(secret, secret.substring("whsec_".length()), "capability-path-3c3c",
                    PostgresExtension.MASTER_KEY_BASE64, preview.buttons().get(0).actionId().split(":")[1]));
            for (int i = 40; i + 16 <= TEXT.length(); i += 4) {
                secrets.add(TEXT.substring(i, i + 16)); // any piece of the text past its first 40 characters
            }
            for (String line : lines()) {
                secrets.stream().filter(line::contains).findFirst().ifPresent(s -> leaks.add(s + " in: " + line));
            }
            assertEquals(List.of(), leaks);
            assertTrue(lines().stream().anyMatch(l -> l.contains("forget-me erased one person's data")), "the log was captured");
            assertTrue(lines().stream().anyMatch(l -> l.startsWith("{") && l.contains("forget-me erased one person's data")
                    && l.contains("\"request_id\"") && l.contains("\"workspace_id\"")), "a command's JSON line carries its context");
            String attempt = lines().stream().filter(l -> l.startsWith("{") && l.contains("Attempt on webhook")).findFirst().orElseThrow();
            assertTrue(attempt.contains("\"post_id\"") && attempt.contains("\"target_id\"") && attempt.contains("\"workspace_id\""), attempt);
        }
    }

    @Test
    void helpLinksThePolicyPageWhichNamesTheContactEvenWhenTheOperatorsTextDoesNot() {
        Reply help = app.commands().run(LOCAL, "help");
        String link = help.fields().stream().filter(f -> f.label().equals("Privacy policy")).findFirst().orElseThrow().value();
        assertEquals(app.config().publicUrl() + "/privacy", link);
        assertTrue(help.fields().contains(new Reply.Field("Contact", CONTACT)));
        HttpResponse<String> page = Http.get(app.port(), link.substring(app.config().publicUrl().length()));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Example Corp keeps your data safe."), page.body());
        assertTrue(page.body().contains("For privacy requests or questions, contact: " + CONTACT), page.body());
    }

    @Test
    void theRetentionPurgeIsScheduledAsADailyJob() throws Exception {
        try (Connection c = app.database().dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("select count(*) from scheduled_tasks where task_name = 'retention'")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
        assertTrue(eventually(Duration.ofSeconds(20), () -> lines().stream().anyMatch(l -> l.startsWith("Retention purge (older than 90 days)"))),
                "it runs at start and logs its counts");
        // and then once a day: the next run is a day after this one (breakage tried: an hourly job fails here)
        assertTrue(eventually(Duration.ofSeconds(20), () -> {
            try (Connection c = app.database().dataSource().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("select execution_time from scheduled_tasks where task_name = 'retention'")) {
                rs.next();
                Duration untilNext = Duration.between(java.time.Instant.now(), rs.getTimestamp(1).toInstant());
                return untilNext.compareTo(Duration.ofHours(23)) > 0 && untilNext.compareTo(Duration.ofHours(25)) < 0;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }), "the next purge is due in a day");
    }

    private static List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent e : List.copyOf(logged.list)) {
            StringBuilder line = new StringBuilder(e.getFormattedMessage());
            if (e.getThrowableProxy() != null) {
                line.append('\n').append(ThrowableProxyUtil.asString(e.getThrowableProxy()));
            }
            e.getMDCPropertyMap().forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
            lines.add(line.toString());
        }
        lines.addAll(written.all());
        return lines;
    }

    static {
        assertFalse(TEXT.substring(0, 40).contains("7e7e"));
    }
}
