package com.ailsocialautomation.store;

import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one JDBC path every repository uses: nothing half-written when work fails, values bound and read back as given. */
class SqlTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static Sql sql;

    @BeforeAll
    static void table() {
        sql = new Sql(pg.dataSource());
        sql.update("create table scratch (v text, at timestamptz, tags text[])");
    }

    @BeforeEach
    void empty() {
        sql.update("delete from scratch");
    }

    private static List<String> values() {
        return sql.list("select v from scratch order by v", rs -> rs.getString(1));
    }

    @Test
    void aTransactionThatFailsLeavesNoneOfItsWritesAndRethrowsTheFailureItself() {
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> sql.transaction(tx -> {
            tx.update("insert into scratch (v) values ('first')");
            tx.update("insert into scratch (v) values ('second')");
            throw boom;
        }));
        assertSame(boom, thrown);
        assertEquals(List.of(), values(), "a failed transaction left rows behind");

        StoreError failed = assertThrows(StoreError.class, () -> sql.transaction(tx -> {
            tx.update("insert into scratch (v) values ('third')");
            return tx.update("insert into no_such_table values (1)");
        }));
        assertTrue(failed.getMessage().contains("42P01"), "the SQL state names the failure: " + failed.getMessage());
        assertEquals(List.of(), values());

        assertEquals(2, (int) sql.<Integer>transaction(tx -> tx.update("insert into scratch (v) values ('a'), ('b')")));
        assertEquals(List.of("a", "b"), values(), "a transaction that succeeds is committed");
    }

    @Test
    void aTransactionInsideAnotherIsPartOfItAndFailsWithIt() {
        assertThrows(IllegalStateException.class, () -> sql.transaction(outer -> {
            outer.update("insert into scratch (v) values ('outer')");
            outer.transaction(inner -> inner.update("insert into scratch (v) values ('inner')"));
            assertEquals(2, outer.list("select v from scratch", rs -> rs.getString(1)).size(), "the inner work sees the outer's");
            throw new IllegalStateException("the outer work fails after the inner one finished");
        }));
        assertEquals(List.of(), values(), "the inner transaction committed on its own");

        StoreError inner = assertThrows(StoreError.class, () -> sql.transaction(outer -> {
            outer.update("insert into scratch (v) values ('outer')");
            return outer.transaction(tx -> {
                throw new SQLException("refused", "23505");
            });
        }));
        assertTrue(inner.getMessage().contains("23505"), inner.getMessage());
        assertEquals(List.of(), values());
    }

    @Test
    void instantsListsAndNullsAreBoundAndReadBackAsGiven() {
        Instant at = Instant.parse("2026-03-29T01:30:00.123456Z");
        sql.update("insert into scratch (v, at, tags) values (?, ?, ?)", "full", at, List.of("x", "y,z"));
        sql.update("insert into scratch (v, at, tags) values (?, ?, ?)", "empty", null, null);

        assertEquals(at, sql.one("select at from scratch where v = 'full'", rs -> Sql.instant(rs, "at")).orElseThrow());
        assertEquals(List.of("x", "y,z"), sql.one("select tags from scratch where v = 'full'", rs -> Sql.strings(rs, "tags")).orElseThrow());
        assertNull(sql.list("select at from scratch where v = 'empty'", rs -> Sql.instant(rs, "at")).get(0));
        assertEquals(List.of(), sql.one("select tags from scratch where v = 'empty'", rs -> Sql.strings(rs, "tags")).orElseThrow());
        assertEquals(List.of("full"), sql.list("select v from scratch where ? = any(tags)", rs -> rs.getString(1), "y,z"));
    }

    @Test
    void oneIsTheFirstRowOrNothing() {
        sql.update("insert into scratch (v) values ('b'), ('a')");
        assertEquals(Optional.of("a"), sql.one("select v from scratch order by v", rs -> rs.getString(1)));
        assertEquals(Optional.empty(), sql.one("select v from scratch where v = ?", rs -> rs.getString(1), "none"));
        assertEquals(1, sql.update("update scratch set v = 'c' where v = ?", "b"));
    }

    @Test
    void aTransactionInsideAnotherJoinsItAndHandsBackItsResult() {
        String inner = sql.transaction(tx -> {
            tx.update("insert into scratch (v) values ('outer')");
            return tx.transaction(nested -> {
                nested.update("insert into scratch (v) values ('inner')");
                return "from inside";
            });
        });
        assertEquals("from inside", inner, "a repository called inside a transaction lost its answer");
        assertEquals(List.of("inner", "outer"), values());
    }
}
