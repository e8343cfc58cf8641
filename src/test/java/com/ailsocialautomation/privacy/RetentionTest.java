package com.ailsocialautomation.privacy;

import com.ailsocialautomation.media.MediaStore;
import com.ailsocialautomation.store.AttemptOutcome;
import com.ailsocialautomation.store.Attempts;
import com.ailsocialautomation.store.Account;
import java.util.Arrays;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.ailsocialautomation.privacy.PrivacyRig.Person;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.Target;
import com.ailsocialautomation.store.TargetState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The retention purge at its boundary, with the clock in the test's hand, and in batches. */
class RetentionTest {
    static final Instant NOW = Instant.parse("2026-06-15T04:00:00Z");
    static final int DAYS = 30;
    static final Instant CUTOFF = NOW.minus(Duration.ofDays(DAYS));
    static final Instant INSIDE = CUTOFF.plus(Duration.ofMinutes(1));
    static final Instant OUTSIDE = CUTOFF.minus(Duration.ofMinutes(1));

    FreshDatabase pg;
    PrivacyRig rig;
    Person ana;
    Retention retention;

    @BeforeEach
    void wire() {
        pg = new FreshDatabase();
        rig = new PrivacyRig(pg.dataSource(), pg.vault(), Set.of());
        rig.clock.set(NOW);
        ana = rig.person("console", "console", null, "local", "Ana");
        retention = new Retention(rig.sql, DAYS, rig.clock, new MediaStore(rig.sql, rig.vault));
    }

    @AfterEach
    void unwire() {
        pg.close();
    }

    @Test
    void rowsOneMinuteOutsideTheWindowAreDeletedAndRowsOneMinuteInsideStay() {
        Post post = rig.post(ana, "kept post", NOW.minus(Duration.ofDays(60)),
                rig.connect(ana, "mastodon", "1", "@ana@m.example", "https://m.example", "token-1", null));
        UUID target = post.targets().get(0).id();
        for (Instant at : List.of(INSIDE, OUTSIDE)) {
            String tag = at == INSIDE ? "inside" : "outside";
            rig.attempts.record(ana.workspaceId(), target, new Attempts.Line(at, 100, 200, AttemptOutcome.PUBLISHED, tag));
            rig.sql.update("insert into technical_data (id, workspace_id, user_id, kind, ip_address, user_agent, created_at) values (?, ?, ?, 'oauth-callback', ?, 'UA', ?)",
                    UUID.randomUUID(), ana.workspaceId(), ana.user().id(), tag, at);
            rig.sql.update("insert into notifications (id, workspace_id, user_id, event_key, payload, sent_at) values (?, ?, ?, ?, '{}', ?)",
                    UUID.randomUUID(), ana.workspaceId(), ana.user().id(), "sent-" + tag, at);
            rig.sql.update("insert into processed_events (event_id, received_at) values (?, ?)", "Ev-" + tag, at);
        }
        rig.sql.update("insert into notifications (id, workspace_id, user_id, event_key, payload, created_at) values (?, ?, ?, 'unsent-old', '{}', ?)",
                UUID.randomUUID(), ana.workspaceId(), ana.user().id(), OUTSIDE);
        rig.sql.update("""
                insert into connect_links (id, token_hash, workspace_id, user_id, platform, expires_at)
                values (gen_random_uuid(), sha256('a'::bytea), ?, ?, 'mastodon', ?), (gen_random_uuid(), sha256('b'::bytea), ?, ?, 'mastodon', ?)""",
                ana.workspaceId(), ana.user().id(), NOW.minus(Retention.EXPIRED_GRACE).minusSeconds(60),
                ana.workspaceId(), ana.user().id(), NOW.minus(Retention.EXPIRED_GRACE).plusSeconds(60));
        for (String tag : List.of("gone", "kept")) { // every rule gets a row on each side of its cutoff
            Instant expires = NOW.minus(Retention.EXPIRED_GRACE).plusSeconds(tag.equals("gone") ? -60 : 60);
            rig.sql.update("insert into oauth_states (id, state_hash, workspace_id, user_id, platform, expires_at) values (gen_random_uuid(), sha256(?::bytea), ?, ?, 'x', ?)",
                    "state-" + tag, ana.workspaceId(), ana.user().id(), expires);
            rig.sql.update("insert into erasure_confirmations (token_hash, workspace_id, user_id, expires_at) values (sha256(?::bytea), ?, ?, ?)",
                    "confirm-" + tag, ana.workspaceId(), ana.user().id(), expires);
        }
        rig.sql.update("insert into notifications (id, workspace_id, user_id, event_key, payload, created_at) values (?, ?, ?, 'unsent-new', '{}', ?)",
                UUID.randomUUID(), ana.workspaceId(), ana.user().id(), INSIDE);

        Map<String, Integer> deleted = retention.purge();

        Map<String, Integer> expected = new java.util.HashMap<>(Map.of("publish_logs", 1, "technical_data", 1, "sent_notifications", 1,
                "undelivered_notifications", 1, "target_errors", 0, "processed_events", 1, "expired_connect_links", 1,
                "expired_oauth_states", 1, "expired_confirmations", 1, "media", 0));
        expected.put("drafts", 0);
        assertEquals(expected, deleted);
        assertEquals(1, rig.count("select count(*) from oauth_states"));
        assertEquals(1, rig.count("select count(*) from erasure_confirmations"));
        assertEquals(List.of("inside"), rig.attempts.forTarget(ana.workspaceId(), target).stream().map(a -> a.message()).toList());
        assertEquals(List.of("inside"), rig.sql.list("select ip_address from technical_data", rs -> rs.getString(1)));
        assertEquals(List.of("sent-inside", "unsent-new"), rig.sql.list("select event_key from notifications order by event_key", rs -> rs.getString(1)),
                "a message that could not be delivered within the retention period goes too, text and all");
        assertEquals(List.of("Ev-inside"), rig.sql.list("select event_id from processed_events", rs -> rs.getString(1)));
        assertEquals(1, rig.count("select count(*) from connect_links"));
        assertEquals("kept post", rig.posts.find(ana.workspaceId(), post.id()).orElseThrow().text(), "posts themselves stay");
        assertEquals(TargetState.SCHEDULED, rig.posts.find(ana.workspaceId(), post.id()).orElseThrow().targets().get(0).state());
    }

    @Test
    void whatAPlatformSaidAboutATargetIsClearedWithTheLogsWhileThePostStays() {
        Account account = rig.connect(ana, "mastodon", "2", "@ana@m.example", "https://m.example", "token-2", null);
        Post old = rig.post(ana, "old failure", NOW.minus(Duration.ofDays(60)), account);
        Post recent = rig.post(ana, "recent failure", NOW.minus(Duration.ofDays(2)), account);
        rig.finish(old, TargetState.FAILED, 422, "the instance said: old-words");
        rig.finish(recent, TargetState.FAILED, 422, "the instance said: recent-words");
        rig.sql.update("update post_targets set finished_at = ? where post_id = ?", OUTSIDE, old.id());
        rig.sql.update("update post_targets set finished_at = ? where post_id = ?", INSIDE, recent.id());

        assertEquals(1, retention.purge().get("target_errors"));
        Target oldTarget = rig.posts.find(ana.workspaceId(), old.id()).orElseThrow().targets().get(0);
        assertEquals(Arrays.asList(TargetState.FAILED, null), Arrays.asList(oldTarget.state(), oldTarget.error()));
        assertEquals("the instance said: recent-words",
                rig.posts.find(ana.workspaceId(), recent.id()).orElseThrow().targets().get(0).error());
    }

    @Test
    void largeBacklogsGoInBatchesAndTheCountsAreLogged() {
        rig.sql.update("""
                insert into technical_data (id, workspace_id, user_id, kind, ip_address, created_at)
                select gen_random_uuid(), ?, ?, 'oauth-callback', '192.0.2.' || (n % 250), ? from generate_series(1, ?) n""",
                ana.workspaceId(), ana.user().id(), OUTSIDE, Retention.BATCH * 2 + 17);
        // each delete statement's row count, recorded by a statement trigger: the batch limit is seen, not inferred
        rig.sql.update("create table purge_batches (n int not null)");
        rig.sql.update("""
                create function count_purge_batch() returns trigger language plpgsql as $$
                begin insert into purge_batches select count(*) from gone; return null; end $$""");
        rig.sql.update("create trigger technical_data_batches after delete on technical_data referencing old table as gone "
                + "for each statement execute function count_purge_batch()");
        Logger logger = (Logger) LoggerFactory.getLogger(Retention.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            assertEquals(Retention.BATCH * 2 + 17, retention.purge().get("technical_data"));
        } finally {
            logger.detachAppender(logged);
        }
        assertEquals(0, rig.count("select count(*) from technical_data"));
        assertEquals(List.of(Retention.BATCH, Retention.BATCH, 17), rig.sql.list("select n from purge_batches", rs -> rs.getInt(1)),
                "three statements of at most " + Retention.BATCH + " rows (breakage tried: the limit removed deletes 2017 at once)");
        String line = logged.list.get(0).getFormattedMessage();
        assertTrue(line.startsWith("Retention purge (older than 30 days): {publish_logs=0, technical_data=2017,"), line);
        assertTrue(line.getBytes(StandardCharsets.UTF_8).length < 300);
    }
}
