package com.ailsocialautomation.media;

import com.ailsocialautomation.net.MediaType;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

/**
 * A PNG without its metadata: the chunks eXIf (EXIF), tEXt, zTXt and iTXt (text, XMP) and tIME are left out, every
 * other chunk is copied as it is (each carries its own checksum), streaming, and nothing after IEND is kept. A PNG
 * that an EXIF orientation turns is decoded, turned and encoded anew, losslessly ({@link Upright}).
 */
final class PngScrub {
    private static final Set<String> DROPPED = Set.of("eXIf", "tEXt", "zTXt", "iTXt", "tIME");

    private PngScrub() {}

    static void scrub(Path file, InputStream raw, OutputStream sink) throws Exception {
        int orientation = Upright.orientation(file, MediaType.PNG);
        if (orientation > 1 && orientation <= 8) {
            Upright.rewrite(file, orientation, "png", sink);
            return;
        }
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(sink, 1 << 16));
        byte[] signature = in.readNBytes(8);
        if (signature.length != 8) {
            throw new EOFException("no signature");
        }
        out.write(signature);
        String type = "";
        while (!type.equals("IEND")) {
            long length = in.readInt() & 0xFFFFFFFFL;
            byte[] name = in.readNBytes(4);
            if (name.length != 4 || length > Integer.MAX_VALUE) {
                throw new CorruptMedia("a chunk header is cut short or too long");
            }
            type = new String(name, StandardCharsets.ISO_8859_1);
            boolean keep = !DROPPED.contains(type);
            if (keep) {
                out.writeInt((int) length);
                out.write(name);
            }
            copy(in, keep ? out : OutputStream.nullOutputStream(), length + 4); // the data and its CRC
        }
        out.flush();
    }

    static void copy(InputStream in, OutputStream out, long count) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long left = count;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("cut short");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }
}
