package com.ailsocialautomation.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * How a file that was cut short is told from a whole one, where the format says so at its end: a PNG ends with its
 * IEND chunk, a GIF with its trailer byte, a WebP's RIFF header gives its length. (A JPEG is shown up to where it was
 * cut, and an ISO file's boxes say their sizes: {@link IsoBoxes}.)
 */
final class Trailers {
    private Trailers() {}

    static void requirePngEnd(FileChannel channel, long size) throws IOException {
        if (size < 20 || !"IEND".equals(ascii(new IsoBoxes(channel).read(size - 8, 4)))) {
            throw new CorruptMedia("PNG without IEND at its end");
        }
    }

    static void requireGifEnd(FileChannel channel, long size) throws IOException {
        if (size < 14 || new IsoBoxes(channel).read(size - 1, 1).get(0) != 0x3B) {
            throw new CorruptMedia("GIF without its trailer");
        }
    }

    static void requireRiffLength(FileChannel channel, long size) throws IOException {
        ByteBuffer head = new IsoBoxes(channel).read(0, 12).order(ByteOrder.LITTLE_ENDIAN);
        long declared = head.getInt(4) & 0xFFFFFFFFL;
        if (declared + 8 > size || declared < 4) {
            throw new CorruptMedia("RIFF declares " + declared + " bytes, the file has " + (size - 8));
        }
    }

    private static String ascii(ByteBuffer bytes) {
        return new String(bytes.array(), 0, bytes.limit(), StandardCharsets.ISO_8859_1);
    }
}
