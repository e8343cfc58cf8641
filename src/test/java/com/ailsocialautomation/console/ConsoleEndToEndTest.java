package com.ailsocialautomation.console;

import com.ailsocialautomation.testing.ServiceEnv;
import com.ailsocialautomation.MainRunner;
import com.ailsocialautomation.fakes.FakeWebhookReceiver;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole path a user can try locally: `java -jar ail.jar console` with a script piped in — connect a webhook,
 * post, schedule in 3 s, list, show, cancel — against a real database, the real engine and a loopback receiver.
 */
class ConsoleEndToEndTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PipedOutputStream typing;

    private String output() {
        synchronized (printed) {
            return printed.toString(StandardCharsets.UTF_8);
        }
    }

    private void type(String line) throws IOException {
        typing.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        typing.flush();
    }

    private void awaitOutput(String fragment) throws InterruptedException {
        assertTrue(eventually(Duration.ofSeconds(30), () -> output().contains(fragment)),
                "the console printed '" + fragment + "'; it printed:\n" + output());
    }

    @TempDir
    Path tmp;

    /** Runs `java -jar ail.jar console` on a piped standard input that {@link #type} writes to. */
    private CompletableFuture<Integer> startConsole() throws Exception {
        PipedInputStream stdin = new PipedInputStream(64 * 1024);
        typing = new PipedOutputStream(stdin);
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        Map<String, String> env = ServiceEnv.in(tmp.resolve("data")).with("AIL_POLL_INTERVAL_MS", "200")
                .with(Console.EXPORT_DIR, tmp.resolve("exports").toString()).vars();
        return CompletableFuture.supplyAsync(() -> MainRunner.run(new String[] {"console"}, env, stdin, out, out));
    }

    /** Connects the receiver by typing {@code command} and its URL, and tells it the secret the console showed once. */
    private void connectWebhook(String command, FakeWebhookReceiver hook) throws Exception {
        type(command + hook.url());
        awaitOutput("Signing secret (shown only now): ");
        Matcher secret = Pattern.compile("Signing secret \\(shown only now\\): (whsec_\\S+)").matcher(output());
        assertTrue(secret.find());
        hook.expectSecret(secret.group(1));
    }

    @Test
    void aScriptedSessionConnectsAWebhookPostsSchedulesListsShowsAndCancels() throws Exception {
        try (FakeWebhookReceiver hook = new FakeWebhookReceiver()) {
            CompletableFuture<Integer> exit = startConsole();

            connectWebhook("/ail connect webhook ", hook);

            type("post Hello from the console");
            awaitOutput("Publishing now");
            assertTrue(eventually(Duration.ofSeconds(20), () -> hook.accepted().size() == 1), "the post arrived");
            assertEquals("Hello from the console", hook.accepted().get(0).body().get("text").asText());

            type("schedule in:3s Three seconds later");
            awaitOutput("Scheduled");
            assertTrue(eventually(Duration.ofSeconds(20), () -> hook.accepted().size() == 2), "the scheduled post arrived");
            assertEquals("Three seconds later", hook.accepted().get(1).body().get("text").asText());

            type("schedule in:2h Not yet");
            awaitOutput("Not yet");
            Matcher id = Pattern.compile("Post (p[a-z2-9]{4}) · Scheduled[^\\n]*\\n\\nNot yet").matcher(output());
            assertTrue(id.find(), output());
            String later = id.group(1);
            awaitOutput("Type: cancel " + later); // the Cancel button, as a command

            type("list");
            awaitOutput("Upcoming posts");
            type("show " + later);
            awaitOutput("Post " + later + " by local: scheduled");
            type("");
            type("cancel " + later); // typed as shown
            awaitOutput("Cancelled post " + later + ".");
            type("show " + later);
            awaitOutput("Post " + later + " by local: cancelled");
            typing.close(); // EOF ends the console cleanly
            assertEquals(0, exit.get().intValue());
        }
        String all = output();
        assertTrue(all.contains("Upcoming posts") && all.contains(" → webhook "), all);
        assertEquals(1, countOf(all, "Connected webhook"), "one connection");
        assertEquals(0, countOf(all, "publishes and schedules posts"), "the empty line printed no help");
    }

    @Test
    void aLineEndingInABackslashGoesOnWithTheNextSoATextKeepsItsLineBreaks() throws Exception {
        try (FakeWebhookReceiver hook = new FakeWebhookReceiver()) {
            CompletableFuture<Integer> exit = startConsole();
            connectWebhook("connect webhook ", hook);
            type("post First line\\");
            type("\\");
            type("Third line, after an empty one");
            assertTrue(eventually(Duration.ofSeconds(20), () -> hook.accepted().size() == 1), "the post arrived: " + output());
            assertEquals("First line\n\nThird line, after an empty one", hook.accepted().get(0).body().get("text").asText());
            typing.close();
            assertEquals(0, exit.get().intValue());
        }
    }

    @Test
    void aDraftTypedAtTheConsoleWaitsUntilPostIsTypedWithItsId() throws Exception {
        try (FakeWebhookReceiver hook = new FakeWebhookReceiver()) {
            CompletableFuture<Integer> exit = startConsole();
            connectWebhook("connect webhook ", hook);
            type("draft Drafted at the console");
            awaitOutput("Saved draft d");
            Matcher id = Pattern.compile("Saved draft (d[a-z2-9]{4})").matcher(output());
            assertTrue(id.find(), output());
            type("list drafts");
            awaitOutput("Drafts (");
            assertEquals(0, hook.accepted().size(), "a draft is not published");
            type("post " + id.group(1));
            awaitOutput("Publishing now");
            assertTrue(eventually(Duration.ofSeconds(20), () -> hook.accepted().size() == 1), "the draft went out once posted");
            assertEquals("Drafted at the console", hook.accepted().get(0).body().get("text").asText());
            typing.close();
            assertEquals(0, exit.get().intValue());
        }
    }

    @Test
    void atTheEndOfAPipedScriptDuePostsAreWaitedForAndLaterOnesNamed() throws Exception {
        try (FakeWebhookReceiver hook = new FakeWebhookReceiver()) {
            CompletableFuture<Integer> exit = startConsole();
            connectWebhook("connect webhook ", hook);
            // the rest arrives at once, as from a file, and the input ends straight after
            type("post Right now\nschedule in:4s In four seconds\nschedule in:2h In two hours");
            typing.close();
            assertEquals(0, exit.get().intValue());
            assertEquals(List.of("Right now", "In four seconds"),
                    hook.accepted().stream().map(r -> r.body().get("text").asText()).toList(), output());
        }
        String all = output();
        assertTrue(all.contains("End of input: waiting up to 45 s for 2 posts due now"), all);
        assertEquals(2, countOf(all, ": published"), all);
        assertTrue(Pattern.compile("Still scheduled; AIL publishes these when it next runs \\(console or serve\\) "
                + "at or after their time: p[a-z2-9]{4} \\(").matcher(all).find(), all);
    }

    @Test
    void aLocalFileGivenWithMediaIsCopiedAtOnceAndDeliveredWithItsAltAfterTheFileIsGone() throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
        Path photo = tmp.resolve("my photo.png");
        javax.imageio.ImageIO.write(image, "png", photo.toFile());
        try (FakeWebhookReceiver hook = new FakeWebhookReceiver()) {
            CompletableFuture<Integer> exit = startConsole();
            connectWebhook("connect webhook ", hook);

            type("post media:\"" + photo + "\" alt:\"A black rectangle\" From my disk");
            awaitOutput("Publishing now");
            java.nio.file.Files.delete(photo); // the post goes out from AIL's copy
            assertTrue(eventually(Duration.ofSeconds(20), () -> hook.accepted().size() == 1), output());
            var item = hook.accepted().get(0).body().path("media_items").get(0);
            assertEquals("my photo.png", item.path("name").asText());
            assertEquals("image/png", item.path("type").asText());
            assertEquals("A black rectangle", item.path("alt").asText());
            assertTrue(item.path("url").isMissingNode() || item.path("url").isNull(), "a local path is never passed on: " + item);

            type("post media:./nowhere.png Hi");
            awaitOutput("media:./nowhere.png: there is no readable file at ");
            typing.close();
            assertEquals(0, exit.get().intValue());
        }
    }

    @Test
    void aCsvWithOneBadLineSchedulesNothingAGoodOneSchedulesAllAndAnExportImportsBack() throws Exception {
        Path bad = tmp.resolve("bad.csv");
        java.nio.file.Files.writeString(bad, "when,to,text,media,alt\n"
                + "tomorrow 09:00,webhook,\"Hello, world\nsecond line\",,\n"
                + "2020-01-01 09:00,webhook,Too late,,\n"
                + "tomorrow 10:00,,Plain,,\n");
        Path good = tmp.resolve("good.csv");
        java.nio.file.Files.writeString(good, "when,to,text,media,alt,options\n"
                + "tomorrow 09:00,webhook,\"Hello, world\nsecond line\",,,\"title:\"\"Spring launch\"\" tags:a,b text.webhook:\"\"=For the hook\"\"\"\n"
                + "tomorrow 10:00,,Plain,,,\n");
        try (FakeWebhookReceiver hook = new FakeWebhookReceiver()) {
            CompletableFuture<Integer> exit = startConsole();
            connectWebhook("connect webhook ", hook);

            type("import csv:\"" + bad + "\"");
            awaitOutput("Nothing was scheduled: 1 row of 3 cannot be scheduled.");
            awaitOutput("Line 4: ");
            type("list");
            awaitOutput("Nothing is scheduled.");

            type("import csv:" + good);
            awaitOutput("Scheduled 2 posts from the file.");
            type("list");
            awaitOutput("Upcoming posts");

            type("import partial:yes csv:" + bad);
            awaitOutput("Scheduled 2 posts from the file; 1 row could not be, and was left out.");

            type("export");
            awaitOutput("Here are 4 upcoming posts as CSV");
            awaitOutput("Saved ");
            Matcher saved = Pattern.compile("Saved (\\S+\\.csv) ").matcher(output());
            assertTrue(saved.find(), output());
            String exported = java.nio.file.Files.readString(Path.of(saved.group(1)));
            assertTrue(exported.startsWith("when,to,text,media,alt,options\r\n"), exported);
            assertEquals(2, countOf(exported, "\"Hello, world\nsecond line\""), exported);
            assertEquals(1, countOf(exported, ",\"title:\"\"Spring launch\"\" tags:a,b text.webhook:\"\"=For the hook\"\"\"\r\n"), "the options column: " + exported);

            type("import csv:" + saved.group(1));
            awaitOutput("Scheduled 4 posts from the file.");
            type("export");
            awaitOutput("Here are 8 upcoming posts as CSV");
            typing.close();
            assertEquals(0, exit.get().intValue());
        }
        assertEquals(0, countOf(output(), "Too late"), "the bad line was never scheduled: " + output());
    }

    private static int countOf(String text, String fragment) {
        return text.split(Pattern.quote(fragment), -1).length - 1;
    }
}
