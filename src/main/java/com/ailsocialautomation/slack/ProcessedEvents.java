package com.ailsocialautomation.slack;

import com.ailsocialautomation.store.Sql;

import java.time.Clock;
import java.time.Duration;

/**
 * Slack retries an event it thinks was not acked (with {@code X-Slack-Retry-Num}), possibly to another instance;
 * each {@code event_id} is handled once. Claims are kept a day, far longer than Slack's retries (about an hour).
 */
final class ProcessedEvents {
    private static final Duration KEEP = Duration.ofDays(1);

    private final Sql sql;
    private final Clock clock;

    ProcessedEvents(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** True the first time {@code eventId} is claimed, across instances. */
    boolean claim(String eventId) {
        if (eventId == null) {
            return true;
        }
        return sql.update("insert into processed_events (event_id, received_at) values (?, ?) on conflict do nothing",
                eventId, clock.instant()) == 1;
    }

    /** Gives a claim back, so Slack's retry can do what failed. */
    void release(String eventId) {
        if (eventId != null) {
            sql.update("delete from processed_events where event_id = ?", eventId);
        }
    }

    void purge() {
        sql.update("delete from processed_events where received_at < ?", clock.instant().minus(KEEP));
    }
}
