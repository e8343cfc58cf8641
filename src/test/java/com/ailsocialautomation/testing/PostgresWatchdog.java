package com.ailsocialautomation.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Stops the test JVM's embedded PostgreSQL when that JVM is gone, however it went. The shutdown hook covers a normal
 * exit, but a JVM that is halted or killed (PIT's minions on a timed-out mutant, kill -9, a CI runner cancelled)
 * runs no hook, and the postmaster, started through pg_ctl and so not our child, would keep running with its
 * data directory. A small shell outside the JVM waits for it to end, then stops the server as pg_ctl would (fast
 * shutdown, then immediate) and removes its temporary data directory.
 */
final class PostgresWatchdog {
    private static final String SCRIPT = """
            jvm=$1; pg=$2; dir=$3
            while kill -0 "$jvm" 2>/dev/null; do sleep 2; done
            running() { [ "$(head -n 1 "$dir/postmaster.pid" 2>/dev/null)" = "$pg" ] && kill -0 "$pg" 2>/dev/null; }
            stop() { running && kill -"$1" "$pg"; i=0; while running && [ $i -lt 20 ]; do sleep 0.5; i=$((i+1)); done; }
            stop INT; stop QUIT
            running || rm -rf "$dir"
            """;

    private PostgresWatchdog() {}

    /** Watches the server behind this data source; best effort: a machine without sh simply gets no watchdog. */
    static void watch(DataSource postgres) {
        try {
            Path dataDirectory = dataDirectory(postgres);
            Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
            if (!dataDirectory.toRealPath().startsWith(tmp)) {
                return; // only a temporary cluster is ever removed
            }
            List<String> pidFile = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            String postmaster = pidFile.get(0).strip();
            new ProcessBuilder("sh", "-c", SCRIPT, "watchdog", Long.toString(ProcessHandle.current().pid()),
                    postmaster, dataDirectory.toString())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException | SQLException | RuntimeException e) {
            System.err.println("No watchdog for the test PostgreSQL (" + e.getMessage() + "); an orphan may be left if this JVM is killed");
        }
    }

    private static Path dataDirectory(DataSource postgres) throws SQLException {
        try (Connection c = postgres.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("show data_directory")) {
            r.next();
            return Path.of(r.getString(1));
        }
    }
}
