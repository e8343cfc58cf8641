package com.ailsocialautomation.media;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A JPEG without its metadata. Upright already (orientation 1 or none): its segments are copied as they are but for
 * APP1 (EXIF with GPS and maker notes, XMP), APP3 to APP13 and APP15 (IPTC, Photoshop, vendors' data), other APP2
 * than the colour profile, and comments; nothing after the end-of-image marker is kept (phones append motion clips
 * and depth maps there). Turned by its orientation: decoded, turned upright and encoded anew at high quality
 * ({@link Upright}), which writes no metadata at all.
 */
final class JpegScrub {
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;

    private JpegScrub() {}

    static void scrub(Path file, InputStream raw, OutputStream sink) throws Exception {
        int orientation = Upright.orientation(file, com.ailsocialautomation.net.MediaType.JPEG);
        if (orientation > 1 && orientation <= 8) {
            Upright.rewrite(file, orientation, "jpeg", sink);
            return;
        }
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
        OutputStream out = new BufferedOutputStream(sink, 1 << 16);
        if (in.readUnsignedByte() != 0xFF || in.readUnsignedByte() != 0xD8) {
            throw new CorruptMedia("no start of image");
        }
        out.write(0xFF);
        out.write(0xD8);
        int marker = nextMarker(in);
        while (marker != EOI) {
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                out.write(0xFF);
                out.write(marker);
                marker = nextMarker(in);
                continue;
            }
            int length = in.readUnsignedShort();
            if (length < 2) {
                throw new CorruptMedia("a segment of length " + length);
            }
            byte[] payload = in.readNBytes(length - 2);
            if (payload.length != length - 2) {
                throw new EOFException("segment cut short");
            }
            if (keep(marker, payload)) {
                out.write(0xFF);
                out.write(marker);
                out.write(length >> 8);
                out.write(length & 0xFF);
                out.write(payload);
            }
            marker = marker == SOS ? copyScan(in, out) : nextMarker(in);
        }
        out.write(0xFF);
        out.write(EOI);
        out.flush();
    }

    /** The frame, tables and colour profile stay; every other application segment and comment goes. */
    private static boolean keep(int marker, byte[] payload) {
        if (marker == 0xFE) {
            return false;
        }
        if (marker < 0xE0 || marker > 0xEF) {
            return true;
        }
        return (marker == 0xE0 && starts(payload, "JFIF\0"))
                || (marker == 0xE2 && starts(payload, "ICC_PROFILE\0"))
                || (marker == 0xEE && starts(payload, "Adobe"));
    }

    /** Copies entropy-coded data up to the next marker that is not a restart or a stuffed byte; returns it. */
    private static int copyScan(DataInputStream in, OutputStream out) throws IOException {
        while (true) {
            int b = in.readUnsignedByte();
            if (b != 0xFF) {
                out.write(b);
                continue;
            }
            int next = in.readUnsignedByte();
            while (next == 0xFF) {
                next = in.readUnsignedByte();
            }
            if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                out.write(0xFF);
                out.write(next);
            } else {
                return next;
            }
        }
    }

    private static int nextMarker(DataInputStream in) throws IOException {
        int b = in.readUnsignedByte();
        if (b != 0xFF) {
            throw new CorruptMedia("expected a marker, found " + b);
        }
        int marker = in.readUnsignedByte();
        while (marker == 0xFF) {
            marker = in.readUnsignedByte();
        }
        return marker;
    }

    private static boolean starts(byte[] payload, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
        if (payload.length < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (payload[i] != p[i]) {
                return false;
            }
        }
        return true;
    }
}
