package com.ailsocialautomation.privacy;

import com.ailsocialautomation.media.MediaStore;
import com.ailsocialautomation.store.Drafts;
import com.ailsocialautomation.store.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The daily purge (policy clause 5): publish logs, technical data, notifications (sent, or still undelivered) and
 * processed Slack event ids older than AIL_RETENTION_DAYS are deleted, the error texts of targets that finished
 * before then are cleared, drafts nobody changed since then are deleted with their media, the media copies of
 * posts whose every target finished before then are deleted, and
 * one-time links, OAuth states and forget-me confirmations go a day after they expired. Each statement deletes at most {@value #BATCH} rows and commits on its
 * own, so no table is locked for long and the engine keeps publishing while the purge runs.
 */
public final class Retention {
    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    static final int BATCH = 1000;
    /** Expired one-time rows are kept this long, so a late click still gets "expired" rather than "unknown". */
    static final Duration EXPIRED_GRACE = Duration.ofDays(1);

    /**
     * One purge: a table, its key, the column compared with the cutoff, and an extra condition; {@code clear} is
     * the SET clause of a purge that blanks columns instead of deleting the row (null: delete).
     */
    private record Rule(String name, String table, String key, String column, String extra, boolean byRetention, String clear) {
        Rule(String name, String table, String key, String column, String extra, boolean byRetention) {
            this(name, table, key, column, extra, byRetention, null);
        }
    }

    private static final Rule[] RULES = {
            new Rule("publish_logs", "publish_attempts", "id", "started_at", "", true),
            new Rule("technical_data", "technical_data", "id", "created_at", "", true),
            new Rule("sent_notifications", "notifications", "id", "sent_at", " and sent_at is not null", true),
            // a message that could not be delivered within the retention period is not delivered at all
            new Rule("undelivered_notifications", "notifications", "id", "created_at", " and sent_at is null", true),
            // what a platform said about a target is a log, however long the post itself is kept
            new Rule("target_errors", "post_targets", "id", "finished_at", " and (error_enc is not null or error is not null)", true,
                    "error_enc = null, error = null"),
            new Rule("processed_events", "processed_events", "event_id", "received_at", "", true),
            new Rule("expired_connect_links", "connect_links", "id", "expires_at", "", false),
            new Rule("expired_oauth_states", "oauth_states", "id", "expires_at", "", false),
            new Rule("expired_confirmations", "erasure_confirmations", "token_hash", "expires_at", "", false),
    };

    private final Sql sql;
    private final Duration retention;
    private final Clock clock;
    private final MediaStore media;

    public Retention(Sql sql, int retentionDays, Clock clock, MediaStore media) {
        this.sql = sql;
        this.retention = Duration.ofDays(retentionDays);
        this.clock = clock;
        this.media = media;
    }

    /** Runs every rule to the end; returns the rows deleted by rule name, and logs them. */
    public Map<String, Integer> purge() {
        Instant now = clock.instant();
        Map<String, Integer> deleted = new LinkedHashMap<>();
        for (Rule rule : RULES) {
            Instant cutoff = rule.byRetention() ? now.minus(retention) : now.minus(EXPIRED_GRACE);
            deleted.put(rule.name(), purge(rule, cutoff));
        }
        // a draft goes nowhere by itself: one nobody changed within the period goes, with its media
        deleted.put("drafts", new Drafts(sql).purgeUnchangedSince(now.minus(retention), BATCH));
        // the media package owns its tables and knows when a post's copies can no longer be needed
        deleted.put("media", media.purgeFinishedBefore(now.minus(retention), BATCH));
        log.info("Retention purge (older than {} days): {}", retention.toDays(), deleted);
        return deleted;
    }

    private int purge(Rule rule, Instant cutoff) {
        String statement = (rule.clear() == null ? "delete from " + rule.table() : "update " + rule.table() + " set " + rule.clear())
                + " where " + rule.key() + " in (select " + rule.key()
                + " from " + rule.table() + " where " + rule.column() + " < ?" + rule.extra() + " limit " + BATCH + ")";
        int total = 0;
        while (true) {
            int n = sql.update(statement, cutoff);
            total += n;
            if (n < BATCH) {
                return total;
            }
        }
    }
}
