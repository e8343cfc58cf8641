package com.ailsocialautomation.media;

import com.ailsocialautomation.fakes.FakeWebhookReceiver;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.Target;
import com.ailsocialautomation.store.TargetState;
import com.ailsocialautomation.testing.PostgresExtension;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Media are copied once, when the command is accepted, and every later publish reads AIL's copy. */
class MediaCopyTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    MediaRig rig;

    @BeforeEach
    void start() throws IOException {
        rig = new MediaRig(pg);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private Post post(String shortId) {
        return rig.units.store.posts.find(rig.workspace(rig.ana), shortId).orElseThrow();
    }

    private Target target(String shortId, String platform) {
        return post(shortId).targets().stream().filter(t -> t.platform().id().equals(platform)).findFirst().orElseThrow();
    }

    private boolean settled(String shortId, String platform) {
        TargetState state = target(shortId, platform).state();
        return state != TargetState.SCHEDULED && state != TargetState.PUBLISHING;
    }

    @Test
    void aPictureWhoseLinkDiesRightAfterAcceptanceIsStillPublishedAndRetriedFromAilsCopy() throws Exception {
        byte[] png = Pictures.png(40, 30, false);
        String link = rig.serve("/photo", png); // no extension: the bytes say what it is
        rig.connectMastodon(rig.ana);
        rig.connectWebhook(rig.ana);
        rig.hook.failNext(1, 422, null); // the receiver refuses the first delivery: the webhook target fails

        String id = MediaRig.postId(rig.run(rig.ana, "post to:mastodon,webhook media:" + link + " A red square"));
        rig.files.stop(0); // the source is gone from the moment the command was accepted
        assertTrue(eventually(Duration.ofSeconds(20), () -> settled(id, "mastodon") && settled(id, "webhook")));
        assertEquals(TargetState.PUBLISHED, target(id, "mastodon").state());
        assertEquals(TargetState.FAILED, target(id, "webhook").state());
        assertEquals(1, rig.fetches.get(), "fetched once, when the command was accepted");
        List<byte[]> uploads = rig.mastodon.received("POST", "/api/v2/media").stream().map(r -> r.body()).toList();
        assertEquals(1, uploads.size());
        assertTrue(new String(uploads.get(0), StandardCharsets.ISO_8859_1).contains("\u0089PNG"), "the picture reached Mastodon");

        assertTrue(rig.run(rig.ana, "retry " + id).startsWith("Retrying post " + id));
        assertTrue(eventually(Duration.ofSeconds(20), () -> target(id, "webhook").state() == TargetState.PUBLISHED),
                () -> post(id).targets().toString());
        JsonNode delivered = rig.hook.accepted().get(0).body();
        JsonNode item = delivered.path("media_items").get(0);
        assertEquals("photo", item.path("name").asText());
        assertEquals("image/png", item.path("type").asText());
        assertEquals(post(id).mediaCount(), 1);
        assertEquals(rig.units.store.media.of(post(id).workspaceId(), post(id).id()).get(0).size(), item.path("size").asLong());
        assertEquals(link, item.path("url").asText(), "a public link is passed on");
        assertTrue(item.path("alt").isNull());
        assertEquals(List.of(link), List.of(delivered.path("media").get(0).asText()), "the deprecated list of links stays");
        assertEquals(1, rig.fetches.get());
        String shown = rig.run(rig.ana, "show " + id);
        assertTrue(shown.contains("photo (PNG, "), shown);
    }

    @Test
    void aScheduledPostWhoseSourceIsGoneCanStillBeEditedAndRescheduledAndGoesOutWithItsPicture() throws Exception {
        rig.connectWebhook(rig.ana);
        String link = rig.serve("/later", Pictures.png(20, 20, false));
        String id = MediaRig.postId(rig.run(rig.ana, "schedule in:2h to:webhook media:" + link + " First words"));
        rig.files.stop(0);
        assertTrue(rig.run(rig.ana, "edit " + id + " Better words").contains("now reads: Better words"));
        assertTrue(rig.run(rig.ana, "reschedule " + id + " in:1s").contains("will be published"));
        assertTrue(eventually(Duration.ofSeconds(20), () -> target(id, "webhook").state() == TargetState.PUBLISHED),
                () -> post(id).targets().toString());
        JsonNode delivered = rig.hook.accepted().get(0).body();
        assertEquals("Better words", delivered.path("text").asText());
        assertEquals("later", delivered.path("media_items").get(0).path("name").asText());
        assertEquals(1, rig.fetches.get());
    }

    @Test
    void aTargetThatCannotTakeTheMediaNamesWhyAndNothingIsKept() throws Exception {
        rig.connectMastodon(rig.ana);
        rig.connectWebhook(rig.ana);
        List<Path> before = tempCopies();
        String link = rig.serve("/clip", "not a picture at all, just words".repeat(100).getBytes(StandardCharsets.UTF_8));
        String refused = rig.run(rig.ana, "post to:mastodon,webhook media:" + link + " hello");
        assertFalse(refused.contains("Post p"), refused);
        String missing = rig.run(rig.ana, "post to:webhook media:" + rig.serve("/ok", Pictures.png(8, 8, false))
                + " media:http://127.0.0.1:" + rig.files.getAddress().getPort() + "/nothing-here hi");
        assertTrue(missing.contains("HTTP 404"), missing);
        assertEquals(0, rig.count("posts"), "no post");
        assertEquals(0, rig.count("media_items"), "no item");
        assertEquals(0, rig.count("media_chunks"), "no orphan chunk");
        assertEquals(before, tempCopies(), "no temporary copy is left behind");
    }

    @Test
    void aChatFileSendsItsTokenOnlyToItsOwnHostAndAnAltOptionOutranksTheChatsOwnDescription() throws Exception {
        byte[] png = Pictures.png(12, 12, false);
        String elsewhere = rig.serve("/real.png", png).replace("127.0.0.1", "localhost");
        List<String> authorizations = new java.util.concurrent.CopyOnWriteArrayList<>();
        rig.files.createContext("/moved", exchange -> {
            authorizations.add("moved:" + exchange.getRequestHeaders().getFirst("Authorization"));
            try (exchange) {
                exchange.getResponseHeaders().add("Location", elsewhere);
                exchange.sendResponseHeaders(302, -1);
            }
        });
        rig.files.createContext("/real.png", exchange -> {
            authorizations.add("real:" + exchange.getRequestHeaders().getFirst("Authorization"));
            try (exchange) {
                exchange.sendResponseHeaders(200, png.length);
                exchange.getResponseBody().write(png);
            }
        });
        String start = "http://127.0.0.1:" + rig.files.getAddress().getPort() + "/moved";
        MediaIntake intake = new MediaIntake(rig.units.platforms.http);
        try (Copies copies = intake.copy(List.of(), List.of(
                        new com.ailsocialautomation.message.MediaInput.ChatFile(start, com.ailsocialautomation.config.Secret.of("xoxb-file-token"),
                                "../../etc/cat.png", "the chat's description"),
                        new com.ailsocialautomation.message.MediaInput.ChatFile(start, null, "second.png", "its own words")),
                List.of("Given with alt:"), MediaIntake.DEFAULT_CAP)) {
            assertEquals(List.of("moved:Bearer xoxb-file-token", "real:null", "moved:null", "real:null"), authorizations);
            Copy first = copies.items().get(0);
            assertEquals("cat.png", first.fileName(), "a name is never a path");
            assertEquals("Given with alt:", first.altText());
            assertEquals("its own words", copies.items().get(1).altText());
            assertEquals(Origin.CHAT_FILE, first.origin());
            assertEquals(png.length, Files.size(first.file()));
        }
    }

    @Test
    void aLocalFileFromTheConsoleIsCopiedAndTheCopyIsGoneWhenTheCommandEnds() throws Exception {
        Path local = Files.createTempFile("ail-test-", ".png");
        Files.write(local, Pictures.png(10, 10, false));
        MediaIntake intake = new MediaIntake(rig.units.platforms.http);
        Path copied;
        try (Copies copies = intake.copy(List.of(), List.of(new com.ailsocialautomation.message.MediaInput.LocalFile(local, null)),
                List.of(), MediaIntake.DEFAULT_CAP)) {
            copied = copies.items().get(0).file();
            assertEquals(Origin.LOCAL_FILE, copies.items().get(0).origin());
            assertTrue(Files.exists(copied));
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(copied)));
        }
        assertFalse(Files.exists(copied));
        assertFalse(Files.exists(copied.getParent()));
        Files.delete(local);
    }

    @Test
    void aLocalFileFromAChatIsRefusedBecauseOnlyTheOperatorsConsoleMayNameAFileOnAilsMachine() throws Exception {
        rig.connectWebhook(rig.ana);
        Path secret = Files.createTempFile("ail-server-file-", ".png");
        Files.write(secret, Pictures.png(10, 10, false));
        String reply = rig.units.commandLayer.commands.run(rig.ana, new com.ailsocialautomation.command.ParsedCommand("post",
                List.of(), java.util.Map.of("to", List.of("webhook")), "hello",
                List.of(new com.ailsocialautomation.message.MediaInput.LocalFile(secret, null)))).toPlainText();
        assertTrue(reply.contains("error id"), reply);
        assertEquals(0, rig.count("posts"));
        Files.delete(secret);
    }

    private static List<Path> tempCopies() throws IOException {
        try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.filter(p -> p.getFileName().toString().startsWith("ail-media-")).sorted().toList();
        }
    }
}
