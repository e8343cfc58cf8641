package com.ailsocialautomation.net;

import com.ailsocialautomation.UserError;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Names a file's format from its first bytes. The URL's extension and the server's Content-Type are
 * claims; the bytes are what the platform will see.
 */
public final class MediaSniffer {
    // ISO media files that carry a still image, an image sequence or audio, not a video the platforms accept as MP4
    private static final Set<String> NOT_VIDEO_BRANDS = Set.of(
            "heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif", "avis",
            "M4A ", "M4B ", "M4P ", "crx ");
    // HEIF still images coded with HEVC (what phones write); "mif1" alone may be AVIF or another codec
    private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "heim", "heis");

    private MediaSniffer() {
    }

    public static Optional<MediaType> detect(byte[] bytes) {
        if (starts(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(MediaType.JPEG);
        }
        if (starts(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(MediaType.PNG);
        }
        if (ascii(bytes, 0, "GIF87a") || ascii(bytes, 0, "GIF89a")) {
            return Optional.of(MediaType.GIF);
        }
        if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) {
            return Optional.of(MediaType.WEBP);
        }
        if (ascii(bytes, 4, "ftyp") && bytes.length >= 12) {
            String brand = new String(bytes, 8, 4, StandardCharsets.ISO_8859_1);
            if (brand.equals("qt  ")) {
                return Optional.of(MediaType.MOV);
            }
            if (isHeic(bytes, brand)) {
                return Optional.of(MediaType.HEIC);
            }
            return NOT_VIDEO_BRANDS.contains(brand) ? Optional.empty() : Optional.of(MediaType.MP4);
        }
        // EBML header whose DocType says webm (a Matroska .mkv has the same magic but is not accepted)
        if (starts(bytes, 0, 0x1A, 0x45, 0xDF, 0xA3) && contains(bytes, 64, "webm")) {
            return Optional.of(MediaType.WEBM);
        }
        return Optional.empty();
    }

    /** The file's type if it is one of those allowed, else a UserError that says what the file really is. */
    public static MediaType require(byte[] bytes, Set<MediaType> allowed) {
        String wanted = allowed.stream().sorted().map(MediaType::displayName).collect(Collectors.joining(", "));
        Optional<MediaType> found = detect(bytes);
        if (found.isPresent() && allowed.contains(found.get())) {
            return found.get();
        }
        if (found.isPresent()) {
            throw new UserError("That file is in " + found.get().displayName() + " format; only " + wanted
                    + " files are accepted here.");
        }
        if (looksLikeMarkup(bytes)) {
            throw new UserError("That link gives a web page, not the file itself; link directly to a "
                    + wanted + " file.");
        }
        throw new UserError("That file is not a " + wanted + " file; link directly to one.");
    }

    /** Its major brand is a HEIC one, or it is a generic HEIF ("mif1", "msf1") naming one among its compatible brands. */
    private static boolean isHeic(byte[] bytes, String major) {
        if (HEIC_BRANDS.contains(major)) {
            return true;
        }
        if (!major.equals("mif1") && !major.equals("msf1")) {
            return false;
        }
        long boxSize = ((bytes[0] & 0xffL) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
        int end = (int) Math.min(Math.min(boxSize, bytes.length), 256);
        for (int i = 16; i + 4 <= end; i += 4) {
            if (HEIC_BRANDS.contains(new String(bytes, i, 4, StandardCharsets.ISO_8859_1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeMarkup(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.ISO_8859_1)
                .replace("\u00EF\u00BB\u00BF", "").stripLeading(); // a UTF-8 byte order mark
        return head.startsWith("<");
    }

    private static boolean starts(byte[] bytes, int offset, int... magic) {
        if (bytes.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[offset + i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] bytes, int offset, String text) {
        return starts(bytes, offset, text.chars().toArray());
    }

    private static boolean contains(byte[] bytes, int within, String text) {
        byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
        byte[] head = Arrays.copyOf(bytes, Math.min(bytes.length, within));
        for (int i = 0; i + needle.length <= head.length; i++) {
            if (Arrays.equals(head, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
