package com.ailsocialautomation.store;

import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An instance that stops gives its connections back to PostgreSQL: with an external server shared by two instances
 * and capped at its default 100 connections, one that restarts must not leave its pool behind.
 */
class DatabaseCloseTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();

    @Test
    void closingTheDatabaseEndsItsConnectionsAtTheServer() throws Exception {
        Database db = Database.over(pg.jdbcUrl(), "postgres", null, null);
        int pid;
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            pid = rs.getInt(1);
        }
        assertEquals(1, connectionsWith(pid), "the pool keeps its idle connection while open");

        db.close();
        Instant until = Instant.now().plusSeconds(10);
        while (connectionsWith(pid) > 0 && Instant.now().isBefore(until)) {
            Thread.sleep(50);
        }
        assertEquals(0, connectionsWith(pid), "a closed instance's connection is still open at the server");
    }

    private static int connectionsWith(int pid) throws Exception {
        Sql sql = new Sql(pg.dataSource());
        return sql.one("select count(*) from pg_stat_activity where pid = ?", rs -> rs.getInt(1), pid).orElseThrow();
    }
}
