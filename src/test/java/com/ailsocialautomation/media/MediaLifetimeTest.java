package com.ailsocialautomation.media;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.command.Invocation;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.privacy.Retention;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.RawTables;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How long AIL keeps its copies: while a post can still be sent, then until the retention period has passed; at
 * once when the person asks to be forgotten, when the workspace removes AIL, and when disconnecting an account
 * leaves a post nothing to send. my-data lists them.
 */
class MediaLifetimeTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    MediaRig rig;
    Invocation bob;

    @BeforeEach
    void start() throws IOException {
        rig = new MediaRig(pg);
        bob = new Invocation(rig.ana.frontEnd(), rig.ana.workspaceId(), "U-bob", "Bob", false, null, null);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    /** Schedules a post with one picture named {@code name} to the workspace's webhook; returns its short id. */
    private String scheduled(Invocation who, String name, String when) {
        String link = rig.serve("/" + name, Pictures.png(16, 16, false));
        return MediaRig.postId(rig.run(who, "schedule in:" + when + " to:webhook media:" + link + " with " + name));
    }

    private int items(String shortId) {
        UUID ws = rig.workspace(rig.ana);
        return rig.units.store.posts.find(ws, shortId).map(p -> rig.units.store.media.of(ws, p.id()).size()).orElse(0);
    }

    @Test
    void myDataListsEachCopyByNameTypeAndSize() throws Exception {
        rig.connectWebhook(rig.ana);
        String id = scheduled(rig.ana, "sunrise", "3h");
        Reply export = rig.units.commandLayer.commands.run(rig.ana, "my-data");
        JsonNode post = Json.MAPPER.readTree(export.file().content()).at("/posts/0");
        assertEquals(id, post.path("id").asText());
        JsonNode media = post.path("media").get(0);
        assertEquals("sunrise", media.path("name").asText());
        assertEquals("image/png", media.path("type").asText());
        assertEquals(Pictures.png(16, 16, false).length, media.path("size").asLong());
        assertTrue(media.path("link").asText().endsWith("/sunrise"), media.toString());
        assertEquals(0, post.path("mediaLinks").size(), "the link is kept with the copy, encrypted");
    }

    @Test
    void forgetMeErasesThePersonsCopiesAtOnceAndLeavesAColleaguesAlone() throws Exception {
        rig.connectWebhook(bob);
        String anas = scheduled(rig.ana, "ana-holiday-" + UUID.randomUUID(), "3h");
        String bobs = scheduled(bob, "bob-garden", "3h");
        assertEquals(2, rig.count("media_items"));
        Reply preview = rig.units.commandLayer.commands.run(rig.ana, "forget-me");
        rig.units.commandLayer.commands.press(rig.ana, preview.buttons().get(0).actionId());
        assertEquals(0, items(anas));
        assertEquals(1, items(bobs), "Bob's post and its picture stay");
        assertEquals(1, rig.count("media_items"));
        assertEquals(0, rig.units.store.sql.one("select count(*) from media_chunks c where not exists "
                + "(select 1 from media_items m where m.id = c.item_id)", rs -> rs.getInt(1)).orElseThrow(), "no chunk is left without its item");
        assertEquals(List.of(), RawTables.rowsContaining(pg.dataSource(), pg.vault(), "ana-holiday"));
    }

    @Test
    void removingAilFromTheWorkspaceErasesEveryCopy() {
        rig.connectWebhook(rig.ana);
        scheduled(rig.ana, "one", "3h");
        scheduled(bob, "two", "3h");
        UUID ws = rig.workspace(rig.ana);
        assertEquals(2, rig.count("media_items"));
        rig.units.commandLayer.workspaceEraser.erase(rig.ana.frontEnd(), rig.ana.workspaceId());
        for (String table : List.of("media_items", "media_chunks")) {
            assertEquals(0, rig.units.store.sql.one("select count(*) from " + table + (table.equals("media_items") ? " where workspace_id = ?"
                    : " where item_id not in (select id from media_items)") + (table.equals("media_items") ? "" : " and ? is not null"),
                    rs -> rs.getInt(1), ws).orElseThrow(), table);
        }
    }

    @Test
    void disconnectingTheOnlyAccountAPostWentToErasesItsCopyAtOnce() {
        String account = rig.connectWebhook(rig.ana);
        String id = scheduled(rig.ana, "cancelled-by-disconnect", "3h");
        assertTrue(rig.run(rig.ana, "disconnect " + account).contains("1 scheduled post to it was cancelled"));
        assertEquals(0, items(id));
        assertEquals(0, rig.count("media_chunks"));
    }

    @Test
    void aFinishedPostKeepsItsCopyForRetriesUntilTheRetentionPeriodHasPassedAndAScheduledOneKeepsItAlways() throws Exception {
        rig.connectWebhook(rig.ana);
        String later = scheduled(rig.ana, "later", "3h");
        String cancelled = scheduled(rig.ana, "cancelled", "3h");
        rig.run(rig.ana, "cancel " + cancelled);
        String now = MediaRig.postId(rig.run(rig.ana, "post to:webhook media:" + rig.serve("/now", Pictures.png(9, 9, false)) + " now"));
        assertTrue(eventually(Duration.ofSeconds(20), () -> rig.hook.accepted().size() == 1));
        MediaStore media = rig.units.store.media;

        int days = 30;
        assertEquals(0, new Retention(rig.units.store.sql, days, Clock.offset(Clock.systemUTC(), Duration.ofDays(days).minusMinutes(5)), media)
                .purge().get("media"), "inside the retention period every copy stays");
        assertEquals(List.of(1, 1, 1), List.of(items(later), items(cancelled), items(now)));

        assertEquals(2, new Retention(rig.units.store.sql, days, Clock.offset(Clock.systemUTC(), Duration.ofDays(days).plusMinutes(5)), media)
                .purge().get("media"));
        assertEquals(List.of(1, 0, 0), List.of(items(later), items(cancelled), items(now)), "a post still to be sent keeps its copy");
        assertEquals(1, rig.count("media_chunks"));
        String retried = rig.run(rig.ana, "retry " + now);
        assertTrue(retried.contains("only failed or unknown"), retried);
    }

    @Test
    void aRetryAfterTheCopyWasDeletedFailsSayingSoInsteadOfPostingWithoutThePicture() throws Exception {
        rig.connectWebhook(rig.ana);
        rig.hook.failNext(1, 422, null);
        String id = MediaRig.postId(rig.run(rig.ana, "post to:webhook media:" + rig.serve("/gone-later", Pictures.png(9, 9, false)) + " hi"));
        UUID ws = rig.workspace(rig.ana);
        java.util.function.Supplier<com.ailsocialautomation.store.Target> target =
                () -> rig.units.store.posts.find(ws, id).orElseThrow().targets().get(0);
        assertTrue(eventually(Duration.ofSeconds(20), () -> target.get().state() == com.ailsocialautomation.store.TargetState.FAILED));
        new Retention(rig.units.store.sql, 30, Clock.offset(Clock.systemUTC(), Duration.ofDays(31)), rig.units.store.media).purge();
        assertEquals(0, items(id));

        assertTrue(rig.run(rig.ana, "retry " + id).startsWith("Retrying post " + id));
        assertTrue(eventually(Duration.ofSeconds(20), () -> target.get().state() == com.ailsocialautomation.store.TargetState.FAILED
                && target.get().error() != null && target.get().error().contains("no longer keeps the media")), () -> target.get().toString());
        assertEquals(0, rig.hook.accepted().size(), "nothing went out without its picture");
    }
}
