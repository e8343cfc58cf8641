package com.ailsocialautomation.engine;

import com.ailsocialautomation.store.PublishQueue;
import com.ailsocialautomation.store.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Wakes the scheduler at the moment the next execution falls due, so a post due at nine starts at nine rather than
 * at the scheduler's next poll (up to {@code AIL_POLL_INTERVAL_MS} later). It looks {@link #AHEAD} ahead with one
 * indexed query, sleeps until the earliest due time and asks the scheduler to poll; the scheduler still picks the
 * work (SELECT ... FOR UPDATE SKIP LOCKED), so every guarantee of its polling stays, on every instance. An alarm
 * that fails only costs latency: the regular poll still finds the work.
 */
final class DueAlarm implements AutoCloseable {
    /** How far ahead one look reaches; a post created for sooner than this is started by the regular poll. */
    static final Duration AHEAD = Duration.ofMillis(500);

    private static final Logger log = LoggerFactory.getLogger(DueAlarm.class);

    private final Sql sql;
    private final Clock clock;
    private final Runnable wake;
    private final Thread thread;
    private volatile boolean running = true;

    DueAlarm(Sql sql, Clock clock, Runnable wake) {
        this.sql = sql;
        this.clock = clock;
        this.wake = wake;
        this.thread = new Thread(this::loop, "ail-due-alarm");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void loop() {
        Instant last = Instant.MIN;
        while (running) {
            try {
                Instant now = clock.instant();
                // after a wake, look past what it woke for: those executions are being picked already
                Instant from = last.isAfter(now) ? last : now;
                Optional<Instant> next = PublishQueue.nextDue(sql, from, now.plus(AHEAD));
                if (next.isEmpty()) {
                    Thread.sleep(AHEAD.toMillis());
                    continue;
                }
                // a wake before the due time finds nothing due: sleep whole milliseconds past it
                long wait = Math.min(AHEAD.toMillis(), Duration.between(clock.instant(), next.get()).toMillis() + 1);
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                wake.run();
                last = next.get();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.debug("The due alarm could not look ahead; the regular poll goes on", e);
                sleepQuietly();
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(AHEAD.toMillis());
        } catch (InterruptedException e) {
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
