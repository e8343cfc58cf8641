package com.ailsocialautomation;

import com.ailsocialautomation.testing.ServiceEnv;
import com.ailsocialautomation.config.ConfigError;
import com.ailsocialautomation.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service on embedded defaults, as `java -jar ail.jar` runs it: its own PostgreSQL in AIL_DATA_DIR, a generated
 * key, the web server. Starting PostgreSQL costs seconds, so the tests share one data directory and run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AppTest {
    @TempDir
    static Path tmp;
    static Path dataDir;
    static Map<String, String> env;
    static App app;
    static final String METRICS_TOKEN = "scrape-token-4f0c9a1e7d2b";

    @BeforeAll
    static void start() {
        dataDir = tmp.resolve("data");
        env = Map.of("AIL_DATA_DIR", dataDir.toString(), "AIL_PORT", "0", "AIL_CONTACT_EMAIL", "privacy@example.org",
                "AIL_METRICS_TOKEN", METRICS_TOKEN);
        app = ServiceEnv.start(env);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void theMasterKeyIsGeneratedIntoTheDataDirectoryReadableByTheOwnerOnly() throws Exception {
        Path key = dataDir.resolve("master.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals(32, java.util.Base64.getDecoder().decode(Files.readString(key).trim()).length);
    }

    @Test
    @Order(2)
    void livenessReadinessAndTheLandingPageAnswer() {
        assertEquals(200, Http.get(app.port(), "/healthz").statusCode());
        HttpResponse<String> ready = Http.get(app.port(), "/readyz");
        assertEquals(200, ready.statusCode());
        assertEquals("ready", ready.body());
        HttpResponse<String> landing = Http.get(app.port(), "/");
        assertEquals(200, landing.statusCode());
        assertTrue(landing.body().contains("AIL Social Automation"));
        assertTrue(landing.body().contains("href=\"/privacy\""));
        assertEquals("http://localhost:" + app.port(), app.config().publicUrl(), "the default public URL carries the bound port");
    }

    @Test
    @Order(3)
    void metricsCoverTheJvmHttpAndTheConnectionPoolInPrometheusFormat() throws Exception {
        Http.get(app.port(), "/healthz");
        assertEquals(401, Http.get(app.port(), "/metrics").statusCode(), "not for anyone who asks");
        HttpResponse<String> metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + app.port() + "/metrics")).header("Authorization", "Bearer " + METRICS_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("content-type").orElse("").startsWith("text/plain"));
        String body = metrics.body();
        assertTrue(body.contains("jvm_memory_used_bytes"), "JVM");
        assertTrue(body.contains("http_server_requests_seconds_count{method=\"GET\",route=\"/healthz\",status=\"200\"}"), "HTTP");
        assertTrue(body.contains("hikaricp_connections"), "pool");
    }

    @Test
    @Order(4)
    void thePrivacyPageShowsTheDefaultPolicyWithTheConfiguredContact() {
        HttpResponse<String> page = Http.get(app.port(), "/privacy");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("1. Information We Collect"));
        assertTrue(page.body().contains("For privacy requests or questions, contact: privacy@example.org"));
        assertFalse(page.body().contains("legal@ailsocialautomation.com"));
    }

    @Test
    @Order(5)
    void anUnknownAddressIsAPlain404PageWithoutAStackTrace() {
        HttpResponse<String> page = Http.get(app.port(), "/no/such/page?token=abc");
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("There is nothing at this address"), page.body());
        assertFalse(page.body().contains("Exception") || page.body().contains("at io.javalin") || page.body().contains("token=abc"));
    }

    @Test
    @Order(6)
    void theEmbeddedPostgresqlWritesDurably() throws SQLException {
        try (Connection c = app.database().dataSource().getConnection()) {
            assertEquals("on", show(c, "fsync"));
            assertEquals("on", show(c, "synchronous_commit"));
        }
    }

    @Test
    @Order(7)
    void aSecondStartOnTheSameDataDirectoryFailsClearlyAndLeavesTheFirstRunning() throws Exception {
        ConfigError e = assertThrows(ConfigError.class, () -> ServiceEnv.start(env));
        assertTrue(e.getMessage().startsWith("AIL_DATA_DIR (" + dataDir + ") is in use by another running AIL instance"), e.getMessage());

        // the same from another process, through the jar's entry point: one line, exit code 1
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName());
        pb.environment().keySet().removeIf(name -> name.startsWith("AIL_") || name.startsWith("SLACK_") || name.startsWith("DISCORD_"));
        pb.environment().put("AIL_DATA_DIR", dataDir.toString());
        pb.environment().put("AIL_PORT", "0");
        Process second = pb.start();
        String err;
        try {
            assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the second instance must stop at once");
            err = new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            second.destroy(); // SIGTERM: should it have started after all, its hook stops its PostgreSQL
        }
        assertEquals(1, second.exitValue(), err);
        assertEquals(List.of("AIL cannot start: AIL_DATA_DIR (" + dataDir + ") is in use by another running AIL instance; "
                + "stop it first or give this one its own AIL_DATA_DIR"), err.lines().toList());

        assertEquals(200, Http.get(app.port(), "/readyz").statusCode(), "the first instance is unharmed");
    }

    @Test
    @Order(100)
    void dataSurvivesARestartAndClosingLeavesNoPostgresqlBehind() throws Exception {
        try (Connection c = app.database().dataSource().getConnection()) {
            c.createStatement().execute("insert into workspaces (id, front_end, external_id, name) "
                    + "values (gen_random_uuid(), 'console', 'console', 'kept across restarts')");
        }
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));

        app.close();
        app = null;
        assertFalse(Files.exists(pidFile), "postmaster.pid is removed when PostgreSQL stops");
        assertTrue(exitsWithin(pid, 10), "the postgres process " + pid + " is gone");
        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("").contains(dataDir.toString())),
                "no process runs on " + dataDir);

        app = ServiceEnv.start(env);
        try (Connection c = app.database().dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("select name from workspaces where external_id = 'console'")) {
            assertTrue(rs.next());
            assertEquals("kept across restarts", rs.getString(1));
        }
        assertEquals(200, Http.get(app.port(), "/readyz").statusCode());
    }

    /** pg_ctl returns once postmaster.pid is gone; the process itself ends (and is reaped) a moment later. */
    private static boolean exitsWithin(long pid, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> p = ProcessHandle.of(pid);
            if (p.isEmpty() || !p.get().isAlive() || isZombie(pid)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (Exception e) {
            return true; // no such process any more
        }
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
