package com.ailsocialautomation.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for something asynchronous (the engine, a notification, a fake's inbox) without a fixed sleep. */
public final class Eventually {
    private Eventually() {}

    /** Polls until {@code condition} holds or the time is up; returns whether it held. */
    public static boolean eventually(Duration within, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
