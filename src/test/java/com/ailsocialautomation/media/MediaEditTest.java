package com.ailsocialautomation.media;

import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.TargetState;
import com.ailsocialautomation.testing.PostgresExtension;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** edit of a scheduled post replaces its media (copied now) or re-describes them, all or nothing. */
class MediaEditTest {
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

    private List<StoredMedia> media(String shortId) {
        Post post = post(shortId);
        return rig.units.store.media.of(post.workspaceId(), post.id());
    }

    @Test
    void newMediaReplaceTheOldOnesAndAreWhatGoesOut() throws Exception {
        rig.connectWebhook(rig.ana);
        String id = MediaRig.postId(rig.run(rig.ana, "schedule in:2h to:webhook media:" + rig.serve("/old.png", Pictures.png(20, 20, false))
                + " alt:\"The old poster\" Doors open at 17:00"));
        String reply = rig.run(rig.ana, "edit " + id + " media:" + rig.serve("/new.png", Pictures.png(30, 30, false))
                + " alt:\"The corrected poster\"");
        assertTrue(reply.contains("has 1 image or video and now reads: Doors open at 17:00"), reply);
        assertEquals(1, rig.count("media_items"), "the old copy is gone");
        assertEquals("new.png", media(id).get(0).fileName());
        assertEquals(30, media(id).get(0).facts().width());

        assertTrue(rig.run(rig.ana, "reschedule " + id + " in:1s").contains("will be published"));
        assertTrue(eventually(Duration.ofSeconds(20), () -> post(id).targets().get(0).state() == TargetState.PUBLISHED),
                () -> post(id).targets().toString());
        JsonNode item = rig.hook.accepted().get(0).body().path("media_items").get(0);
        assertEquals("new.png", item.path("name").asText());
        assertEquals("The corrected poster", item.path("alt").asText());
        assertEquals(1, rig.hook.accepted().get(0).body().path("media_items").size());
    }

    @Test
    void altAloneRedescribesTheStoredItemsWithoutFetchingAgain() throws Exception {
        rig.connectWebhook(rig.ana);
        String id = MediaRig.postId(rig.run(rig.ana, "schedule in:2h to:webhook media:" + rig.serve("/a.png", Pictures.png(9, 9, false))
                + " media:" + rig.serve("/b.png", Pictures.png(9, 9, false)) + " Two pictures"));
        int fetched = rig.fetches.get();
        String reply = rig.run(rig.ana, "edit " + id + " alt:\"A red square\" alt:\"A blue square\"");
        assertTrue(reply.contains("has new alt text and now reads: Two pictures"), reply);
        assertEquals(List.of("A red square", "A blue square"), media(id).stream().map(StoredMedia::altText).toList());
        assertEquals(List.of("a.png", "b.png"), media(id).stream().map(StoredMedia::fileName).toList());
        assertEquals(fetched, rig.fetches.get(), "nothing fetched again");

        String tooMany = rig.run(rig.ana, "edit " + id + " alt:one alt:two alt:three");
        assertTrue(tooMany.contains("has 2 images and videos to describe"), tooMany);
        assertEquals("A red square", media(id).get(0).altText());
    }

    @Test
    void mediaATargetCannotTakeAreRefusedAndTheOldOnesStay() throws Exception {
        rig.connectMastodon(rig.ana);
        String id = MediaRig.postId(rig.run(rig.ana, "schedule in:2h to:mastodon media:" + rig.serve("/keep.png", Pictures.png(9, 9, false))
                + " Kept"));
        String link = rig.serve("/words", "not a picture at all, just words".repeat(100).getBytes(StandardCharsets.UTF_8));
        String refused = rig.run(rig.ana, "edit " + id + " media:" + link + " Changed");
        assertFalse(refused.contains("now reads"), refused);
        assertEquals("Kept", post(id).text(), "nothing half-written");
        assertEquals(List.of("keep.png"), media(id).stream().map(StoredMedia::fileName).toList());
        assertEquals(1, rig.count("media_items"));

        assertTrue(rig.run(rig.ana, "edit " + id).contains("Missing the text"), "an edit that changes nothing is refused");
    }

    @Test
    void anEditsNewMediaAreCheckedAsAPostsAreBeforeAnythingIsFetchedOrRead() throws Exception {
        rig.connectMastodon(rig.ana);
        String id = MediaRig.postId(rig.run(rig.ana, "schedule in:2h to:mastodon media:" + rig.serve("/kept.png", Pictures.png(9, 9, false))
                + " Kept"));
        int fetched = rig.fetches.get();
        StringBuilder five = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            five.append(" media:").append(rig.serve("/five-" + i + ".png", Pictures.png(9, 9, false)));
        }
        String overMastodon = rig.run(rig.ana, "edit " + id + five + " Five");
        assertEquals("Too many media for Mastodon (@ana@127.0.0.1): 5/4 — remove 1, or leave it out with to:", overMastodon);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= com.ailsocialautomation.platform.Platform.mostMedia(); i++) {
            many.append(" media:").append(rig.serve("/many-" + i + ".png", Pictures.png(9, 9, false)));
        }
        String overAll = rig.run(rig.ana, "edit " + id + many + " Many");
        assertTrue(overAll.contains("no platform takes more than " + com.ailsocialautomation.platform.Platform.mostMedia()), overAll);
        String local = rig.run(rig.ana, "edit " + id + " media:/etc/hostname Local");
        assertEquals("media:/etc/hostname is not a web link: give one starting with https://.", local, "a path names no file from chat");
        assertEquals(fetched, rig.fetches.get(), "nothing was fetched for an edit refused by count");
        assertEquals("Kept", post(id).text(), "nothing half-written");
        assertEquals(List.of("kept.png"), media(id).stream().map(StoredMedia::fileName).toList());
    }
}
