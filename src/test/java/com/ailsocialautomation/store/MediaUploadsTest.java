package com.ailsocialautomation.store;

import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a platform already holds of a target's media is read back as saved, one item per position, until forgotten. */
class MediaUploadsTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();

    @Test
    void anUploadIsReadBackAsSavedReplacedAtItsPositionAndForgotten() {
        StoreWorld world = new StoreWorld(pg, "T-MEDIA", "Media");
        UUID target = world.posts.create(world.ws, world.ana.id(), "two pictures", List.of(), Instant.now().plusSeconds(600), null,
                List.of(world.hook("m"))).targets().get(0).id();
        MediaUploads uploads = new MediaUploads(world.sql, pg.vault());
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String first = MediaUploads.sourceHash("https://cdn.example/a.png");
        assertEquals(64, first.length(), "a SHA-256 in hex");
        assertNotEquals(first, MediaUploads.sourceHash("https://cdn.example/b.png"));

        uploads.save(world.ws, target, new MediaUploads.Upload(0, first, "m-1", false, "a.png", "{\"alt\":\"a cat\"}", at));
        uploads.save(world.ws, target, new MediaUploads.Upload(1, MediaUploads.sourceHash("b"), "m-2", true, "b.png", null, at));
        uploads.save(world.ws, target, new MediaUploads.Upload(0, first, "m-1", true, "a.png", "{\"alt\":\"a cat\"}", at));

        List<MediaUploads.Upload> held = uploads.of(world.ws, target);
        assertEquals(List.of(new MediaUploads.Upload(0, first, "m-1", true, "a.png", "{\"alt\":\"a cat\"}", at),
                new MediaUploads.Upload(1, MediaUploads.sourceHash("b"), "m-2", true, "b.png", null, at)), held);
        uploads.forget(world.ws, target);
        assertTrue(uploads.of(world.ws, target).isEmpty());
    }
}
