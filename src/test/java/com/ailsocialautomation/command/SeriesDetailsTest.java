package com.ailsocialautomation.command;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.TestClock;
import com.ailsocialautomation.testing.Units;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a series' author and team see of it: the reply that made it, its show and list lines, and an edit of its
 * options alone (the texts stay, the waiting post takes the option and keeps the text that was its turn).
 */
class SeriesDetailsTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Instant START = Instant.parse("2027-03-21T12:00:00Z"); // Sunday 13:00 in Berlin
    static final TestClock clock = new TestClock(START);
    static Units units;

    Invocation ana;
    Invocation bob;
    String hook;

    @BeforeAll
    static void start() {
        units = Units.over(pg).clock(clock).build();
    }

    @AfterAll
    static void stop() {
        units.close();
    }

    @BeforeEach
    void team() {
        clock.set(START);
        // only the series a test makes: no earlier test's series is due when one runs the series job
        units.store.sql.update("update post_series set state = 'cancelled' where state = 'active'");
        String ws = "G-" + UUID.randomUUID();
        ana = new Invocation(FrontEnd.DISCORD, ws, "U-ana", "Ana", false, BERLIN, null);
        bob = new Invocation(FrontEnd.DISCORD, ws, "U-bob", "Bob", false, BERLIN, null);
        Matcher m = Pattern.compile("Connected webhook (a[a-z2-9]{4})").matcher(run(ana, "connect webhook http://127.0.0.1:9/hooks/s").toPlainText());
        assertTrue(m.find());
        hook = m.group(1);
    }

    private static Reply run(Invocation who, String line) {
        return units.commandLayer.commands.run(who, line);
    }

    private static String id(Reply reply, char kind) {
        Matcher m = Pattern.compile("(?:Series|post|Post):? (" + kind + "[a-z2-9]{4})").matcher(reply.toPlainText());
        assertTrue(m.find(), reply.toPlainText());
        return m.group(1);
    }

    private static String field(Reply reply, String label) {
        return reply.fields().stream().filter(f -> f.label().startsWith(label)).map(Reply.Field::value).findFirst()
                .orElseThrow(() -> new AssertionError("no field " + label + " in " + reply.toPlainText()));
    }

    private static List<String> pendingTexts(String series) {
        return units.store.sql.list("""
                select p.short_id from posts p join post_series s on s.id = p.series_id join post_targets t on t.post_id = p.id
                where s.short_id = ? and t.state = 'scheduled' order by t.due_at""", rs -> rs.getString(1), series);
    }

    @Test
    void theReplyNamesHowTheSeriesEndsAndPublicYesShowsItToTheChannel() {
        Reply announced = run(ana, "schedule every:\"monday 09:00\" times:3 until:2027-06-01 public:yes to:" + hook + " Weekly");
        assertTrue(announced.text().startsWith("Series s") && announced.text().contains("*Every* Mon 09:00 (Europe/Berlin), 3 times, until "),
                announced.text());
        assertFalse(announced.ephemeral(), "public:yes: the channel sees the new series");
        Reply quiet = run(ana, "schedule every:\"tuesday 09:00\" to:" + hook + " Weekly too");
        assertTrue(quiet.ephemeral(), "without public:yes only its author sees the reply");
        assertTrue(quiet.text().contains("*Every* Tue 09:00 (Europe/Berlin)\n"), "no ending named when it has none: " + quiet.text());
    }

    @Test
    void showOffersCancelOnlyToWhoMayChangeAnActiveSeriesAndSaysWhenNothingIsNext() {
        String series = id(run(ana, "schedule every:\"monday 09:00\" to:" + hook + " Weekly"), 's');
        Reply own = run(ana, "show " + series);
        assertEquals("Mon 29 Mar 2027 09:00 CEST (Europe/Berlin)", field(own, "Next"), "the 22nd's post is already made");
        assertEquals(List.of("cancel:" + series), own.buttons().stream().map(Reply.Button::actionId).toList());
        assertTrue(run(bob, "show " + series).buttons().isEmpty(), "Bob may look but not cancel");
        run(ana, "cancel " + series);
        Reply cancelled = run(ana, "show " + series);
        assertTrue(cancelled.buttons().isEmpty(), cancelled.toPlainText());
        assertEquals("none", field(cancelled, "Next"));
    }

    @Test
    void editingOnlyAnOptionKeepsTheTextsAndTheWaitingPostKeepsItsTurnsText() {
        String series = id(run(ana, "schedule every:\"daily 08:00\" from:\"Tip A === Tip B === Tip C\" to:" + hook), 's');
        Reply edited = run(ana, "edit " + series + " title:\"Daily tip\"");
        assertTrue(edited.text().contains("will post 3 texts in turn from now on, starting with post p"), edited.text());
        String waiting = pendingTexts(series).get(0);
        String shown = run(ana, "show " + waiting).toPlainText();
        assertTrue(shown.contains("Tip A") && !shown.contains("Tip C"), "the first post keeps the first text: " + shown);
        assertTrue(shown.contains("Daily tip"), "and takes the new title: " + shown);
        Reply series2 = run(ana, "show " + series);
        assertEquals("3 texts, used in turn", field(series2, "Texts"));

        Instant due = units.store.sql.one("select scheduled_at from posts where short_id = ?", rs -> rs.getTimestamp(1).toInstant(),
                waiting).orElseThrow();
        clock.set(due.plusSeconds(30));
        assertEquals(1, units.commandLayer.occurrences.makeDue());
        String next = run(ana, "show " + pendingTexts(series).get(pendingTexts(series).size() - 1)).toPlainText();
        assertTrue(next.contains("Tip B") && next.contains("Daily tip"), "the series itself kept the new option: " + next);
    }

    @Test
    void listAndListUpcomingNameTheActiveSeriesOtherListsDoNot() {
        String evergreen = id(run(ana, "schedule every:\"daily 08:00\" from:\"A === B\" to:" + hook), 's');
        String weekly = id(run(ana, "schedule every:\"monday 09:00\" to:" + hook + " Weekly"), 's');
        for (String list : List.of("list", "list upcoming")) {
            String lines = field(run(ana, list), "Series");
            assertTrue(lines.contains(evergreen + " · every Daily 08:00 (Europe/Berlin) · next Tue 23 Mar 2027 08:00 CET (Europe/Berlin) · 2 texts"), lines);
            assertTrue(lines.lines().anyMatch(l -> l.equals(weekly + " · every Mon 09:00 (Europe/Berlin) · next Mon 29 Mar 2027 09:00 CEST (Europe/Berlin)")),
                    "one text: no count named: " + lines);
        }
        assertFalse(run(ana, "list failed").toPlainText().contains(evergreen));
    }
}
