package com.ailsocialautomation.testing;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A test JVM that is halted (no shutdown hook runs, as when PIT ends a timed-out minion) leaves no PostgreSQL behind. */
class PostgresWatchdogTest {

    /** The halted JVM: starts the test PostgreSQL, says where it is, and halts. */
    public static void main(String[] args) throws Exception {
        String url = PostgresExtension.jdbcUrl(PostgresExtension.newDatabase());
        try (Connection c = DriverManager.getConnection(url, "postgres", null); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("show data_directory")) {
            r.next();
            Path data = Path.of(r.getString(1));
            System.out.println(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip() + " " + data);
        }
        System.out.flush();
        Runtime.getRuntime().halt(9);
    }

    @Test
    void aHaltedTestJvmLeavesNoPostgresRunningAndNoDataDirectory() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PostgresWatchdogTest.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String[] said;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            said = out.readLine().split(" ", 2);
        }
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertEquals(9, child.exitValue(), "the child halted, running no shutdown hook");
        Optional<ProcessHandle> postmaster = ProcessHandle.of(Long.parseLong(said[0]));
        Path data = Path.of(said[1]);

        assertTrue(Eventually.eventually(Duration.ofSeconds(30), () -> !postmaster.map(ProcessHandle::isAlive).orElse(false)),
                "the postmaster (pid " + said[0] + ") of a halted test JVM is still running");
        assertTrue(Eventually.eventually(Duration.ofSeconds(10), () -> !Files.exists(data)), "its data directory is left in " + data);
    }
}
