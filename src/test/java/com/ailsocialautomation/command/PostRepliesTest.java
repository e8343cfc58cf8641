package com.ailsocialautomation.command;

import com.ailsocialautomation.media.MediaRig;
import com.ailsocialautomation.media.Pictures;
import com.ailsocialautomation.message.MediaInput;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the post commands answer, with the engine running: who sees a released draft, which accounts a retry names,
 * and that a post takes a file attached in a chat but not a path on AIL's machine.
 */
class PostRepliesTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    MediaRig rig;
    String hook;

    @BeforeEach
    void start() throws IOException {
        rig = new MediaRig(pg);
        hook = rig.connectWebhook(rig.ana);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private Reply run(Invocation who, String line) {
        return rig.units.commandLayer.commands.run(who, line);
    }

    private static String id(String reply, String kind) {
        Matcher m = Pattern.compile("(" + kind + "[a-z2-9]{4})").matcher(reply);
        assertTrue(m.find(), reply);
        return m.group(1);
    }

    @Test
    void aDraftScheduledWithPublicYesIsShownToTheChannelOtherwiseToItsAuthorOnly() {
        String loud = id(rig.run(rig.ana, "draft to:" + hook + " Launch news"), "Saved draft d").substring("Saved draft ".length());
        String quiet = id(rig.run(rig.ana, "draft to:" + hook + " Quiet news"), "Saved draft d").substring("Saved draft ".length());
        Reply announced = run(rig.ana, "schedule " + loud + " in:2h public:yes");
        assertTrue(announced.text().startsWith("Post " + loud + " · *Scheduled* for "), announced.text());
        assertFalse(announced.ephemeral());
        Reply own = run(rig.ana, "schedule " + quiet + " in:2h");
        assertTrue(own.text().startsWith("Post " + quiet + " · *Scheduled* for "), own.text());
        assertTrue(own.ephemeral());
    }

    @Test
    void aRetryNamesEachAccountItTriesAgain() throws InterruptedException {
        // a second webhook whose secret the receiver was never told: it answers 401, a permanent failure
        String refused = id(rig.run(rig.ana, "connect webhook " + rig.hook.url()), "Connected webhook a").substring("Connected webhook ".length());
        String post = id(rig.run(rig.ana, "post to:" + refused + " Signed wrongly"), "Post p").substring("Post ".length());
        assertTrue(eventually(Duration.ofSeconds(20), () -> rig.run(rig.ana, "show " + post).contains(": failed")),
                rig.run(rig.ana, "show " + post));
        String retried = rig.run(rig.ana, "retry " + post);
        assertTrue(retried.matches("Retrying post " + post + " on webhook \\S+ now\\."), retried);
    }

    @Test
    void aFileAttachedInAChatIsTakenAPathOnAilsMachineIsNot() throws IOException {
        String url = rig.serve("/poster", Pictures.png(12, 12, false));
        Reply fromChat = rig.units.commandLayer.commands.run(rig.ana, new ParsedCommand("schedule", List.of(),
                Map.of("to", List.of(hook), "in", List.of("2h")), "With a file",
                List.of(new MediaInput.ChatFile(url, null, "poster.png", "The poster"))));
        assertTrue(fromChat.text().startsWith("Post p"), fromChat.toPlainText());
        assertEquals(1, rig.count("media_items"));

        Path local = Files.createTempFile("ail-console-", ".png");
        try {
            Files.write(local, Pictures.png(10, 10, false));
            ParsedCommand withPath = new ParsedCommand("schedule", List.of(), Map.of("to", List.of(hook), "in", List.of("2h")),
                    "From disk", List.of(new MediaInput.LocalFile(local, "A local picture")));
            assertTrue(rig.units.commandLayer.commands.run(rig.ana, withPath).toPlainText().contains("error id"), "not from a chat");
            assertEquals(1, rig.count("media_items"));
        } finally {
            Files.delete(local);
        }
    }

    @Test
    void linksAndAttachedFilesCountTogetherAgainstTheLargestCarouselBeforeAnythingIsFetched() {
        int most = com.ailsocialautomation.platform.Platform.mostMedia();
        List<String> links = java.util.stream.IntStream.range(0, most).mapToObj(i -> rig.serve("/p" + i, Pictures.png(8, 8, false))).toList();
        Reply refused = rig.units.commandLayer.commands.run(rig.ana, new ParsedCommand("post", List.of(),
                Map.of("to", List.of(hook), "media", links), "Too many",
                List.of(new MediaInput.ChatFile(rig.serve("/extra", Pictures.png(8, 8, false)), null, "extra.png", null))));
        assertEquals("That is " + (most + 1) + " media links; no platform takes more than " + most + " in one post, so remove 1.",
                refused.text());
        assertEquals(0, rig.count("posts"));
    }
}
