package com.ailsocialautomation.store;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What two instances racing over one series or one queue must see: an occurrence is made by one run only, a series
 * ends once, and a queue counts the times it gains and the ones already taken.
 */
class SeriesStoreTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static Sql sql;
    static UUID ws;
    static UUID ana;
    static Account hook;

    @BeforeAll
    static void workspace() {
        sql = new Sql(pg.dataSource());
        Workspaces workspaces = new Workspaces(sql);
        ws = workspaces.ensure(FrontEnd.SLACK, "T-SERIES", "Series Inc");
        ana = workspaces.ensureUser(ws, "U-ANA", "Ana").id();
        hook = new Accounts(sql, pg.vault()).connect(ws, ana, new NewAccount(PlatformId.WEBHOOK, "hook-s", "hook.test/s", "hook",
                null, null, null, null), new StoredTokens(Secret.of("whsec_s"), null, null, null, Secret.of("https://hook.test/s")));
    }

    @Test
    void anOccurrenceIsMadeByOneRunOnlyAndASeriesEndsOnce() {
        Series series = new Series(sql, pg.vault());
        Instant first = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        PostSeries s = series.create(ws, ana, Set.of(DayOfWeek.MONDAY), LocalTime.NOON, ZoneId.of("UTC"), null, null,
                List.of("weekly news"), Map.of(), first);
        Posts posts = new Posts(sql, pg.vault());
        UUID mine = posts.create(ws, ana, "weekly news", List.of(), first, null, List.of(hook)).id();
        UUID theirs = posts.create(ws, ana, "weekly news", List.of(), first, null, List.of(hook)).id();

        boolean made = sql.transaction(tx -> Series.advance(tx, s, mine, first, first.plus(7, ChronoUnit.DAYS)));
        boolean madeAgain = sql.transaction(tx -> Series.advance(tx, s, theirs, first, first.plus(7, ChronoUnit.DAYS)));
        assertTrue(made);
        assertFalse(madeAgain, "a second run made the same occurrence");
        assertEquals(1, series.find(ws, s.id()).orElseThrow().made());

        assertTrue(series.end(ws, s.id()));
        assertEquals(SeriesState.ENDED, series.find(ws, s.id()).orElseThrow().state());
        assertFalse(series.end(ws, s.id()), "a series ended twice");
    }

    @Test
    void aQueueCountsTheTimesItGainsAndSeesTheTimesAlreadyTaken() {
        QueueSlots slots = new QueueSlots(sql);
        assertEquals(2, slots.add(ws, hook.id(), Set.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), LocalTime.of(9, 0), ZoneId.of("UTC")));
        assertEquals(1, slots.add(ws, hook.id(), Set.of(DayOfWeek.TUESDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), ZoneId.of("UTC")),
                "a time the account already had was counted as new");

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant due = now.plus(2, ChronoUnit.HOURS);
        new Posts(sql, pg.vault()).create(ws, ana, "queued", List.of(), due, null, List.of(hook));
        assertEquals(Set.of(due), slots.taken(ws, hook.id(), now));
        assertEquals(Set.of(), slots.taken(ws, hook.id(), due));
    }
}
