package com.ailsocialautomation.slack;

import com.slack.api.bolt.request.Request;

import java.time.Duration;

/**
 * When AIL must have acked a request: Slack waits 3 seconds from sending it and then retries, so the budget is
 * counted from the moment the request arrived at AIL's web server (reading and checking the body spends some of
 * it), not from when a handler started. Requests that did not come through the web server (Socket Mode) count from
 * the handler's start.
 */
record AckDeadline(long nanos) {
    /** Set by {@link SlackRoutes} on every request it hands to Bolt, over any header of that name the sender chose. */
    static final String ARRIVED_HEADER = "x-ail-arrived-nanos";

    static AckDeadline of(Request<?> request, Duration within) {
        long arrived = System.nanoTime();
        String header = request.getHeaders() == null ? null : request.getHeaders().getFirstValue(ARRIVED_HEADER);
        if (header != null) {
            try {
                arrived = Long.parseLong(header);
            } catch (NumberFormatException e) {
                // keep the handler's start
            }
        }
        return new AckDeadline(arrived + within.toNanos());
    }

    /** Milliseconds left before the deadline, never negative. */
    long remainingMillis() {
        return Math.max(0, (nanos - System.nanoTime()) / 1_000_000);
    }
}
