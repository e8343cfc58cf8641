package com.ailsocialautomation.store;

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
    static StoreWorld world;
    static Account hook;

    @BeforeAll
    static void workspace() {
        world = new StoreWorld(pg, "T-SERIES", "Series Inc");
        hook = world.hook("s");
    }

    @Test
    void anOccurrenceIsMadeByOneRunOnlyAndASeriesEndsOnce() {
        Series series = new Series(world.sql, pg.vault());
        Instant first = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        PostSeries s = series.create(world.ws, world.ana.id(), Set.of(DayOfWeek.MONDAY), LocalTime.NOON, ZoneId.of("UTC"), null, null,
                List.of("weekly news"), Map.of(), first);
        UUID mine = world.posts.create(world.ws, world.ana.id(), "weekly news", List.of(), first, null, List.of(hook)).id();
        UUID theirs = world.posts.create(world.ws, world.ana.id(), "weekly news", List.of(), first, null, List.of(hook)).id();

        boolean made = world.sql.transaction(tx -> Series.advance(tx, s, mine, first, first.plus(7, ChronoUnit.DAYS)));
        boolean madeAgain = world.sql.transaction(tx -> Series.advance(tx, s, theirs, first, first.plus(7, ChronoUnit.DAYS)));
        assertTrue(made);
        assertFalse(madeAgain, "a second run made the same occurrence");
        assertEquals(1, series.find(world.ws, s.id()).orElseThrow().made());

        assertTrue(series.end(world.ws, s.id()));
        assertEquals(SeriesState.ENDED, series.find(world.ws, s.id()).orElseThrow().state());
        assertFalse(series.end(world.ws, s.id()), "a series ended twice");
    }

    @Test
    void aQueueCountsTheTimesItGainsAndSeesTheTimesAlreadyTaken() {
        QueueSlots slots = new QueueSlots(world.sql);
        assertEquals(2, slots.add(world.ws, hook.id(), Set.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), LocalTime.of(9, 0), ZoneId.of("UTC")));
        assertEquals(1, slots.add(world.ws, hook.id(), Set.of(DayOfWeek.TUESDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), ZoneId.of("UTC")),
                "a time the account already had was counted as new");

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant due = now.plus(2, ChronoUnit.HOURS);
        world.posts.create(world.ws, world.ana.id(), "queued", List.of(), due, null, List.of(hook));
        assertEquals(Set.of(due), slots.taken(world.ws, hook.id(), now));
        assertEquals(Set.of(), slots.taken(world.ws, hook.id(), due));
    }
}
