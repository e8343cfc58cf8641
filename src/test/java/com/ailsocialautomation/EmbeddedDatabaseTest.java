package com.ailsocialautomation;

import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.fakes.FakeWebhookReceiver;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.NewAccount;
import com.ailsocialautomation.store.StoredTokens;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.TargetState;
import com.ailsocialautomation.testing.Eventually;
import com.ailsocialautomation.testing.Http;
import com.ailsocialautomation.testing.ServiceEnv;
import com.ailsocialautomation.wiring.Store;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded PostgreSQL as an operator meets it: a cluster made by an earlier AIL that trusted every local
 * connection is closed to everyone but AIL on the next start, and a PostgreSQL left running by a killed AIL does
 * not stop the next plain start. The tests share one data directory and run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedDatabaseTest {
    @TempDir
    static Path tmp;
    static Path dataDir;
    static Map<String, String> env;
    static App app;
    static Process child;

    @BeforeAll
    static void setUp() {
        dataDir = tmp.resolve("data");
        env = Map.of("AIL_DATA_DIR", dataDir.toString(), "AIL_PORT", "0", "AIL_CONTACT_EMAIL", "privacy@example.org");
    }

    @AfterAll
    static void tearDown() {
        if (child != null) {
            child.destroyForcibly();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void aClusterThatTrustedEveryLocalConnectionIsUpgradedAndThenRefusesConnectionsWithoutThePassword() throws Exception {
        // as AIL made clusters before: initdb's trust, no password
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).start();
             Connection c = old.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("create schema keep; create table keep.kept (note text)");
            c.createStatement().execute("insert into keep.kept values ('from before')");
        }
        app = ServiceEnv.start(env);
        assertEquals(200, Http.get(app.port(), "/readyz").statusCode());

        Path passwordFile = dataDir.resolve("postgres.password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
        String password = Files.readString(passwordFile).strip();
        SQLException none = assertThrows(SQLException.class, () -> connect(null));
        assertTrue(none.getMessage().contains("password"), none.getMessage());
        assertThrows(SQLException.class, () -> connect("postgres"));
        assertThrows(SQLException.class, () -> connect("wrong-" + password));
        try (Connection c = connect(password); ResultSet rs = c.createStatement().executeQuery("select note from keep.kept")) {
            assertTrue(rs.next());
            assertEquals("from before", rs.getString(1));
            try (ResultSet listen = c.createStatement().executeQuery("show listen_addresses")) {
                listen.next();
                assertEquals("localhost", listen.getString(1), "loopback only");
            }
        }
        app.close();
        app = null;
    }

    @Test
    @Order(2)
    void aPostgresqlLeftRunningByAKilledAilIsStoppedAndTheNextStartIsReady() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName());
        pb.environment().keySet().removeIf(name -> name.startsWith("AIL_") || name.startsWith("SLACK_") || name.startsWith("DISCORD_"));
        pb.environment().putAll(env);
        pb.environment().put("AIL_PORT", Integer.toString(port));
        child = pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(readyWithin(port, 90), "the first AIL came up");
        long postmaster = postmasterPid();

        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // kill -9: no hook runs
        child = null;
        assertTrue(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false), "its PostgreSQL outlived it");

        app = ServiceEnv.start(env);
        assertEquals(200, Http.get(app.port(), "/readyz").statusCode(), "a plain restart is ready");
        assertFalse(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false), "the orphan was stopped");
        assertTrue(postmasterPid() != postmaster);
        try (Connection c = app.database().dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("select count(*) from keep.kept")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "nothing lost");
        }
    }

    private static boolean readyWithin(int port, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            try {
                if (Http.get(port, "/readyz").statusCode() == 200) {
                    return true;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        return false;
    }

    private static long postmasterPid() throws Exception {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(0).strip());
    }

    private static Connection connect(String password) throws Exception {
        List<String> pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        if (password != null) {
            props.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pid.get(3).strip() + "/postgres", props);
    }

    @Test
    @Order(3)
    void aSigtermWhileAPublishHangsAtThePlatformStopsAilAndItsPostgresqlWithinEightSeconds() throws Exception {
        app.close();
        app = null;
        FakeWebhookReceiver hook = new FakeWebhookReceiver();
        Post post;
        // a short heartbeat, so that the next start finds the stopped run's execution dead within seconds
        Map<String, String> quick = new java.util.HashMap<>(env);
        quick.put("AIL_HEARTBEAT_MS", "500");
        quick.put("AIL_INSECURE_LOOPBACK", "true");
        try {
            hook.expectSecret("whsec_stop");
            App maintenance = App.storeOnly(Config.from(env), Clock.systemUTC());
            try {
                Store store = Store.over(maintenance.database().dataSource(), maintenance.vault());
                UUID ws = store.workspaces.ensure(FrontEnd.CONSOLE, "ws-stop", "Test");
                ChatUser ana = store.workspaces.ensureUser(ws, "u-stop", "Ana");
                Account account = store.accounts.connect(ws, ana.id(), new NewAccount(PlatformId.WEBHOOK, "hook-stop", "hook.test/hook", "hook",
                        null, hook.url(), null, null), new StoredTokens(Secret.of("whsec_stop"), null, null, null));
                post = store.posts.create(ws, ana.id(), "in flight at the stop", List.of(), Instant.now(), null, List.of(account));
            } finally {
                maintenance.close();
            }
            hook.hang();
            int port = freePort();
            child = startChild(Map.of("AIL_PORT", Integer.toString(port), "AIL_INSECURE_LOOPBACK", "true", "AIL_HEARTBEAT_MS", "500"));
            assertTrue(hook.awaitRequest(90), "the publish is in flight");

            long postgres = postmasterPid();
            long start = System.nanoTime();
            child.destroy(); // SIGTERM, as docker stop sends
            assertTrue(child.waitFor(8, TimeUnit.SECONDS), "stopped within docker's 10 s, with room to spare");
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(0, child.exitValue(), "a clean stop is a success, not the JVM's 143");
            child = null;
            assertFalse(Files.exists(dataDir.resolve("postgres").resolve("postmaster.pid")), "PostgreSQL stopped too (" + took + " ms)");
            assertTrue(Eventually.eventually(java.time.Duration.ofSeconds(5), () -> !ProcessHandle.of(postgres).map(ProcessHandle::isAlive)
                    .orElse(false)), () -> "no PostgreSQL process is left: " + ProcessHandle.of(postgres).flatMap(h -> h.info().commandLine()));

            // the publish was handed back unfinished: the next start revives it like a crash, and a webhook
            // recognises no repeat, so it is not sent again but left for its author to check
            hook.release();
            app = ServiceEnv.start(quick);
            Store store = Store.over(app.database().dataSource(), app.vault());
            assertTrue(Eventually.eventually(java.time.Duration.ofSeconds(60), () -> TargetState.UNKNOWN.equals(
                    store.posts.find(post.workspaceId(), post.id()).orElseThrow().targets().get(0).state())), "revived as unknown");
            assertEquals(1, hook.requests(), "not sent twice");
            app.close();
            app = null;
        } finally {
            hook.release();
            hook.close();
        }
    }

    @Test
    @Order(4)
    void rotateKeyMasterWritesTheNewMasterKeyWhereTheOldOneLivedAndTheNextStartUsesIt() throws Exception {
        Path key = dataDir.resolve("master.key");
        String before = Files.readString(key);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int exit = MainRunner.run(new String[] {"rotate-key", "--master"}, env, new java.io.ByteArrayInputStream(new byte[0]),
                new java.io.PrintStream(out, true), new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true));
        assertEquals(0, exit, out.toString());
        assertTrue(out.toString().startsWith("The master key in " + key + " was replaced"), out.toString());
        assertFalse(out.toString().contains(Files.readString(key).strip()), "the new key is not printed");
        assertTrue(!before.equals(Files.readString(key)), "a new key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertFalse(Files.exists(dataDir.resolve("master.key.new")));

        app = ServiceEnv.start(env);
        assertEquals(200, Http.get(app.port(), "/readyz").statusCode(), "the keyset opens with the new key");
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Process startChild(Map<String, String> extra) throws java.io.IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName());
        pb.environment().keySet().removeIf(name -> name.startsWith("AIL_") || name.startsWith("SLACK_") || name.startsWith("DISCORD_"));
        pb.environment().putAll(env);
        pb.environment().putAll(extra);
        return pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
