package com.ailsocialautomation.store;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Turns to publish to an account, for every instance sharing the database: each account's allowance refills one
 * request every {@code spacing} up to {@code burst} requests. Its state is one time per account, the moment by which
 * what was taken is paid for; a take moves it on and answers when the taker's turn is, in one statement, so two
 * instances can never take the same turn. A take is never refused: a request that cannot go now gets the next free
 * turn and holds it (see Targets#awaitTurn), so a queue of waiting targets goes out in order, one turn each, without
 * asking again.
 */
public final class PublishTurns {
    /** What a platform limits apart, each with its own allowance per account. */
    public enum Kind {
        /** Requests that create a post, a thread part or a first comment. */
        POSTS("posts"),
        /** Media uploads, where the platform counts them apart from posts (Mastodon). */
        MEDIA("media");

        private final String stored;

        Kind(String stored) {
            this.stored = stored;
        }
    }

    private final Sql sql;

    public PublishTurns(Sql sql) {
        this.sql = sql;
    }

    /**
     * Takes {@code requests} turns of {@code kind} for {@code accountId} at {@code now}; returns when they are:
     * {@code now} or earlier when they may go at once, else the later time from which they may.
     */
    public Instant take(UUID accountId, Kind kind, int requests, Instant now, int burst, Duration spacing) {
        long cost = spacing.toNanos() / 1000 * requests; // microseconds, PostgreSQL's precision
        Instant spentUntil = sql.one("""
                insert into account_publish_pace as p (account_id, kind, spent_until) values (?, ?, ?::timestamptz + ? * interval '1 microsecond')
                on conflict (account_id, kind) do update set spent_until = greatest(p.spent_until, excluded.spent_until
                    - ? * interval '1 microsecond') + ? * interval '1 microsecond'
                returning spent_until""", rs -> Sql.instant(rs, "spent_until"), accountId, kind.stored, now, cost, cost, cost).orElseThrow();
        Instant turn = spentUntil.minusNanos(spacing.toNanos() / 1000 * 1000 * burst);
        return turn.isAfter(now) ? turn : now;
    }
}
