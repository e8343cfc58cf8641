package com.ailsocialautomation.net;

import com.ailsocialautomation.UserError;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaSnifferTest {
    private static final Set<MediaType> ALL = EnumSet.allOf(MediaType.class);

    @Test
    void eachFormatIsKnownByItsMagicBytes() {
        assertEquals(Optional.of(MediaType.JPEG), MediaSniffer.detect(Samples.JPEG));
        assertEquals(Optional.of(MediaType.PNG), MediaSniffer.detect(Samples.PNG));
        assertEquals(Optional.of(MediaType.GIF), MediaSniffer.detect(Samples.GIF));
        assertEquals(Optional.of(MediaType.GIF), MediaSniffer.detect(Samples.ascii("GIF87a")));
        assertEquals(Optional.of(MediaType.WEBP), MediaSniffer.detect(Samples.WEBP));
        assertEquals(Optional.of(MediaType.MP4), MediaSniffer.detect(Samples.MP4));
        assertEquals(Optional.of(MediaType.MOV), MediaSniffer.detect(Samples.MOV));
        assertEquals(Optional.of(MediaType.WEBM), MediaSniffer.detect(Samples.WEBM));
        assertEquals(Optional.of(MediaType.HEIC), MediaSniffer.detect(Samples.HEIC));
        assertEquals(Optional.of(MediaType.HEIC), MediaSniffer.detect(Samples.pad(Samples.concat(Samples.bytes(0, 0, 0, 0x18),
                Samples.ascii("ftypmif1"), Samples.bytes(0, 0, 0, 0), Samples.ascii("mif1heic")))), "a generic HEIF naming heic");
    }

    @Test
    void lookalikesAreNotAccepted() {
        assertEquals(Optional.empty(), MediaSniffer.detect(Samples.AVIF), "an ISO media still image is not MP4");
        assertEquals(Optional.empty(), MediaSniffer.detect(Samples.MKV), "Matroska shares WebM's magic");
        assertEquals(Optional.empty(), MediaSniffer.detect(Samples.concat(Samples.ascii("RIFF"), new byte[4],
                Samples.ascii("WAVE"))), "a RIFF that is not WebP");
        assertEquals(Optional.empty(), MediaSniffer.detect(new byte[0]));
        assertEquals(Optional.empty(), MediaSniffer.detect(Samples.bytes(0xFF, 0xD8)));
    }

    @Test
    void aWebPageBehindAJpgLinkIsNamedAsSuch() {
        UserError error = assertThrows(UserError.class, () -> MediaSniffer.require(Samples.HTML, MediaType.IMAGES));
        assertEquals("That link gives a web page, not the file itself; link directly to a JPEG, PNG, GIF, WebP, HEIC file.",
                error.getMessage());
    }

    @Test
    void aRealFileOfTheWrongTypeSaysWhatItIs() {
        UserError error = assertThrows(UserError.class,
                () -> MediaSniffer.require(Samples.MP4, EnumSet.of(MediaType.JPEG, MediaType.PNG)));
        assertEquals("That file is in MP4 format; only JPEG, PNG files are accepted here.", error.getMessage());
        assertThrows(UserError.class, () -> MediaSniffer.require(Samples.bytes(1, 2, 3), ALL));
        assertEquals(MediaType.WEBM, MediaSniffer.require(Samples.WEBM, ALL));
    }

    @Test
    void videoTypesSayTheyAreVideo() {
        assertTrue(MediaType.MP4.isVideo());
        assertFalse(MediaType.GIF.isVideo());
        assertEquals("video/quicktime", MediaType.MOV.mimeType());
    }
}
