package com.ailsocialautomation.wiring;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * How long each phase of a start took, for the start-up log: a slow start says where its time went (the embedded
 * PostgreSQL, migrations, a front end's connection) without a profiler. Not thread-safe: one start, one thread.
 */
public final class StartTimes {
    private final long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
    private final List<String> laps = new ArrayList<>();
    private long last = System.currentTimeMillis();

    public StartTimes() {
        laps.add("JVM " + (last - jvmStartMillis) + " ms");
    }

    /** Ends the phase {@code name}, which began where the previous one ended. */
    public void lap(String name) {
        long now = System.currentTimeMillis();
        laps.add(name + " " + (now - last) + " ms");
        last = now;
    }

    /** "3,120 ms since the JVM started: JVM 400 ms, data directory 2 ms, PostgreSQL 1,800 ms, ..." */
    public String summary() {
        return String.format("%,d ms since the JVM started: %s", last - jvmStartMillis, String.join(", ", laps));
    }
}
