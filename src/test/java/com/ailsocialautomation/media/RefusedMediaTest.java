package com.ailsocialautomation.media;

import com.ailsocialautomation.testing.MediaCopiesOnDisk;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

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
        List<Path> before = MediaCopiesOnDisk.all();
        String reply = rig.run(rig.ana, "post to:mastodon media:" + rig.serve("/poster", poster)
                + " media:" + rig.serve("/clip", clip) + " Doors open at 18:00");
        assertTrue(reply.contains("takes images or a video, not both in one post"), reply);
        assertEquals(2, rig.fetches.get(), "both were fetched: their kinds are known only from their bytes");
        assertEquals(0, rig.count("posts"));
        assertEquals(0, rig.count("media_items"));
        for (Path dir : MediaCopiesOnDisk.all()) { // other tests may copy media meanwhile: look for these two files only
            if (!before.contains(dir)) {
                assertFalse(MediaCopiesOnDisk.holds(dir, poster) || MediaCopiesOnDisk.holds(dir, clip),
                        "a copy of a refused post's media was left in " + dir);
            }
        }
    }
}
