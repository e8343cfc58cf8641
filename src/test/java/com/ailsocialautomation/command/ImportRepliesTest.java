package com.ailsocialautomation.command;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.MediaInput;
import com.ailsocialautomation.testing.MediaCopiesOnDisk;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.TestClock;
import com.ailsocialautomation.testing.Units;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * What an import answers, through the real command layer over a real database: each post scheduled, with its time in
 * the person's zone and its accounts, and each row left out, with its line; past {@link ImportCommands#NAMED} of
 * either, the rest are counted.
 */
class ImportRepliesTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    // Monday 4 January 2027, 08:00 in Berlin
    static final TestClock clock = new TestClock(Instant.parse("2027-01-04T07:00:00Z"));
    static Units units;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        units = Units.over(pg).clock(clock).build();
    }

    @AfterAll
    static void stop() {
        units.close();
    }

    /** The console's operator in a workspace of their own (only the console may hand over a file of this machine). */
    private static Invocation operator() {
        return new Invocation(FrontEnd.CONSOLE, "console-" + UUID.randomUUID(), "local", "local", true,
                ZoneId.of("Europe/Berlin"), "console");
    }

    private static String hook(Invocation who, String name) {
        String reply = units.commandLayer.commands.run(who, "connect webhook http://127.0.0.1:9/hooks/" + name
                + " name:\"" + name + "\"").toPlainText();
        Matcher m = Pattern.compile("Connected webhook (a[a-z2-9]{4})").matcher(reply);
        assertTrue(m.find(), reply);
        return m.group(1);
    }

    private static String importing(Invocation who, String csv, boolean partial) throws Exception {
        Path file = Files.writeString(tmp.resolve(UUID.randomUUID() + ".csv"), csv);
        ParsedCommand command = CommandParser.parse("import" + (partial ? " partial:yes" : ""));
        return units.commandLayer.commands.run(who, new ParsedCommand(command.name(), command.args(), command.options(),
                command.text(), List.of(new MediaInput.LocalFile(file, null)))).toPlainText();
    }

    private static String rows(int from, int to, String when) {
        StringBuilder rows = new StringBuilder();
        for (int i = from; i <= to; i++) {
            rows.append(when).append(",,Post number ").append(i).append(",,\n");
        }
        return rows.toString();
    }

    @Test
    void eachPostScheduledIsNamedWithItsTimeInThePersonsZoneAndItsAccounts() throws Exception {
        Invocation ana = operator();
        String blog = hook(ana, "blog");
        String news = hook(ana, "news");
        String reply = importing(ana, "when,to,text,media,alt\n"
                + "tomorrow 09:00,\"" + blog + "," + news + "\",Doors open,,\n"
                + "2027-01-06 18:30," + blog + ",Thank you all,,\n", false);
        String[] lines = reply.split("\n");
        assertEquals("Scheduled 2 posts from the file. /ail list shows what is waiting.", lines[0], reply);
        assertEquals(3, lines.length, "a line for each post, nothing counted: " + reply);
        // a webhook account's label is its address, shortened
        Matcher first = Pattern.compile("`p[a-z2-9]{4}` Tue 5 Jan 2027 09:00 CET \\(Europe/Berlin\\) → (Webhook 127\\.0\\.0\\.1/…\\w{4}), "
                + "(Webhook 127\\.0\\.0\\.1/…\\w{4})").matcher(lines[1]);
        assertTrue(first.matches() && !first.group(1).equals(first.group(2)), reply);
        String second = lines[2].substring(0, 8) + "Wed 6 Jan 2027 18:30 CET (Europe/Berlin) → ";
        assertTrue(lines[2].equals(second + first.group(1)) || lines[2].equals(second + first.group(2)), reply);
    }

    @Test
    void twentyPostsAreAllNamedAndNothingIsCounted() throws Exception {
        Invocation ana = operator();
        hook(ana, "blog");
        String reply = importing(ana, "when,to,text,media,alt\n" + rows(1, ImportCommands.NAMED, "tomorrow 09:00"), false);
        List<String> lines = List.of(reply.split("\n"));
        assertEquals(ImportCommands.NAMED + 1, lines.size(), reply);
        assertTrue(lines.get(ImportCommands.NAMED).startsWith("`p"), reply);
    }

    @Test
    void pastTwentyPostsOrRowsLeftOutTheRestAreCounted() throws Exception {
        Invocation ana = operator();
        hook(ana, "blog");
        String reply = importing(ana, "when,to,text,media,alt\n" + rows(1, ImportCommands.NAMED, "2020-01-01 09:00")
                + rows(ImportCommands.NAMED + 1, 2 * ImportCommands.NAMED + 1, "tomorrow 09:00"), true);
        List<String> lines = List.of(reply.split("\n"));
        assertEquals("Scheduled 21 posts from the file; 20 rows could not be, and were left out. /ail list shows what is "
                + "waiting.", lines.get(0), reply);
        assertEquals(ImportCommands.NAMED, lines.stream().filter(l -> l.startsWith("`p")).count(), reply);
        assertEquals("…and 1 more post", lines.get(ImportCommands.NAMED + 1), reply);
        assertEquals("Left out:", lines.get(ImportCommands.NAMED + 2), reply);
        assertTrue(lines.get(ImportCommands.NAMED + 3).startsWith("Line 2: "), reply);
        assertTrue(lines.get(lines.size() - 1).startsWith("Line 21: "), "twenty rows left out are all named: " + reply);

        String refused = importing(ana, "when,to,text,media,alt\n" + rows(1, ImportCommands.NAMED + 1, "2020-01-01 09:00"), false);
        lines = List.of(refused.split("\n"));
        assertEquals("Nothing was scheduled: 21 rows of 21 cannot be scheduled. Fix them and import the file again.",
                lines.get(0), refused);
        assertTrue(lines.get(ImportCommands.NAMED).startsWith("Line 21: "), refused);
        assertEquals("…and 1 more row", lines.get(lines.size() - 1), refused);
    }

    /** A file longer than {@link ImportCommands#PROGRESS_EVERY} lines says how far the check got, at each multiple of it. */
    @Test
    void onlyALongFileSaysHowFarItGotWhereTheCommandWasTyped() throws Exception {
        Invocation ana = operator();
        hook(ana, "blog");
        importing(ana, "when,to,text,media,alt\n" + rows(1, ImportCommands.PROGRESS_EVERY, "2020-01-01 09:00"), false);
        assertEquals(List.of(), progress(ana), "a file of fifty lines is answered at once");
        importing(ana, "when,to,text,media,alt\n" + rows(1, ImportCommands.PROGRESS_EVERY + 1, "2020-01-01 09:00"), false);
        assertEquals(List.of("0", "50"), progress(ana));
    }

    /** How many lines each progress message queued for the command's reply counts, in order. */
    private static List<String> progress(Invocation who) {
        return units.store.sql.list("select n.event_key from notifications n join workspaces w on w.id = n.workspace_id "
                        + "where w.external_id = ? and n.event_key like 'import:%' and n.origin = ? order by n.created_at, n.event_key",
                rs -> rs.getString(1).substring(rs.getString(1).lastIndexOf(':') + 1), who.workspaceId(), who.origin());
    }

    @Test
    void theMediaCopiedToCheckAFileAreDeletedWhenNothingIsScheduled() throws Exception {
        Invocation ana = operator();
        String blog = hook(ana, "blog");
        byte[] picture = com.ailsocialautomation.media.Pictures.png(23, 19, true);
        HttpServer files = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        files.createContext("/poster", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, picture.length);
                exchange.getResponseBody().write(picture);
            }
        });
        files.start();
        try {
            List<Path> before = MediaCopiesOnDisk.all();
            String reply = importing(ana, "when,to,text,media,alt\n"
                    + "tomorrow 09:00," + blog + ",With a poster,http://127.0.0.1:" + files.getAddress().getPort() + "/poster,A poster\n"
                    + "2020-01-01 09:00," + blog + ",Too late,,\n", false);
            assertTrue(reply.startsWith("Nothing was scheduled: 1 row of 2 cannot be scheduled."), reply);
            for (Path dir : MediaCopiesOnDisk.all()) { // other tests may copy media meanwhile: look for this picture only
                if (!before.contains(dir)) {
                    assertFalse(MediaCopiesOnDisk.holds(dir, picture), "a copy of a refused import's media was left in " + dir);
                }
            }
        } finally {
            files.stop(0);
        }
    }

}
