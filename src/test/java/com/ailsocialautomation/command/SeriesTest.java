package com.ailsocialautomation.command;

import com.ailsocialautomation.fakes.FakeWebhookReceiver;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.AccountStatus;
import com.ailsocialautomation.testing.Eventually;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.TestClock;
import com.ailsocialautomation.testing.Units;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recurring and evergreen posts (issue 22.2): each a series of ordinary posts, made one at a time. */
class SeriesTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    // Sunday 21 March 2027, 13:00 in Berlin; the clocks go forward on Sunday 28 March
    static final Instant START = Instant.parse("2027-03-21T12:00:00Z");
    static final TestClock clock = new TestClock(START);
    static Units units;

    @BeforeAll
    static void start() {
        units = Units.over(pg).clock(clock).build();
    }

    @AfterAll
    static void stop() {
        units.close();
    }

    @BeforeEach
    void rewind() {
        clock.set(START);
        // only the series a test makes: no earlier test's series is due in its runs
        units.store.sql.update("update post_series set state = 'cancelled' where state = 'active'");
    }

    record Team(Invocation ana, Invocation bob, String hook) {}

    private static Team team() {
        String ws = "G-" + UUID.randomUUID();
        Invocation ana = new Invocation(FrontEnd.DISCORD, ws, "U-ana", "Ana", false, BERLIN, null);
        String reply = run(ana, "connect webhook http://127.0.0.1:9/hooks/s");
        Matcher m = Pattern.compile("Connected webhook (a[a-z2-9]{4})").matcher(reply);
        assertTrue(m.find(), reply);
        return new Team(ana, new Invocation(FrontEnd.DISCORD, ws, "U-bob", "Bob", false, BERLIN, null), m.group(1));
    }

    private static String run(Invocation who, String line) {
        return units.commandLayer.commands.run(who, line).toPlainText();
    }

    private static String id(String reply, char kind) {
        Matcher m = Pattern.compile("(?:Series|post|Post):? (" + kind + "[a-z2-9]{4})").matcher(reply);
        assertTrue(m.find(), reply);
        return m.group(1);
    }

    record Made(String shortId, String text, Instant due, String state) {}

    /** The series' posts, oldest first. */
    private static List<Made> posts(String series) {
        return units.store.sql.list("""
                select p.short_id, p.text, t.due_at, t.state from posts p join post_targets t on t.post_id = p.id
                join post_series s on s.id = p.series_id where s.short_id = ? order by t.due_at""",
                rs -> new Made(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)), series);
    }

    private static String state(String series) {
        return units.store.sql.one("select state from post_series where short_id = ?", rs -> rs.getString(1), series).orElseThrow();
    }

    /** Time passes until just after {@code at}, and the engine's series job runs. */
    private static int runAt(Instant at) {
        clock.set(at.plusSeconds(30));
        return units.commandLayer.occurrences.makeDue();
    }

    @Test
    void aWeeklySeriesKeepsNineOClockLocalAcrossTheSpringChange() {
        Team t = team();
        String reply = run(t.ana(), "schedule every:\"monday 09:00\" to:" + t.hook() + " Weekly update");
        assertTrue(reply.contains("Every* Mon 09:00 (Europe/Berlin)") && reply.contains("Mon 22 Mar 2027 09:00 CET"), reply);
        String series = id(reply, 's');
        assertEquals(List.of(Instant.parse("2027-03-22T08:00:00Z")), posts(series).stream().map(Made::due).toList());
        assertEquals(0, runAt(START), "one post waits at a time");

        assertEquals(1, runAt(Instant.parse("2027-03-22T08:00:00Z")));
        List<Made> made = posts(series);
        assertEquals(Instant.parse("2027-03-29T07:00:00Z"), made.get(1).due(), "09:00 CEST, one hour earlier in UTC");
        assertEquals("scheduled", made.get(1).state());
        assertEquals("Weekly update", made.get(1).text());
        String shown = run(t.bob(), "show " + series);
        assertTrue(shown.contains("every Mon 09:00 (Europe/Berlin) · active") && shown.contains("Mon 29 Mar 2027 09:00 CEST")
                && shown.contains("scheduled") && shown.contains("Posts made (2, latest first)"), shown);
        String list = run(t.bob(), "list");
        assertTrue(list.contains(series + " · every Mon 09:00 (Europe/Berlin) · next Mon 5 Apr 2027 09:00 CEST"), list);
    }

    @Test
    void timesAndUntilEndASeries() {
        Team t = team();
        String twice = id(run(t.ana(), "schedule every:\"daily 10:00\" times:2 to:" + t.hook() + " Twice"), 's');
        assertEquals(1, runAt(posts(twice).get(0).due()));
        assertEquals("ended", state(twice));
        assertEquals(0, runAt(posts(twice).get(1).due()));
        assertEquals(2, posts(twice).size());

        clock.set(START);
        String until = id(run(t.ana(), "schedule every:\"mon,thu 12:00\" until:2027-03-25 to:" + t.hook() + " Until Thursday"), 's');
        assertEquals(1, runAt(posts(until).get(0).due()));
        assertEquals(List.of(Instant.parse("2027-03-22T11:00:00Z"), Instant.parse("2027-03-25T11:00:00Z")),
                posts(until).stream().map(Made::due).toList());
        assertEquals("ended", state(until), "Monday 29 March is after until:");
        assertTrue(run(t.ana(), "schedule every:\"mon 12:00\" until:2027-03-21 to:" + t.hook() + " Never").contains("until: is before the first time"));
        assertTrue(run(t.ana(), "schedule every:\"mon 12:00\" times:0 to:" + t.hook() + " Never").contains("whole number from 1"));
    }

    @Test
    void cancellingASeriesCancelsItsWaitingPostAndStopsTheNext() {
        Team t = team();
        String series = id(run(t.ana(), "schedule every:\"monday 09:00\" to:" + t.hook() + " Weekly"), 's');
        assertTrue(run(t.bob(), "cancel " + series).startsWith("Only its author or a workspace admin"));
        String reply = run(t.ana(), "cancel " + series);
        assertTrue(reply.startsWith("Cancelled series " + series + " and its next post"), reply);
        assertEquals("cancelled", posts(series).get(0).state());
        assertEquals(0, runAt(Instant.parse("2027-03-22T08:00:00Z")));
        assertEquals(1, posts(series).size());
        assertFalse(run(t.ana(), "list").contains(series));
        assertTrue(run(t.ana(), "cancel " + series).contains("nothing left to cancel"));
    }

    @Test
    void editingASeriesChangesItsWaitingPostAndTheNextOnes() {
        Team t = team();
        String series = id(run(t.ana(), "schedule every:\"monday 09:00\" to:" + t.hook() + " Old text"), 's');
        String reply = run(t.ana(), "edit " + series + " New text");
        assertTrue(reply.contains("will post the new text"), reply);
        assertEquals("New text", posts(series).get(0).text());
        runAt(Instant.parse("2027-03-22T08:00:00Z"));
        assertEquals("New text", posts(series).get(1).text());
        String refused = run(t.ana(), "edit " + series + " privacy:public Newer text");
        assertTrue(refused.contains("privacy:") && !refused.contains("will post"), refused);
        assertEquals("New text", posts(series).get(1).text(), "a refused edit changes nothing");
    }

    @Test
    void anEvergreenSeriesUsesItsTextsInTurn() {
        Team t = team();
        String reply = run(t.ana(), "schedule every:\"daily 08:00\" from:\"Tip A === Tip B === Tip C\" to:" + t.hook());
        String series = id(reply, 's');
        assertTrue(reply.contains("3 texts, used in turn"), reply);
        for (int i = 0; i < 3; i++) {
            runAt(posts(series).get(i).due());
        }
        assertEquals(List.of("Tip A", "Tip B", "Tip C", "Tip A"), posts(series).stream().map(Made::text).toList());
        assertTrue(run(t.ana(), "schedule every:\"daily 08:00\" from:\"A === B\" to:" + t.hook() + " And text").contains("not both"));
        assertTrue(run(t.ana(), "schedule at:\"tomorrow 9:00\" times:3 to:" + t.hook() + " Hi").contains("belongs to a series"));
    }

    @Test
    void aSeriesWhoseAccountIsGoneEndsAndTellsItsAuthor() {
        Team t = team();
        String series = id(run(t.ana(), "schedule every:\"monday 09:00\" to:" + t.hook() + " Weekly"), 's');
        assertTrue(run(t.ana(), "disconnect " + t.hook()).contains("Disconnected"), "the account goes");
        assertEquals(0, runAt(Instant.parse("2027-03-22T08:00:00Z")));
        assertEquals("ended", state(series));
        UUID ws = units.commandLayer.commands.caller(t.ana()).workspaceId();
        UUID ana = units.commandLayer.commands.caller(t.ana()).user().id();
        assertTrue(units.store.outbox.of(ws, ana).stream().anyMatch(n -> n.kind().startsWith("series-ended")),
                units.store.outbox.of(ws, ana).toString());
    }

    @Test
    void aSeriesIsInMyDataAndGoesWithItsAuthor() {
        Team t = team();
        String series = id(run(t.ana(), "schedule every:\"daily 08:00\" from:\"Secret tip === Other tip\" to:" + t.hook()), 's');
        Reply data = units.commandLayer.commands.run(t.ana(), "my-data");
        String json = new String(data.file().content(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(json.contains("\"" + series + "\"") && json.contains("Secret tip") && json.contains("Europe/Berlin"), json);
        byte[] stored = units.store.sql.one("select texts_enc from post_series where short_id = ?", rs -> rs.getBytes(1), series).orElseThrow();
        assertFalse(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1).contains("Secret tip"), "the texts are encrypted");

        Reply ask = units.commandLayer.commands.run(t.ana(), "forget-me");
        Reply done = units.commandLayer.commands.press(t.ana(), ask.buttons().stream()
                .filter(b -> b.style() == Reply.Button.Style.DANGER).findFirst().orElseThrow().actionId());
        assertTrue(done.text().toLowerCase().contains("erased"), done.text());
        assertEquals(0, units.store.sql.one("select count(*) from post_series where short_id = ?", rs -> rs.getInt(1), series).orElseThrow());
    }

    @Test
    void aSeriesRepeatingOneTextToXIsCreatedWithAWarning() {
        Team t = team();
        var caller = units.commandLayer.commands.caller(t.ana());
        Account x = units.store.accounts.connect(caller.workspaceId(), caller.user().id(), new com.ailsocialautomation.store.NewAccount(
                PlatformId.X, "x-" + UUID.randomUUID(), "ana_x", "Ana", null, null, "tweet.write", null),
                new com.ailsocialautomation.store.StoredTokens(com.ailsocialautomation.config.Secret.of("token"), null,
                        START.plus(Duration.ofDays(30)), null, null));
        String reply = run(t.ana(), "schedule every:\"friday 17:00\" to:" + x.shortId() + " Have a good weekend!");
        assertTrue(reply.contains("Series s") && reply.contains("Warning") && reply.contains("X refuses a text it has already published"),
                reply);
        String varied = run(t.ana(), "schedule every:\"friday 17:00\" from:\"Good weekend! === Enjoy the weekend! === See you Monday!\" to:"
                + x.shortId());
        assertTrue(varied.contains("each comes back every 3 posts"), varied);
    }

    @Test
    void platformsThatRefuseARepeatedTextAreWarnedAboutAtCreation() {
        Account x = new Account(UUID.randomUUID(), UUID.randomUUID(), "axxxx", PlatformId.X, "1", "@ana", null, null, null,
                null, null, null, AccountStatus.ACTIVE, null, null, null);
        Account mastodon = new Account(UUID.randomUUID(), UUID.randomUUID(), "ammmm", PlatformId.MASTODON, "2", "@ana@m.social",
                null, null, null, null, null, null, AccountStatus.ACTIVE, null, null, null);
        String once = SeriesInput.repeatWarning(List.of(x, mastodon), 1);
        assertTrue(once.startsWith("X refuses a text it has already published, so this series would fail there from its second post on"), once);
        assertTrue(SeriesInput.repeatWarning(List.of(x), 4).contains("each comes back every 4 posts"));
        assertNull(SeriesInput.repeatWarning(List.of(mastodon), 1));
    }

    @Test
    void eachPostOfASeriesIsAnOrdinaryPostTheEnginePublishes() throws Exception {
        try (FakeWebhookReceiver hook = new FakeWebhookReceiver();
             Units live = Units.over(pg).build()) {
            Invocation ana = new Invocation(FrontEnd.DISCORD, "G-" + UUID.randomUUID(), "U-ana", "Ana", false, ZoneOffset.UTC, null);
            Reply connected = live.commandLayer.commands.run(ana, "connect webhook " + hook.url());
            Matcher secret = Pattern.compile("Signing secret \\(shown only now\\)\\W+(\\S+)").matcher(connected.toPlainText());
            Matcher account = Pattern.compile("Connected webhook (a[a-z2-9]{4})").matcher(connected.toPlainText());
            assertTrue(account.find(), connected.toPlainText());
            if (secret.find()) {
                hook.expectSecret(secret.group(1).replaceAll("[`*]", ""));
            }
            ZonedDateTime soon = ZonedDateTime.now(ZoneOffset.UTC).plusHours(2);
            String reply = live.commandLayer.commands.run(ana, "schedule every:\"daily " + String.format("%02d:%02d", soon.getHour(),
                    soon.getMinute()) + "\" to:" + account.group(1) + " Daily hello").toPlainText();
            String post = id(reply, 'p');
            live.startEngine();
            assertTrue(live.commandLayer.commands.run(ana, "reschedule " + post + " at:now").toPlainText().contains("will be published"));
            assertTrue(Eventually.eventually(Duration.ofSeconds(20), () -> !hook.accepted().isEmpty()), "the occurrence was published");
            assertEquals("Daily hello", hook.accepted().get(0).body().path("text").asText(), hook.accepted().get(0).body().toString());
            assertTrue(Eventually.eventually(Duration.ofSeconds(10),
                    () -> live.commandLayer.commands.run(ana, "show " + post).toPlainText().contains("published")));
        }
    }
}
