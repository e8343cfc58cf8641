package com.ailsocialautomation.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A resolver with a time limit. The JDK's lookup cannot be interrupted and may wait many seconds for a name server
 * that never answers, so it runs on a small pool of its own and the caller stops waiting after {@code limit}: a person
 * who typed a slow host gets an answer in time. The pool is bounded, so hosts that never answer cannot pile up
 * threads; when it is full, a lookup fails at once as {@link Busy}. Callers asking for a host whose lookup is under
 * way share it: the engine's threads posting to one host at once take one pool thread, not one each.
 */
final class TimedResolver implements Resolver {
    static final Duration LIMIT = Duration.ofSeconds(2);
    private static final int MAX_LOOKUPS = 16;
    private static final ThreadPoolExecutor LOOKUPS = pool();

    /** The host did not answer within the limit. */
    static final class TooSlow extends UnknownHostException {
        TooSlow(String host) {
            super(host);
        }
    }

    /** Too many lookups are waiting for slow name servers already. */
    static final class Busy extends UnknownHostException {
        Busy(String host) {
            super(host);
        }
    }

    private final Resolver inner;
    private final Duration limit;
    private final ConcurrentHashMap<String, CompletableFuture<List<InetAddress>>> inFlight = new ConcurrentHashMap<>();

    TimedResolver(Resolver inner, Duration limit) {
        this.inner = inner;
        this.limit = limit;
    }

    /**
     * The host's addresses, looked up on the pool, or the lookup of the same host already under way; the future
     * fails with TooSlow after the limit. Nothing is kept once a lookup ends (the JVM caches answers itself).
     */
    CompletableFuture<List<InetAddress>> lookup(String host) {
        CompletableFuture<List<InetAddress>> shared = inFlight.computeIfAbsent(host, this::start);
        shared.whenComplete((addresses, failure) -> inFlight.remove(host, shared));
        return shared;
    }

    private CompletableFuture<List<InetAddress>> start(String host) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return inner.resolve(host);
                } catch (UnknownHostException e) {
                    throw new CompletionException(e);
                }
            }, LOOKUPS).orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new Busy(host));
        }
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return await(lookup(host), host);
    }

    /** Waits for a lookup this resolver started, turning its failure back into what resolve throws. */
    static List<InetAddress> await(CompletableFuture<List<InetAddress>> lookup, String host) throws UnknownHostException {
        try {
            return lookup.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TimeoutException) {
                throw new TooSlow(host);
            }
            if (cause instanceof UnknownHostException unknown) {
                throw unknown;
            }
            if (cause instanceof RuntimeException unplanned) {
                throw unplanned;
            }
            throw e;
        }
    }

    private static ThreadPoolExecutor pool() {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(0, MAX_LOOKUPS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "dns-lookup-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
