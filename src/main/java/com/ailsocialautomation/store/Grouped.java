package com.ailsocialautomation.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Group commit for a statement that many threads run at once, each on its own key (a target the engine claims): one
 * caller writes a batch while the others queue, and the next caller to get its turn writes every key that came
 * meanwhile as one statement and one commit. Nothing waits for company: a caller alone goes at once, so a quiet
 * instance pays no latency and a busy one pays one statement for many keys. Each key's result is what it would have
 * been alone, because the statement treats each key's row on its own; a key asked for twice at once goes in two batches,
 * one after the other, as two calls alone would. A batch that fails fails every caller in it with the same error,
 * and writes nothing (it is one statement).
 *
 * @param <Q> a caller's request: its key and what it writes
 * @param <K> the request's key (a target), with equals and hashCode
 * @param <R> what a key gets back, or null for nothing
 */
final class Grouped<Q, K, R> {
    /** The most keys in one statement. */
    static final int MAX_BATCH = 128;

    private static final class Pending<Q, K, R> {
        final Q request;
        final K key;
        R result;
        RuntimeException error;
        volatile boolean done;

        Pending(Q request, K key) {
            this.request = request;
            this.key = key;
        }
    }

    private final Function<Q, K> keyOf;
    private final Function<List<Q>, Map<K, R>> statement;
    private final ConcurrentLinkedQueue<Pending<Q, K, R>> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock turn = new ReentrantLock();

    /**
     * {@code statement} runs a batch of requests for distinct keys ({@code keyOf}) and answers each key it has
     * something for.
     */
    Grouped(Function<Q, K> keyOf, Function<List<Q>, Map<K, R>> statement) {
        this.keyOf = keyOf;
        this.statement = statement;
    }

    /** Runs {@code request} in the next batch and answers its key's result (null: nothing for it). */
    R run(Q request) {
        Pending<Q, K, R> mine = new Pending<>(request, keyOf.apply(request));
        queue.add(mine);
        while (!mine.done) {
            turn.lock();
            try {
                if (!mine.done) {
                    write();
                }
            } finally {
                turn.unlock();
            }
        }
        if (mine.error != null) {
            throw mine.error;
        }
        return mine.result;
    }

    /** How many callers wait for the next batch. */
    int queued() {
        return queue.size();
    }

    /** Writes the queued keys, at most {@link #MAX_BATCH} and each once; a repeated key waits for the next batch. */
    private void write() {
        List<Pending<Q, K, R>> batch = new ArrayList<>();
        List<Pending<Q, K, R>> repeated = new ArrayList<>();
        Set<K> keys = new HashSet<>();
        Pending<Q, K, R> next;
        while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
            (keys.add(next.key) ? batch : repeated).add(next);
        }
        queue.addAll(repeated);
        try {
            Map<K, R> results = statement.apply(batch.stream().map(p -> p.request).toList());
            for (Pending<Q, K, R> p : batch) {
                p.result = results.get(p.key);
            }
        } catch (RuntimeException | Error e) {
            RuntimeException failed = e instanceof RuntimeException r ? r : new IllegalStateException(e);
            for (Pending<Q, K, R> p : batch) {
                p.error = failed;
            }
        } finally {
            for (Pending<Q, K, R> p : batch) {
                p.done = true;
            }
        }
    }
}
