package com.ailsocialautomation.net;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The first bytes of real files of each type, padded, enough for the sniffer. */
final class Samples {
    private Samples() {
    }

    static final byte[] JPEG = pad(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F'));
    static final byte[] PNG = pad(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'));
    static final byte[] GIF = pad(ascii("GIF89a"));
    static final byte[] WEBP = pad(concat(ascii("RIFF"), bytes(0x24, 0, 0, 0), ascii("WEBPVP8 ")));
    static final byte[] MP4 = pad(concat(bytes(0, 0, 0, 0x20), ascii("ftypisom"), bytes(0, 0, 2, 0), ascii("isomiso2mp41")));
    static final byte[] MOV = pad(concat(bytes(0, 0, 0, 0x14), ascii("ftypqt  "), bytes(0, 0, 2, 0), ascii("qt  ")));
    static final byte[] AVIF = pad(concat(bytes(0, 0, 0, 0x18), ascii("ftypavif"), bytes(0, 0, 0, 0), ascii("mif1avif")));
    static final byte[] HEIC = pad(concat(bytes(0, 0, 0, 0x18), ascii("ftypheic"), bytes(0, 0, 0, 0), ascii("mif1heic")));
    static final byte[] WEBM = pad(concat(bytes(0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84),
            ascii("webm"), bytes(0x42, 0x87, 0x81, 0x04)));
    static final byte[] MKV = pad(concat(bytes(0x1A, 0x45, 0xDF, 0xA3, 0xA3, 0x42, 0x82, 0x88), ascii("matroska")));
    static final byte[] HTML = ascii("\uFEFF  <!DOCTYPE html><html><body>Not a cat</body></html>");

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static byte[] concat(byte[]... parts) {
        byte[] out = new byte[0];
        for (byte[] part : parts) {
            int at = out.length;
            out = Arrays.copyOf(out, at + part.length);
            System.arraycopy(part, 0, out, at, part.length);
        }
        return out;
    }

    static byte[] pad(byte[] head) {
        return Arrays.copyOf(head, Math.max(head.length, 100));
    }
}
