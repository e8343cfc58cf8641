package com.ailsocialautomation.engine;

import com.ailsocialautomation.store.StoreError;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A result the platform already accepted survives a short database outage, and a long one ends in the database's error. */
class PersistentlyTest {
    private static StoreError outage() {
        return new StoreError(new SQLException("connection refused", "08001"));
    }

    @Test
    void aWriteThatFailsWhileTheDatabaseIsAwayIsRepeatedUntilItIsBack() {
        AtomicInteger tries = new AtomicInteger();
        long started = System.nanoTime();
        String written = Persistently.write(() -> {
            if (tries.incrementAndGet() < 4) {
                throw outage();
            }
            return "published";
        }, Duration.ofSeconds(30));
        assertEquals("published", written);
        assertEquals(4, tries.get());
        long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
        // pauses of 200, 400 and 800 ms: the database is given time to come back, not hammered
        assertTrue(waited >= 1_400, "retried after only " + waited + " ms");
    }

    @Test
    void anOutageLongerThanTheBoundEndsInTheDatabasesErrorSoonAfterTheBound() {
        StoreError last = outage();
        AtomicInteger tries = new AtomicInteger();
        long started = System.nanoTime();
        StoreError thrown = assertThrows(StoreError.class, () -> Persistently.write(() -> {
            tries.incrementAndGet();
            throw last;
        }, Duration.ofMillis(700)));
        long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertSame(last, thrown);
        assertTrue(tries.get() >= 2, "not retried within its bound");
        assertTrue(waited >= 700 && waited < 5_000, "gave up after " + waited + " ms for a bound of 700 ms");
    }

    @Test
    void anythingButADatabaseErrorIsNotRetried() {
        AtomicInteger tries = new AtomicInteger();
        assertThrows(IllegalArgumentException.class, () -> Persistently.write(() -> {
            tries.incrementAndGet();
            throw new IllegalArgumentException("a bug, not an outage");
        }, Duration.ofSeconds(30)));
        assertEquals(1, tries.get());
    }

    @Test
    void anInterruptedWaitGivesUpAtOnceAndKeepsTheInterrupt() {
        StoreError last = outage();
        Thread.currentThread().interrupt();
        try {
            long started = System.nanoTime();
            assertSame(last, assertThrows(StoreError.class, () -> Persistently.write(() -> {
                throw last;
            }, Duration.ofSeconds(30))));
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5, "an interrupted engine kept retrying");
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt was swallowed");
        } finally {
            Thread.interrupted();
        }
    }
}
