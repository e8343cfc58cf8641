package com.ailsocialautomation.store;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.PublishPace;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An account's turns: a quiet account's burst goes at once, then one turn per spacing, and takers racing on one
 * database never share a turn. The platforms' paces keep every window they declare, wherever it starts.
 */
class PublishTurnsTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();

    private UUID account(Sql sql) {
        Workspaces workspaces = new Workspaces(sql);
        UUID ws = workspaces.ensure(FrontEnd.CONSOLE, "ws-" + UUID.randomUUID(), "Pace");
        UUID ana = workspaces.ensureUser(ws, "u-" + UUID.randomUUID(), "Ana").id();
        return new Accounts(sql, pg.vault()).connect(ws, ana, new NewAccount(PlatformId.MASTODON, "m-" + UUID.randomUUID(),
                "@ana", "Ana", null, null, "write", 500), new StoredTokens(Secret.of("t"), null, null, null)).id();
    }

    @Test
    void racingTakersGetTheBurstAtOnceThenOneDistinctTurnEachSpacingApart() throws Exception {
        Sql sql = new Sql(pg.dataSource());
        PublishTurns turns = new PublishTurns(sql);
        UUID account = account(sql);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Instant>> taken = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            taken.add(pool.submit(() -> turns.take(account, PublishTurns.Kind.POSTS, 1, now, 5, Duration.ofMillis(100))));
        }
        List<Instant> got = new ArrayList<>();
        for (Future<Instant> f : taken) {
            got.add(f.get());
        }
        pool.shutdown();
        Collections.sort(got);
        for (int i = 0; i < 40; i++) {
            Instant expected = i < 5 ? now : now.plusMillis(100L * (i - 4));
            assertEquals(expected, got.get(i), "turn " + i);
        }
        // a thread of three parts takes three turns: the next free one is 300 ms after the last
        assertEquals(now.plusMillis(100L * 38), turns.take(account, PublishTurns.Kind.POSTS, 3, now, 5, Duration.ofMillis(100)));
        // an account that was quiet long enough has its burst again
        Instant later = now.plusSeconds(60);
        assertEquals(later, turns.take(account, PublishTurns.Kind.POSTS, 1, later, 5, Duration.ofMillis(100)));
    }

    @Test
    void everyPlatformsPaceKeepsEachOfItsWindowsWhereverTheWindowStarts() {
        for (Platform p : Platform.values()) {
            java.util.stream.Stream.of(p.publishPace(), p.mediaPace()).flatMap(Optional::stream).forEach(pace -> {
                for (PublishPace.Window w : pace.windows()) {
                    // the most a window of length P can hold: the burst plus one turn per spacing in P and the lateness
                    long most = pace.burst() + w.per().plus(pace.lateness()).toNanos() / pace.spacing().toNanos();
                    assertTrue(most <= w.posts(), p + " could send " + most + " in " + w.per() + ", more than " + w.posts());
                    assertTrue(pace.burst() >= 1, p + " lets a quiet account post at once");
                }
            });
        }
        assertEquals("300 posts in 3 hours", Platform.MASTODON.publishPace().orElseThrow().describe());
        assertEquals("100 posts in 15 minutes", Platform.X.publishPace().orElseThrow().describe());
        assertEquals("30 media uploads in 30 minutes", Platform.MASTODON.mediaPace().orElseThrow().describe("media uploads"));
    }

    @Test
    void anAccountsMediaUploadsHaveTheirOwnAllowanceBesideItsPosts() {
        Sql sql = new Sql(pg.dataSource());
        PublishTurns turns = new PublishTurns(sql);
        UUID account = account(sql);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertEquals(now, turns.take(account, PublishTurns.Kind.MEDIA, 4, now, 4, Duration.ofSeconds(1)), "four uploads at once");
        assertEquals(now.plusSeconds(2), turns.take(account, PublishTurns.Kind.MEDIA, 2, now, 4, Duration.ofSeconds(1)),
                "two more wait for their turn");
        assertEquals(now, turns.take(account, PublishTurns.Kind.POSTS, 1, now, 4, Duration.ofSeconds(1)),
                "the account's posts are not held by its uploads");
    }
}
