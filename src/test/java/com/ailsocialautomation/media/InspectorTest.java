package com.ailsocialautomation.media;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.net.MediaType;
import com.ailsocialautomation.platform.MediaFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InspectorTest {
    @TempDir
    Path dir;

    private MediaFacts inspect(byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("item-" + System.nanoTime()), bytes);
        return Inspector.inspect(file);
    }

    private String refused(byte[] bytes) {
        return assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(UserError.class, () -> inspect(bytes)).getMessage());
    }

    @Test
    void aPhotoReportsItsSizeAsShownAfterItsOrientation() throws IOException {
        byte[] upright = Fixtures.jpeg(40, 20, 1);
        assertEquals(new MediaFacts(MediaType.JPEG, upright.length, 40, 20, null), inspect(upright));
        assertEquals(20, inspect(Fixtures.jpeg(40, 20, 6)).width(), "turned a quarter: the sides swap");
        assertEquals(40, inspect(Fixtures.jpeg(40, 20, 6)).height());
        assertEquals(40, inspect(Fixtures.jpeg(40, 20, 3)).width(), "upside down: the same sides");
        MediaFacts png = inspect(Fixtures.png(30, 10, 8));
        assertEquals(MediaType.PNG, png.type());
        assertEquals(10, png.width());
        assertEquals(30, png.height());
    }

    @Test
    void gifWebpAndHeicSizesComeFromTheirHeaders() throws IOException {
        MediaFacts gif = inspect(Fixtures.gif(24, 12));
        assertEquals(MediaType.GIF, gif.type());
        assertEquals(24, gif.width());
        assertEquals(12, gif.height());
        MediaFacts webp = inspect(Fixtures.webp());
        assertEquals(MediaType.WEBP, webp.type());
        assertEquals(1, webp.width());
        MediaFacts heic = inspect(IsoFixtures.heic(4032, 3024, false));
        assertEquals(new MediaFacts(MediaType.HEIC, heic.size(), 4032, 3024, null), heic);
        assertEquals(3024, inspect(IsoFixtures.heic(4032, 3024, true)).width(), "irot turns it");
    }

    @Test
    void aVideoReportsItsLengthAndItsFrameAsShown() throws IOException {
        MediaFacts mp4 = inspect(IsoFixtures.movie("isom", 12_500, 1000, 1920, 1080, false));
        assertEquals(MediaType.MP4, mp4.type());
        assertEquals(Duration.ofMillis(12_500), mp4.duration());
        assertEquals(1920, mp4.width());
        assertEquals(1080, mp4.height());
        MediaFacts portrait = inspect(IsoFixtures.movie("isom", 190 * 600, 600, 1920, 1080, true));
        assertEquals(Duration.ofSeconds(190), portrait.duration());
        assertEquals(1080, portrait.width(), "a phone's portrait video is stored landscape and turned");
        assertEquals(1920, portrait.height());
        MediaFacts mov = inspect(IsoFixtures.movie("qt  ", 3000, 600, 1280, 720, true));
        assertEquals(MediaType.MOV, mov.type());
        assertEquals(Duration.ofSeconds(5), mov.duration());
        assertEquals(720, mov.width());
        MediaFacts webm = inspect(IsoFixtures.webm(640, 360, 65_250));
        assertEquals(new MediaFacts(MediaType.WEBM, webm.size(), 640, 360, Duration.ofMillis(65_250)), webm);
    }

    @Test
    void aFileCutShortIsRefusedInOneClearLine() throws IOException {
        byte[] mp4 = IsoFixtures.movie("isom", 12_500, 1000, 1920, 1080, false);
        String message = refused(Arrays.copyOf(mp4, mp4.length - 100));
        assertEquals("That file looks like MP4 but cannot be read: it may be cut short or damaged. "
                + "Save or export it again and send it anew.", message);
        byte[] png = Fixtures.png(30, 10, 1);
        assertTrue(refused(Arrays.copyOf(png, png.length - 5)).startsWith("That file looks like PNG "));
        byte[] gif = Fixtures.gif(24, 12);
        assertTrue(refused(Arrays.copyOf(gif, gif.length / 2)).startsWith("That file looks like GIF "));
        byte[] webp = Fixtures.webp();
        assertTrue(refused(Arrays.copyOf(webp, webp.length - 9)).startsWith("That file looks like WebP "));
        byte[] jpeg = Fixtures.jpeg(40, 20, 6);
        assertTrue(refused(Arrays.copyOf(jpeg, 40)).startsWith("That file looks like JPEG "));
        byte[] heic = IsoFixtures.heic(64, 64, false);
        assertTrue(refused(Arrays.copyOf(heic, 60)).startsWith("That file looks like HEIC "));
    }

    @Test
    void garbageAfterTheMagicBytesIsRefusedQuickly() {
        Random random = new Random(14);
        byte[][] heads = {{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10},
                "GIF89a".getBytes(), Fixtures.concat("RIFF".getBytes(), new byte[] {8, 0, 0, 0}, "WEBP".getBytes()),
                Fixtures.concat(new byte[] {0, 0, 0, 16}, "ftypisom".getBytes(), new byte[4]),
                Fixtures.concat(new byte[] {0, 0, 0, 16}, "ftypheic".getBytes(), new byte[4]),
                Fixtures.concat(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x84}, "webm".getBytes())};
        for (byte[] head : heads) {
            for (int round = 0; round < 20; round++) {
                byte[] noise = new byte[random.nextInt(5000)];
                random.nextBytes(noise);
                refused(Fixtures.concat(head, noise));
            }
        }
    }

    @Test
    void aBoxClaimingMoreThanTheFileHoldsIsRefusedWithoutReadingIt() {
        byte[] mp4 = IsoFixtures.movie("isom", 12_500, 1000, 1920, 1080, false);
        int mvhd = IsoFixtures.indexOf(mp4, "mvhd".getBytes()) - 4;
        ByteBuffer.wrap(mp4).putInt(mvhd, 0x7FFFFFF0); // inside moov, far larger than moov
        refused(mp4);
        byte[] nested = IsoFixtures.movie("isom", 12_500, 1000, 1920, 1080, false);
        ByteBuffer.wrap(nested).putInt(IsoFixtures.indexOf(nested, "moov".getBytes()) - 4, 1); // a 64-bit size cut short
        refused(nested);
    }

    @Test
    void countsThatClaimMoreEntriesThanTheirBoxHoldsAreRefusedBeforeAnyReaderTrustsThem() {
        byte[] mov = IsoFixtures.movie("qt  ", 3000, 600, 1280, 720, false);
        ByteBuffer.wrap(mov).putInt(IsoFixtures.indexOf(mov, "stsd".getBytes()) + 8, 0x7FFFFFFF);
        refused(mov);
        byte[] heic = IsoFixtures.heic(64, 48, false);
        int iloc = IsoFixtures.indexOf(heic, "iloc".getBytes());
        ByteBuffer patch = ByteBuffer.wrap(heic);
        patch.put(iloc + 8, (byte) 0); // offsets and lengths of no bytes at all
        patch.putShort(iloc + 12 + 4, (short) 0xFFFF); // item 1: 65,535 extents
        refused(heic);
    }

    @Test
    void boxesNestedBeyondAnyRealFileAreRefused() {
        byte[] nested = IsoFixtures.box("mvhd", new byte[100]);
        for (int i = 0; i < 5000; i++) {
            nested = IsoFixtures.box(i % 2 == 0 ? "trak" : "udta", nested);
        }
        byte[] file = Fixtures.concat(IsoFixtures.box("ftyp", "isom".getBytes(), new byte[4]), IsoFixtures.box("moov", nested));
        refused(file);
    }

    @Test
    void aFileOfNoAcceptedFormatSaysWhatItIs() {
        assertTrue(refused("<!DOCTYPE html><p>hi</p>".getBytes()).startsWith("That link gives a web page"));
        assertTrue(refused(new byte[0]).startsWith("That file is not a"));
    }
}
