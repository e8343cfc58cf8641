package com.ailsocialautomation.media;

import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A post refused for what its media turned out to be (known only once AIL has copied them) is refused whole: the
 * person is told why, nothing is kept, and the copies AIL made to look at are gone from its disk.
 */
class RefusedMediaTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    MediaRig rig;

    @BeforeEach
    void start() throws IOException {
        rig = new MediaRig(pg);
        rig.connectMastodon(rig.ana);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void aPictureAndAVideoForMastodonAreRefusedAfterTheCopyAndTheCopiesAreDeleted() throws IOException {
        byte[] poster = Pictures.png(17, 13, true);
        byte[] clip = Videos.mp4(3, 322, 242);
        List<Path> before = copiesOnDisk();
        String reply = rig.run(rig.ana, "post to:mastodon media:" + rig.serve("/poster", poster)
                + " media:" + rig.serve("/clip", clip) + " Doors open at 18:00");
        assertTrue(reply.contains("takes images or a video, not both in one post"), reply);
        assertEquals(2, rig.fetches.get(), "both were fetched: their kinds are known only from their bytes");
        assertEquals(0, rig.count("posts"));
        assertEquals(0, rig.count("media_items"));
        for (Path dir : copiesOnDisk()) { // other tests may copy media meanwhile: look for these two files only
            if (!before.contains(dir)) {
                assertFalse(holds(dir, poster) || holds(dir, clip), "a copy of a refused post's media was left in " + dir);
            }
        }
    }

    private static boolean holds(Path dir, byte[] content) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).anyMatch(f -> {
                try {
                    return Arrays.equals(Files.readAllBytes(f), content);
                } catch (IOException gone) {
                    return false; // another test's copy, deleted as we looked
                }
            });
        } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException gone) {
            return false;
        }
    }

    private static List<Path> copiesOnDisk() throws IOException {
        try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.filter(p -> p.getFileName().toString().startsWith("ail-media-")).sorted().toList();
        }
    }
}
