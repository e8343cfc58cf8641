package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.message.FrontEnd;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Commands per person and per workspace: a token bucket each, in memory (one instance serves a workspace's
 * commands at a time, and a restart forgets nothing that matters). A bucket holds a burst of a third of a minute's
 * rate, so help, list and a few quick commands never wait; past it, a command costs a token that refills at the
 * steady rate, and the answer says when to try again. The console is not throttled. Every command of every
 * workspace passes here, so no lock is shared: each bucket is one atomic number (see {@link Bucket}).
 */
public final class Throttle {
    private static final int MAX_BUCKETS = 100_000;

    private final int perUser;
    private final int perWorkspace;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** {@code perUser} and {@code perWorkspace}: commands a minute; 0 turns that bucket off. */
    public Throttle(int perUser, int perWorkspace, Clock clock) {
        this.perUser = perUser;
        this.perWorkspace = perWorkspace;
        this.clock = clock;
    }

    /**
     * Takes a token from the caller's and the workspace's bucket, or throws the "slow down" answer and takes none
     * (a person's token taken before the workspace refused is given back).
     */
    void take(Invocation who) {
        if (who.frontEnd() == FrontEnd.CONSOLE) {
            return; // the operator's own terminal, where scripts pipe many commands
        }
        long now = clock.millis();
        String workspace = who.frontEnd() + "/" + who.workspaceId();
        Bucket user = perUser > 0 ? bucket(workspace + "/" + who.userId(), perUser, now) : null;
        Bucket all = perWorkspace > 0 ? bucket(workspace, perWorkspace, now) : null;
        long userWait = user == null ? 0 : user.take(now);
        if (userWait > 0) {
            throw slowDown("you have", Math.max(userWait, all == null ? 0 : all.waitMillis(now)));
        }
        long allWait = all == null ? 0 : all.take(now);
        if (allWait > 0) {
            if (user != null) {
                user.giveBack();
            }
            throw slowDown("this workspace has", allWait);
        }
    }

    private static UserError slowDown(String who, long waitMillis) {
        long seconds = Math.max(1, (waitMillis + 999) / 1000);
        return new UserError("Slow down: " + who + " sent many commands in a short time; try again in " + seconds + " s.");
    }

    private Bucket bucket(String key, int perMinute, long now) {
        Bucket bucket = buckets.get(key);
        if (bucket != null) {
            return bucket;
        }
        if (buckets.size() >= MAX_BUCKETS) {
            buckets.values().removeIf(b -> b.full(now));
            if (buckets.size() >= MAX_BUCKETS) {
                buckets.clear(); // memory stays bounded even when that many people are all busy at once
            }
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(perMinute));
    }

    /**
     * A token bucket kept as the one moment when it will be full again ({@code fullAt}, in microseconds; the
     * "generic cell rate" form): a command costs one interval; it may run while fullAt stays within a burst's worth of
     * intervals ahead of now. Changed by compare-and-set, so concurrent commands never wait on each other here.
     */
    private static final class Bucket {
        private final long interval;
        private final long burst;
        private final AtomicLong fullAt = new AtomicLong(Long.MIN_VALUE);

        Bucket(int perMinute) {
            interval = 60_000_000L / perMinute;
            burst = (Math.max(1, perMinute / 3) - 1) * interval;
        }

        /** 0 when a token was taken, else the milliseconds until one is there (and nothing is taken). */
        long take(long nowMillis) {
            long now = nowMillis * 1000;
            while (true) {
                long previous = fullAt.get();
                long from = Math.max(previous, now);
                long wait = from - now - burst;
                if (wait > 0) {
                    return (wait + 999) / 1000;
                }
                if (fullAt.compareAndSet(previous, from + interval)) {
                    return 0;
                }
            }
        }

        long waitMillis(long nowMillis) {
            long now = nowMillis * 1000;
            long wait = Math.max(fullAt.get(), now) - now - burst;
            return wait > 0 ? (wait + 999) / 1000 : 0;
        }

        void giveBack() {
            fullAt.addAndGet(-interval);
        }

        boolean full(long nowMillis) {
            return fullAt.get() <= nowMillis * 1000;
        }
    }
}
