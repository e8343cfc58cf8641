package com.ailsocialautomation.command;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.TestClock;
import com.ailsocialautomation.testing.Units;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Queue times per account, filled by post queue:yes and the Add to queue button (issue 22.1). */
class QueueTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    // Monday 4 January 2027, 08:00 in Berlin
    static final TestClock clock = new TestClock(Instant.parse("2027-01-04T07:00:00Z"));
    static Units units;

    @BeforeAll
    static void start() {
        units = Units.over(pg).clock(clock).build();
    }

    @AfterAll
    static void stop() {
        units.close();
    }

    record Team(Invocation ana, Invocation bob, Invocation boss) {}

    private static Team team() {
        String ws = "G-" + UUID.randomUUID();
        return new Team(new Invocation(FrontEnd.DISCORD, ws, "U-ana", "Ana", false, BERLIN, null),
                new Invocation(FrontEnd.DISCORD, ws, "U-bob", "Bob", false, BERLIN, null),
                new Invocation(FrontEnd.DISCORD, ws, "U-boss", "Boss", true, ZoneId.of("UTC"), null));
    }

    private static String run(Invocation who, String line) {
        return units.commandLayer.commands.run(who, line).toPlainText();
    }

    private static String hook(Invocation who, String name) {
        String reply = run(who, "connect webhook http://127.0.0.1:9/hooks/" + name + " name:\"" + name + "\"");
        Matcher m = Pattern.compile("Connected webhook (a[a-z2-9]{4})").matcher(reply);
        assertTrue(m.find(), reply);
        return m.group(1);
    }

    private static String postId(String reply) {
        Matcher m = Pattern.compile("Post (p[a-z2-9]{4})").matcher(reply);
        assertTrue(m.find(), reply);
        return m.group(1);
    }

    /** Each target's due time, earliest first. */
    private static List<Instant> dues(String shortId) {
        return units.store.sql.list("""
                select t.due_at from post_targets t join posts p on p.id = t.post_id where p.short_id = ? order by t.due_at""",
                rs -> rs.getTimestamp(1).toInstant(), shortId);
    }

    private static Instant due(String shortId) {
        return units.store.sql.one("select t.due_at from post_targets t join posts p on p.id = t.post_id where p.short_id = ?",
                rs -> rs.getTimestamp(1).toInstant(), shortId).orElseThrow();
    }

    @Test
    void timesAreAddedListedAndRemovedByTheAccountsOwnerOrAnAdminOnly() {
        Team t = team();
        String a = hook(t.ana(), "blog");
        String added = run(t.ana(), "queue " + a + " add mon,wed,fri 09:30");
        assertTrue(added.contains("Mon, Wed, Fri 09:30 (Europe/Berlin)") && added.contains("Added"), added);
        assertTrue(added.contains("Mon 4 Jan 2027 09:30 CET") && added.contains("free"), added);
        assertTrue(run(t.bob(), "queue " + a + " add tue 10:00").startsWith("Only Ana or a workspace admin"));
        assertTrue(run(t.boss(), "queue " + a + " add weekdays 17:00").contains("Weekdays 17:00 (UTC)"));
        String removed = run(t.ana(), "queue " + a + " remove fri 09:30");
        assertTrue(removed.contains("Mon, Wed 09:30 (Europe/Berlin)") && removed.contains("Removed 1 time"), removed);
        assertTrue(run(t.ana(), "queue " + a + " remove fri 09:30").startsWith("The queue of"), "nothing left to remove");
        assertTrue(run(t.ana(), "queue " + a + " add someday 09:30").contains("'someday' is not a weekday"));
        assertTrue(run(t.ana(), "queue " + a + " add mon 25:00").contains("not a time of day"));
        assertTrue(run(t.ana(), "queue " + a + " add").contains("Usage: /ail queue"));
    }

    @Test
    void queueYesTakesTheNextFreeTimeAndCancellingAPostFreesIt() {
        Team t = team();
        String a = hook(t.ana(), "blog");
        run(t.ana(), "queue " + a + " add mon,wed 09:30");
        String first = run(t.ana(), "post queue:yes to:" + a + " First");
        assertTrue(first.contains("Mon 4 Jan 2027 09:30 CET"), first);
        String second = postId(run(t.bob(), "post queue:yes to:" + a + " Second"));
        assertEquals(Instant.parse("2027-01-06T08:30:00Z"), due(second));
        String overview = run(t.bob(), "queue");
        assertTrue(overview.contains("Mon 4 Jan 2027 09:30 CET (Europe/Berlin) · \"blog\"") && overview.contains("post " + postId(first)), overview);

        run(t.ana(), "cancel " + postId(first));
        String third = postId(run(t.ana(), "post queue:yes to:" + a + " Third"));
        assertEquals(Instant.parse("2027-01-04T08:30:00Z"), due(third), "the cancelled post's time is free again");
        assertEquals(Instant.parse("2027-01-11T08:30:00Z"), due(postId(run(t.ana(), "post queue:yes to:" + a + " Fourth"))));
    }

    @Test
    void eachAccountGetsItsOwnNextFreeTimeAndTheReplySaysWhenEachGoes() {
        Team t = team();
        String blog = hook(t.ana(), "blog");
        String news = hook(t.ana(), "news");
        run(t.ana(), "queue " + blog + " add mon 09:30");
        run(t.ana(), "queue " + news + " add tue 12:00");
        String reply = run(t.ana(), "post queue:yes to:" + blog + "," + news + " Both");
        assertTrue(reply.contains("Mon 4 Jan 2027 09:30 CET") && reply.contains("Tue 5 Jan 2027 12:00 CET"), reply);
        List<Instant> dues = dues(postId(reply));
        assertEquals(List.of(Instant.parse("2027-01-04T08:30:00Z"), Instant.parse("2027-01-05T11:00:00Z")), dues);

        String other = hook(t.ana(), "other");
        assertTrue(run(t.ana(), "post queue:yes to:" + other + " Nowhere").contains("has no queue times yet"));
    }

    @Test
    void twoPeopleQueueingAtOnceNeverTakeTheSameTime() throws Exception {
        Team t = team();
        String a = hook(t.ana(), "busy");
        run(t.ana(), "queue " + a + " add daily 09:00");
        run(t.ana(), "queue " + a + " add daily 15:00");
        int each = 6;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> replies = new ArrayList<>();
        for (int i = 0; i < each; i++) {
            for (Invocation who : List.of(t.ana(), t.bob())) {
                int n = i;
                replies.add(pool.submit(() -> {
                    go.await();
                    return run(who, "post queue:yes to:" + a + " From " + who.displayName() + " " + n);
                }));
            }
        }
        go.countDown();
        Set<Instant> times = new HashSet<>();
        for (Future<String> reply : replies) {
            times.add(due(postId(reply.get(60, TimeUnit.SECONDS))));
        }
        pool.shutdown();
        assertEquals(2 * each, times.size(), "every post has its own time: " + times);
    }

    @Test
    void aTimeTheClocksSkipMovesForwardByTheGap() {
        Team t = team();
        String a = hook(t.ana(), "night");
        run(t.ana(), "queue " + a + " add sun 02:30");
        Instant before = clock.instant();
        try {
            clock.set(Instant.parse("2027-03-27T12:00:00Z")); // Saturday; Berlin springs forward on Sunday 28 March
            String reply = run(t.ana(), "post queue:yes to:" + a + " Night owl");
            assertTrue(reply.contains("Sun 28 Mar 2027 03:30 CEST"), reply);
            assertEquals(Instant.parse("2027-03-28T01:30:00Z"), due(postId(reply)));
            String next = postId(run(t.ana(), "post queue:yes to:" + a + " Next week"));
            assertEquals(Instant.parse("2027-04-04T00:30:00Z"), due(next), "02:30 CEST a week later");
        } finally {
            clock.set(before);
        }
    }

    @Test
    void addToQueueOnAScheduledPostMovesItToTheNextFreeTime() {
        Team t = team();
        String a = hook(t.ana(), "blog");
        run(t.ana(), "queue " + a + " add wed 09:30");
        Reply scheduled = units.commandLayer.commands.run(t.ana(), "schedule at:\"tomorrow 18:00\" to:" + a + " Later");
        String id = postId(scheduled.text());
        assertTrue(scheduled.buttons().stream().anyMatch(b -> b.label().equals("Add to queue")
                && b.actionId().equals("enqueue:" + id)), scheduled.buttons().toString());
        assertTrue(units.commandLayer.commands.press(t.bob(), "enqueue:" + id).text().startsWith("Only Ana"));
        String moved = units.commandLayer.commands.press(t.ana(), "enqueue:" + id).toPlainText();
        assertTrue(moved.contains("Wed 6 Jan 2027 09:30 CET"), moved);
        assertEquals(Instant.parse("2027-01-06T08:30:00Z"), due(id));
        assertFalse(run(t.ana(), "list").contains("18:00"));
    }

    @Test
    void theOverviewIsWhatQueueAloneOrQueueListShowsAndRemovingSeveralTimesCountsThem() {
        Team t = team();
        String empty = run(t.ana(), "queue");
        assertTrue(empty.contains("No account has queue times yet"), "[" + empty + "]");
        String blog = hook(t.ana(), "blog");
        run(t.ana(), "queue " + blog + " add mon,wed 09:30");
        for (String line : List.of("queue", "queue list")) {
            String overview = run(t.ana(), line);
            assertTrue(overview.contains("Queue* for the next 7 days (your time zone, Europe/Berlin)")
                    && overview.contains("Mon 4 Jan 2027 09:30 CET (Europe/Berlin) · \"blog\"") && overview.contains(" · free"),
                    line + ": " + overview);
        }
        String removed = run(t.ana(), "queue " + blog + " remove mon,wed 09:30");
        assertTrue(removed.contains("Removed 2 times;"), removed);
    }

    @Test
    void addToQueueMovesEachAccountsTargetToItsOwnNextTimeAndRefusesAnAccountWithoutTimes() {
        Team t = team();
        String blog = hook(t.ana(), "blog");
        String news = hook(t.ana(), "news");
        run(t.ana(), "queue " + blog + " add wed 09:30");
        run(t.ana(), "queue " + news + " add thu 12:00");
        String id = postId(run(t.ana(), "schedule at:\"tomorrow 18:00\" to:" + blog + "," + news + " Both, later"));
        String moved = units.commandLayer.commands.press(t.ana(), "enqueue:" + id).toPlainText();
        assertTrue(moved.contains("Wed 6 Jan 2027 09:30 CET") && moved.contains("Thu 7 Jan 2027 12:00 CET"), moved);
        List<Instant> dues = dues(id);
        assertEquals(List.of(Instant.parse("2027-01-06T08:30:00Z"), Instant.parse("2027-01-07T11:00:00Z")), dues);

        String other = hook(t.ana(), "other");
        String single = postId(run(t.ana(), "schedule at:\"tomorrow 18:00\" to:" + other + " Nowhere to go"));
        String refused = units.commandLayer.commands.press(t.ana(), "enqueue:" + single).text();
        assertTrue(refused.contains("has no queue times yet"), refused);
        assertEquals(Instant.parse("2027-01-05T17:00:00Z"), due(single), "the post keeps its time");
    }
}
