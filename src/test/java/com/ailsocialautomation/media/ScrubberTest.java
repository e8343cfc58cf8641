package com.ailsocialautomation.media;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.net.MediaType;
import com.ailsocialautomation.platform.MediaFacts;
import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What reaches a platform: the bytes after scrubbing, inspected the way a curious person would. */
class ScrubberTest {
    private static final List<String> PRIVATE = List.of(Fixtures.CAMERA, Fixtures.PLACE, "SecretXmp", Fixtures.COMMENT,
            "Exif\0\0MM", "SecretCm", "48,51.5N");

    @TempDir
    Path dir;

    /** The file as AIL keeps it: inspected, then scrubbed; returns the facts afterwards. */
    private Path file;

    private MediaFacts intake(byte[] bytes) throws IOException {
        file = Files.write(dir.resolve("item-" + System.nanoTime()), bytes);
        return Scrubber.scrub(file, Inspector.inspect(file));
    }

    private void assertNothingPrivate() throws Exception {
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        for (String secret : PRIVATE) {
            assertFalse(bytes.contains(secret), "still carries " + secret.strip());
        }
        Metadata metadata = ImageMetadataReader.readMetadata(file.toFile());
        assertNull(metadata.getFirstDirectoryOfType(GpsDirectory.class), "GPS");
        assertNull(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class), "EXIF");
    }

    private static boolean reddish(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() > 150 && c.getBlue() < 100;
    }

    @Test
    void aTurnedJpegLosesItsMetadataAndStandsUpright() throws Exception {
        MediaFacts facts = intake(Fixtures.jpeg(40, 20, 6));
        assertNothingPrivate();
        BufferedImage shown = ImageIO.read(file.toFile());
        assertEquals(20, shown.getWidth(), "turned a quarter clockwise, as its orientation said");
        assertEquals(40, shown.getHeight());
        assertTrue(reddish(shown.getRGB(10, 5)), "the stored left half is now on top");
        assertFalse(reddish(shown.getRGB(10, 35)));
        assertEquals(new MediaFacts(MediaType.JPEG, Files.size(file), 20, 40, null), facts);
        assertEquals(facts, Inspector.inspect(file), "the facts afterwards are those of the file as it is");
    }

    @Test
    void aTurnedJpegWithAColourProfileKeepsItsColours() throws Exception {
        BufferedImage grey = new BufferedImage(16, 8, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 16; x++) {
                grey.setRGB(x, y, 0x808080);
            }
        }
        byte[] profile = java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_LINEAR_RGB).getData();
        byte[] jpeg = Fixtures.jpeg(grey, 6);
        byte[] app2 = Fixtures.concat(new byte[] {(byte) 0xFF, (byte) 0xE2, (byte) ((profile.length + 16) >> 8),
                (byte) (profile.length + 16)}, "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1), new byte[] {1, 1}, profile);
        byte[] original = Fixtures.concat(Arrays.copyOf(jpeg, 2), app2, Arrays.copyOfRange(jpeg, 2, jpeg.length));
        int meant = ImageIO.read(new java.io.ByteArrayInputStream(original)).getRGB(4, 4) & 0xFF;
        intake(original);
        assertNothingPrivate();
        int shown = ImageIO.read(file.toFile()).getRGB(4, 4) & 0xFF;
        assertTrue(Math.abs(meant - shown) <= 3 && Math.abs(shown - 0x80) > 20,
                "decoded through its profile, written as the sRGB every viewer assumes: " + meant + " vs " + shown);
    }

    @Test
    void aTurnedPhotoTooLargeToHoldTwiceIsRefusedBeforeItIsDecoded() throws IOException {
        byte[] jpeg = Fixtures.jpeg(40, 20, 6);
        int sof = IsoFixtures.indexOf(jpeg, new byte[] {(byte) 0xFF, (byte) 0xC0});
        java.nio.ByteBuffer.wrap(jpeg).putShort(sof + 5, (short) 65000).putShort(sof + 7, (short) 65000);
        Path huge = Files.write(dir.resolve("huge.jpg"), jpeg);
        MediaFacts facts = Inspector.inspect(huge);
        assertEquals(65000, facts.width());
        assertEquals("That photo is 65000×65000 pixels, too large to turn upright; scale it down and send it again.",
                assertThrows(UserError.class, () -> Scrubber.scrub(huge, facts)).getMessage());
    }

    @Test
    void anUprightJpegKeepsItsPictureBytesExactly() throws Exception {
        byte[] original = Fixtures.jpeg(40, 20, 1);
        intake(original);
        assertNothingPrivate();
        byte[] clean = Files.readAllBytes(file);
        byte[] plain = Fixtures.encode(Fixtures.halves(40, 20), "jpeg");
        assertArrayEquals(plain, clean, "only the metadata segments and the trailer went");
    }

    @Test
    void everyOrientationEndsUprightWithTheRightSize() throws Exception {
        for (int orientation = 1; orientation <= 8; orientation++) {
            MediaFacts facts = intake(Fixtures.jpeg(40, 20, orientation));
            BufferedImage shown = ImageIO.read(file.toFile());
            assertEquals(facts.width(), shown.getWidth(), "orientation " + orientation);
            assertEquals(facts.height(), shown.getHeight(), "orientation " + orientation);
            assertEquals(orientation >= 5 ? 20 : 40, shown.getWidth(), "orientation " + orientation);
        }
    }

    @Test
    void aPngLosesItsExifTextAndTimeChunks() throws Exception {
        MediaFacts facts = intake(Fixtures.png(30, 10, 1));
        assertNothingPrivate();
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        for (String chunk : List.of("eXIf", "tEXt", "iTXt", "tIME")) {
            assertFalse(bytes.contains(chunk), chunk);
        }
        assertArrayEquals(Fixtures.encode(Fixtures.halves(30, 10), "png"), Files.readAllBytes(file));
        assertEquals(Files.size(file), facts.size());
        intake(Fixtures.png(30, 10, 8));
        assertNothingPrivate();
        BufferedImage shown = ImageIO.read(file.toFile());
        assertEquals(10, shown.getWidth(), "turned by its EXIF before the EXIF went");
        assertTrue(reddish(shown.getRGB(5, 25)), "orientation 8: the stored left half is now at the bottom");
    }

    @Test
    void aGifKeepsItsLoopButNotItsCommentOrXmp() throws Exception {
        intake(Fixtures.gif(24, 12));
        assertNothingPrivate();
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertTrue(bytes.contains("NETSCAPE2.0"));
        assertFalse(bytes.contains("XMP DataXMP"));
        assertEquals(24, ImageIO.read(file.toFile()).getWidth(), "still a GIF every decoder reads");
    }

    @Test
    void aWebpLosesItsExifAndXmpChunksAndItsHeaderSaysSo() throws Exception {
        MediaFacts facts = intake(Fixtures.webp());
        assertNothingPrivate();
        byte[] bytes = Files.readAllBytes(file);
        assertFalse(new String(bytes, StandardCharsets.ISO_8859_1).contains("XMP "));
        assertEquals(bytes.length - 8, java.nio.ByteBuffer.wrap(bytes, 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt());
        assertEquals(0, bytes[20] & 0x0C, "the VP8X flags no longer promise EXIF or XMP");
        assertEquals(1, facts.width());
        assertEquals(facts, Inspector.inspect(file));
    }

    @Test
    void aVideoLosesItsLocationWithoutMovingAByteAndStillPlaysAsLong() throws Exception {
        byte[] original = IsoFixtures.movie("isom", 190 * 600, 600, 1920, 1080, true);
        MediaFacts facts = intake(original);
        assertNothingPrivate();
        byte[] clean = Files.readAllBytes(file);
        assertEquals(original.length, clean.length);
        int mdat = IsoFixtures.indexOf(original, "mdat".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(mdat, IsoFixtures.indexOf(clean, "mdat".getBytes(StandardCharsets.ISO_8859_1)), "no offset moved");
        assertEquals(-1, IsoFixtures.indexOf(clean, "udta".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(facts, Inspector.inspect(file), "the same length and frame after");
        assertEquals(java.time.Duration.ofSeconds(190), facts.duration());
        intake(IsoFixtures.movie("qt  ", 3000, 600, 1280, 720, false));
        assertNothingPrivate();
        assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains("ISO6709"),
                "Apple's location key went with its meta box");
    }

    @Test
    void aHeicLosesItsExifItemInPlace() throws Exception {
        byte[] original = IsoFixtures.heic(4032, 3024, false);
        MediaFacts facts = intake(original);
        assertNothingPrivate();
        assertEquals(original.length, Files.size(file));
        assertEquals(4032, facts.width());
        assertEquals(facts, Inspector.inspect(file));
    }

    @Test
    void aJpegCutShortInsideItsPictureIsRefusedAndLeftAsItWas() throws IOException {
        byte[] jpeg = Fixtures.jpeg(40, 20, 1);
        int scan = IsoFixtures.indexOf(jpeg, new byte[] {(byte) 0xFF, (byte) 0xDA});
        byte[] cut = Arrays.copyOf(jpeg, scan + 40);
        Path cutFile = Files.write(dir.resolve("cut.jpg"), cut);
        MediaFacts facts = new MediaFacts(MediaType.JPEG, cut.length, 40, 20, null);
        assertThrows(UserError.class, () -> Scrubber.scrub(cutFile, facts));
        assertArrayEquals(cut, Files.readAllBytes(cutFile), "nothing half-written");
        assertEquals(List.of(cutFile), Files.list(dir).toList(), "no temporary file left behind");
    }

    @Test
    void directoriesLeftInTheCleanFileHoldNothingPersonal() throws Exception {
        intake(Fixtures.jpeg(40, 20, 1));
        for (Directory directory : ImageMetadataReader.readMetadata(file.toFile()).getDirectories()) {
            assertTrue(List.of("JPEG", "JFIF", "Huffman", "File Type", "File").contains(directory.getName()),
                    directory.getName());
        }
    }
}
