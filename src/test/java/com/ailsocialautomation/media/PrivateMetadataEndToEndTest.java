package com.ailsocialautomation.media;

import com.ailsocialautomation.store.TargetState;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A phone's photo posted through the command: what arrives at the platform is the picture, upright, and nothing of
 * where it was taken or with what; and a video a target cannot take is refused at the command, naming the target.
 */
class PrivateMetadataEndToEndTest {
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

    @Test
    void aPhonePhotoArrivesUprightWithoutItsLocationCameraOrComments() throws Exception {
        String link = rig.serve("/IMG_0001", Fixtures.jpeg(40, 20, 6));
        rig.connectMastodon(rig.ana);
        String id = MediaRig.postId(rig.run(rig.ana, "post to:mastodon media:" + link + " From my phone"));
        assertTrue(eventually(Duration.ofSeconds(20), () -> rig.units.store.posts.find(rig.workspace(rig.ana), id)
                .orElseThrow().targets().get(0).state() == TargetState.PUBLISHED));
        List<byte[]> uploads = rig.mastodon.received("POST", "/api/v2/media").stream().map(r -> r.body()).toList();
        assertEquals(1, uploads.size());
        String sent = new String(uploads.get(0), StandardCharsets.ISO_8859_1);
        for (String secret : List.of(Fixtures.CAMERA, Fixtures.PLACE, "SecretXmp", Fixtures.COMMENT, "Exif\0\0MM", "MotionPhoto")) {
            assertFalse(sent.contains(secret), "the platform received " + secret);
        }
        byte[] body = uploads.get(0);
        int start = IsoFixtures.indexOf(body, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(Arrays.copyOfRange(body, start, body.length)));
        assertEquals(20, shown.getWidth(), "turned upright before the EXIF that said how went");
        assertEquals(40, shown.getHeight());
        Color top = new Color(shown.getRGB(10, 5));
        assertTrue(top.getRed() > 150 && top.getBlue() < 100, "the photo's left side is its top, as the camera meant");
    }

    @Test
    void aVideoATargetCannotTakeIsRefusedByNameAndNothingIsKept() {
        String link = rig.serve("/clip", IsoFixtures.movie("isom", 20 * 600, 600, 4096, 2160, false));
        rig.connectMastodon(rig.ana);
        String reply = rig.run(rig.ana, "post to:mastodon media:" + link + " Cinema");
        assertTrue(reply.contains("Mastodon (@ana@127.0.0.1): the video is 4096×2160, at most 8,294,400 pixels"), reply);
        assertEquals(0, rig.count("posts"));
        assertEquals(0, rig.count("media_items"));
    }
}
