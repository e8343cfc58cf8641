package com.ailsocialautomation.engine;

import com.ailsocialautomation.store.StoreError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Records a result that must not be lost: once a platform has accepted a post, a database outage must not turn
 * it into a lost result, so the write is retried until the database answers again (within a bound, after which
 * the error goes up and recovery treats the target as unknown).
 */
final class Persistently {
    private static final Logger log = LoggerFactory.getLogger(Persistently.class);

    private Persistently() {}

    static <T> T write(Supplier<T> write, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        long pause = 200;
        while (true) {
            try {
                return write.get();
            } catch (StoreError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                log.warn("The database is unavailable ({}); retrying in {} ms", e.getMessage(), pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = Math.min(pause * 2, 5_000);
            }
        }
    }
}
