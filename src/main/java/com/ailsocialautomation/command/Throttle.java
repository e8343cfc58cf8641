package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.message.FrontEnd;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Commands per person and per workspace: a token bucket each, in memory (one instance serves a workspace's
 * commands at a time, and a restart forgets nothing that matters). A bucket holds a burst of a third of a minute's
 * rate, so help, list and a few quick commands never wait; past it, a command costs a token that refills at the
 * steady rate, and the answer says when to try again. The console is not throttled.
 */
public final class Throttle {
    private static final int MAX_BUCKETS = 100_000;

    private final int perUser;
    private final int perWorkspace;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new HashMap<>();

    /** {@code perUser} and {@code perWorkspace}: commands a minute; 0 turns that bucket off. */
    public Throttle(int perUser, int perWorkspace, Clock clock) {
        this.perUser = perUser;
        this.perWorkspace = perWorkspace;
        this.clock = clock;
    }

    /** Takes a token from the caller's and the workspace's bucket, or throws the "slow down" answer. */
    synchronized void take(Invocation who) {
        if (who.frontEnd() == FrontEnd.CONSOLE) {
            return; // the operator's own terminal, where scripts pipe many commands
        }
        long now = clock.millis();
        String workspace = who.frontEnd() + "/" + who.workspaceId();
        Bucket user = perUser > 0 ? bucket(workspace + "/" + who.userId(), perUser, now) : null;
        Bucket all = perWorkspace > 0 ? bucket(workspace, perWorkspace, now) : null;
        long wait = Math.max(user == null ? 0 : user.waitMillis(), all == null ? 0 : all.waitMillis());
        if (wait > 0) {
            long seconds = Math.max(1, (wait + 999) / 1000);
            throw new UserError("Slow down: " + (user != null && user.waitMillis() > 0 ? "you have" : "this workspace has")
                    + " sent many commands in a short time; try again in " + seconds + " s.");
        }
        if (user != null) {
            user.tokens -= 1;
        }
        if (all != null) {
            all.tokens -= 1;
        }
    }

    private Bucket bucket(String key, int perMinute, long now) {
        if (buckets.size() >= MAX_BUCKETS && !buckets.containsKey(key)) {
            buckets.values().removeIf(b -> b.full(now));
            if (buckets.size() >= MAX_BUCKETS) {
                buckets.clear(); // memory stays bounded even when that many people are all busy at once
            }
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, now));
        bucket.refill(now);
        return bucket;
    }

    private static final class Bucket {
        private final double capacity;
        private final double perMilli;
        private double tokens;
        private long at;

        Bucket(int perMinute, long now) {
            capacity = Math.max(1, perMinute / 3);
            perMilli = perMinute / 60_000.0;
            tokens = capacity;
            at = now;
        }

        void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - at) * perMilli);
            at = now;
        }

        long waitMillis() {
            return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perMilli);
        }

        boolean full(long now) {
            return tokens + (now - at) * perMilli >= capacity;
        }
    }
}
