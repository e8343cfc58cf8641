package com.ailsocialautomation.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Group commit for a statement that many threads run at once, each on its own key (a target the engine claims): one
 * caller writes a batch while the others queue, and the next caller to get its turn writes every key that came
 * meanwhile as one statement and one commit. Nothing waits for company: a caller alone goes at once, so a quiet
 * instance pays no latency and a busy one pays one statement for many keys.
 * <p>
 * Each key's result is what it would have been alone:
 * <ul>
 *   <li>the statement treats each key's row on its own, and answers each key with its result or its own failure;</li>
 *   <li>a key asked for twice at once goes in two batches, one after the other, as two calls alone would;</li>
 *   <li>a statement that fails has written nothing (it is one statement), so each of its requests is then written
 *   alone: one bad request fails only its own caller, and a passing failure (a deadlock) fails no one;</li>
 *   <li>an {@link Error} reaches every caller of its batch not yet answered, as it is.</li>
 * </ul>
 * A caller whose result is written returns at once: it is woken, and does not wait for the next batch. Waiting is not
 * interruptible, as the statement itself is not: an interrupted caller keeps its flag for after, and a caller that
 * writes for others clears it meanwhile, so that its interrupt cannot fail their writes.
 *
 * @param <Q> a caller's request: its key and what it writes
 * @param <K> the request's key (a target), with equals and hashCode
 * @param <R> what a key gets back, or null for nothing
 */
final class Grouped<Q, K, R> {
    /** The most keys in one statement. */
    static final int MAX_BATCH = 128;

    /** How long a waiting caller sleeps before it looks again, should a wake-up be missed. */
    private static final long NAP_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /** What the statement answers for one key: its result, or the failure of that key alone. */
    record Answer<R>(R result, RuntimeException failure) {
        static <R> Answer<R> of(R result) {
            return new Answer<>(result, null);
        }

        static <R> Answer<R> failed(RuntimeException failure) {
            return new Answer<>(null, failure);
        }
    }

    private static final class Pending<Q, K, R> {
        final Q request;
        final K key;
        final Thread caller = Thread.currentThread();
        R result;
        Throwable error;
        boolean answered;
        volatile boolean done;

        Pending(Q request, K key) {
            this.request = request;
            this.key = key;
        }
    }

    private final Function<Q, K> keyOf;
    private final Function<List<Q>, Map<K, Answer<R>>> statement;
    private final ConcurrentLinkedQueue<Pending<Q, K, R>> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock turn = new ReentrantLock();

    /**
     * {@code statement} runs a batch of requests for distinct keys ({@code keyOf}) and answers each key it has
     * something for.
     */
    Grouped(Function<Q, K> keyOf, Function<List<Q>, Map<K, Answer<R>>> statement) {
        this.keyOf = keyOf;
        this.statement = statement;
    }

    /** Runs {@code request} in the next batch and answers its key's result (null: nothing for it). */
    R run(Q request) {
        Pending<Q, K, R> mine = new Pending<>(request, keyOf.apply(request));
        queue.add(mine);
        boolean interrupted = false; // waiting is not interruptible, as the statement is not: the flag is kept for after
        try {
            while (!mine.done) {
                if (turn.tryLock()) {
                    interrupted |= Thread.interrupted(); // the write is others' too: this caller's interrupt must not fail it
                    try {
                        if (!mine.done) {
                            interrupted |= write();
                        }
                    } finally {
                        turn.unlock();
                        // whoever is first in line now takes the turn, if no one has
                        Pending<Q, K, R> next = queue.peek();
                        if (next != null) {
                            LockSupport.unpark(next.caller);
                        }
                    }
                } else {
                    LockSupport.parkNanos(this, NAP_NANOS);
                    interrupted |= Thread.interrupted();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (mine.error instanceof Error e) {
            throw e;
        }
        if (mine.error != null) {
            throw (RuntimeException) mine.error;
        }
        return mine.result;
    }

    /** How many callers wait for the next batch. */
    int queued() {
        return queue.size();
    }

    /**
     * Writes the queued requests, at most {@link #MAX_BATCH} and each key once (a repeated key waits for the next
     * batch), and wakes their callers. Every request taken from the queue is answered, an {@link Error} included
     * (it goes to the requests not yet answered, and is not thrown here: the writer's own request may not be in
     * the batch). Answers whether this thread was interrupted meanwhile (its flag is cleared before each write).
     */
    private boolean write() {
        List<Pending<Q, K, R>> batch = new ArrayList<>();
        List<Pending<Q, K, R>> repeated = new ArrayList<>();
        Set<K> keys = new HashSet<>();
        Pending<Q, K, R> next;
        while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
            (keys.add(next.key) ? batch : repeated).add(next);
        }
        queue.addAll(repeated);
        boolean interrupted = false;
        try {
            try {
                answer(batch, statement.apply(batch.stream().map(p -> p.request).toList()));
            } catch (RuntimeException e) {
                if (batch.size() == 1) {
                    batch.get(0).error = e;
                    batch.get(0).answered = true;
                } else {
                    for (Pending<Q, K, R> p : batch) { // the statement wrote nothing: each alone
                        interrupted |= Thread.interrupted();
                        try {
                            answer(List.of(p), statement.apply(List.of(p.request)));
                        } catch (RuntimeException alone) {
                            p.error = alone;
                            p.answered = true;
                        }
                    }
                }
            }
        } catch (Error e) {
            for (Pending<Q, K, R> p : batch) {
                if (!p.answered) {
                    p.error = e;
                }
            }
        } finally {
            for (Pending<Q, K, R> p : batch) {
                p.done = true;
                LockSupport.unpark(p.caller);
            }
        }
        return interrupted;
    }

    private void answer(List<Pending<Q, K, R>> batch, Map<K, Answer<R>> answers) {
        for (Pending<Q, K, R> p : batch) {
            Answer<R> a = answers.get(p.key);
            if (a != null) {
                p.result = a.result();
                p.error = a.failure();
            }
            p.answered = true;
        }
    }
}
