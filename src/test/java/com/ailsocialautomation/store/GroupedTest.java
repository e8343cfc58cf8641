package com.ailsocialautomation.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Group commit: callers that come while a batch is being written go out together in the next one, each with its own
 * result; a caller alone goes at once; a key asked for twice at once is never twice in one batch; a failed batch fails
 * exactly its own callers.
 */
class GroupedTest {
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstStarted = new CountDownLatch(1);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);

    /**
     * Answers each key with its upper case; the first batch waits until the test lets it go; "boom" fails its batch (as
     * a statement that fails, writing nothing), "bad" fails only itself, "none" gets nothing, "error" throws an Error,
     * and "fragile" fails its batch and throws an Error alone.
     */
    private Map<String, Grouped.Answer<String>> statement(List<String> keys) {
        batches.add(List.copyOf(keys));
        if (Thread.currentThread().isInterrupted()) { // as the pool refuses an interrupted thread a connection
            throw new StoreError(new java.sql.SQLException("Interrupted during connection acquisition", "08001"));
        }
        if (batches.size() == 1) {
            firstStarted.countDown();
            await(releaseFirst);
        }
        if (keys.contains("boom")) {
            throw new StoreError(new java.sql.SQLException("failed", "22021"));
        }
        if (keys.contains("error") || keys.equals(List.of("fragile"))) {
            throw new StackOverflowError("deep");
        }
        if (keys.contains("fragile")) {
            throw new StoreError(new java.sql.SQLException("failed", "40P01"));
        }
        Map<String, Grouped.Answer<String>> out = new HashMap<>();
        for (String k : keys) {
            if (k.equals("bad")) {
                out.put(k, Grouped.Answer.failed(new IllegalArgumentException("cannot read " + k)));
            } else if (!k.startsWith("none")) {
                out.put(k, Grouped.Answer.of(k.toUpperCase()));
            }
        }
        return out;
    }

    private final Grouped<String, String, String> grouped = new Grouped<>(k -> k, this::statement);
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void callersThatComeWhileABatchIsWrittenGoTogetherInTheNextEachWithItsOwnResult() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            keys.add(i == 7 ? "none-7" : "k" + i);
        }
        List<Future<String>> later = behindTheFirst(keys);
        for (int i = 0; i < 20; i++) {
            String got = later.get(i).get(5, TimeUnit.SECONDS);
            if (i == 7) {
                assertNull(got, "a key the statement has nothing for gets nothing");
            } else {
                assertEquals("K" + i, got, "each caller gets its own key's result");
            }
        }
        assertEquals(2, batches.size(), "the twenty that came meanwhile went as one statement: " + batches);
        assertEquals(20, batches.get(1).size());
    }

    @Test
    void aKeyAskedForTwiceAtOnceGoesInTwoBatches() throws Exception {
        List<Future<String>> later = behindTheFirst(List.of("same", "same"));
        assertEquals("SAME", later.get(0).get(5, TimeUnit.SECONDS));
        assertEquals("SAME", later.get(1).get(5, TimeUnit.SECONDS));
        assertEquals(List.of(List.of("first"), List.of("same"), List.of("same")), batches,
                "one after the other, as two calls alone would");
    }

    @Test
    void aBatchThatFailsIsWrittenAgainOneByOneSoOnlyTheBadRequestFails() throws Exception {
        List<Future<String>> later = behindTheFirst(List.of("k1", "boom", "k2"));
        Exception failed = assertThrows(Exception.class, () -> later.get(1).get(5, TimeUnit.SECONDS));
        assertSame(StoreError.class, failed.getCause().getClass(), "the bad request's caller hears of its failure");
        assertEquals("K1", later.get(0).get(5, TimeUnit.SECONDS), "the others are written alone");
        assertEquals("K2", later.get(2).get(5, TimeUnit.SECONDS));
        assertEquals(5, batches.size(), "the batch of three, then each alone: " + batches);
        assertEquals(Set.of("k1", "boom", "k2"), Set.copyOf(batches.get(1)));
        assertEquals(Set.of("k1", "boom", "k2"), batches.subList(2, 5).stream().map(b -> {
            assertEquals(1, b.size());
            return b.get(0);
        }).collect(Collectors.toSet()));
        assertEquals("AFTER", grouped.run("after"), "the next batch goes on");
    }

    @Test
    void aKeyThatFailsOnItsOwnFailsOnlyItsCaller() throws Exception {
        List<Future<String>> later = behindTheFirst(List.of("k1", "bad"));
        Exception failed = assertThrows(Exception.class, () -> later.get(1).get(5, TimeUnit.SECONDS));
        assertEquals("cannot read bad", failed.getCause().getMessage());
        assertEquals("K1", later.get(0).get(5, TimeUnit.SECONDS));
        assertEquals(2, batches.size(), "one statement for both");
    }

    @Test
    void anErrorReachesEveryCallerOfItsBatchAsItIs() throws Exception {
        List<Future<String>> later = behindTheFirst(List.of("k1", "error"));
        for (Future<String> f : later) {
            Exception failed = assertThrows(Exception.class, () -> f.get(5, TimeUnit.SECONDS));
            assertSame(StackOverflowError.class, failed.getCause().getClass(), "not wrapped, not retried");
        }
        assertEquals(2, batches.size());
        assertEquals("AFTER", grouped.run("after"), "the next batch goes on");
    }

    @Test
    void anErrorWhileTheRequestsAreWrittenAloneReachesOnlyThoseNotYetAnswered() throws Exception {
        List<Future<String>> later = behindTheFirst(List.of("k1", "fragile", "k2"));
        assertEquals("K1", later.get(0).get(5, TimeUnit.SECONDS), "written alone before the Error: its result stands");
        for (Future<String> f : later.subList(1, 3)) {
            Exception failed = assertThrows(Exception.class, () -> f.get(5, TimeUnit.SECONDS));
            assertSame(StackOverflowError.class, failed.getCause().getClass());
        }
        assertEquals(List.of(List.of("first"), List.of("k1", "fragile", "k2"), List.of("k1"), List.of("fragile")), batches,
                "after an Error nothing more is tried");
        assertEquals("AFTER", grouped.run("after"), "the next batch goes on");
    }

    @Test
    void anInterruptedCallerStillWritesItsBatchAndKeepsItsInterruptForAfter() throws Exception {
        releaseFirst.countDown();
        Future<List<Object>> interrupted = pool.submit(() -> {
            Thread.currentThread().interrupt();
            String result = grouped.run("mine");
            return List.of(result, Thread.currentThread().isInterrupted());
        });
        assertEquals(List.of("MINE", true), interrupted.get(5, TimeUnit.SECONDS),
                "written as if not interrupted (it may write others' requests too), the flag kept for after");
    }

    @Test
    void aBatchHoldsAtMostItsLimitAndTheRestGoNext() throws Exception {
        int many = Grouped.MAX_BATCH + 5;
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < many; i++) {
            keys.add("k" + i);
        }
        List<Future<String>> later = behindTheFirst(keys);
        for (int i = 0; i < many; i++) {
            assertEquals("K" + i, later.get(i).get(5, TimeUnit.SECONDS));
        }
        assertEquals(3, batches.size(), batches.toString());
        assertEquals(Grouped.MAX_BATCH, batches.get(1).size());
        assertEquals(5, batches.get(2).size());
    }

    /**
     * A caller alone ("first") and, while its batch is being written, a caller for each of {@code keys}, queued in
     * their order; then the first batch goes. Answers the later callers' results, in the order of their keys.
     */
    private List<Future<String>> behindTheFirst(List<String> keys) throws Exception {
        Future<String> first = pool.submit(() -> grouped.run("first"));
        assertTrue(firstStarted.await(5, TimeUnit.SECONDS));
        List<Future<String>> later = new ArrayList<>();
        for (String key : keys) { // one by one, so they queue in the order of their keys
            int before = grouped.queued();
            later.add(pool.submit(() -> grouped.run(key)));
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (grouped.queued() == before && System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        }
        assertEquals(keys.size(), grouped.queued(), "callers queued behind the batch being written");
        releaseFirst.countDown();
        assertEquals("FIRST", first.get(5, TimeUnit.SECONDS), "the first batch is not touched by the ones behind it");
        assertEquals(List.of("first"), batches.get(0), "a caller alone goes at once");
        return later;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
