package com.ailsocialautomation.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Duration;

/**
 * A WebM's frame and length, which metadata-extractor does not read: the EBML elements Segment › Info
 * (TimestampScale, Duration) and Segment › Tracks › TrackEntry › Video (PixelWidth, PixelHeight). Only element
 * headers and those few numbers are read; the clusters (the pictures and sound) are never entered, and every
 * element must fit in its parent.
 */
final class Matroska {
    private static final long SEGMENT = 0x18538067L;
    private static final long INFO = 0x1549A966L;
    private static final long TRACKS = 0x1654AE6BL;
    private static final long TRACK_ENTRY = 0xAE;
    private static final long VIDEO = 0xE0;
    private static final long CLUSTER = 0x1F43B675L;
    private static final long SCALE = 0x2AD7B1L;
    private static final long DURATION = 0x4489;
    private static final long WIDTH = 0xB0;
    private static final long HEIGHT = 0xBA;
    private static final int MAX_ELEMENTS = 10_000;

    private final IsoBoxes file;
    private long scale = 1_000_000; // nanoseconds per timestamp unit, unless Info says otherwise
    private double units = -1;
    private long width;
    private long height;
    private int seen;

    private Matroska(FileChannel channel) {
        this.file = new IsoBoxes(channel);
    }

    static Frames.Frame frame(FileChannel channel, long size) throws IOException {
        Matroska m = new Matroska(channel);
        m.walk(0, size, 0);
        Duration length = m.units < 0 ? null : Duration.ofNanos(Math.round(m.units * m.scale));
        return new Frames.Frame((int) Math.min(m.width, Integer.MAX_VALUE), (int) Math.min(m.height, Integer.MAX_VALUE), length);
    }

    /** Reads the elements between from and to; returns false once a cluster is reached (nothing after matters). */
    private boolean walk(long from, long to, int depth) throws IOException {
        long at = from;
        while (at < to) {
            if (++seen > MAX_ELEMENTS || depth > 6) {
                throw new CorruptMedia("too many elements");
            }
            ByteBuffer head = file.read(at, (int) Math.min(12, to - at));
            int idLength = length(head.get(0));
            long id = value(head, 0, idLength, false);
            int sizeLength = length(head.get(idLength));
            long size = value(head, idLength, sizeLength, true);
            long body = at + idLength + sizeLength;
            long end = size < 0 ? to : body + size; // an unknown size (live streams) runs to the parent's end
            if (end > to) {
                throw new CorruptMedia("element " + Long.toHexString(id) + " runs past its parent");
            }
            if (id == CLUSTER) {
                return false;
            }
            if (id == SEGMENT || id == INFO || id == TRACKS || id == TRACK_ENTRY || id == VIDEO) {
                if (!walk(body, end, depth + 1)) {
                    return false;
                }
            } else if (id == SCALE) {
                scale = number(body, size);
            } else if (id == DURATION && (size == 4 || size == 8)) {
                ByteBuffer value = file.read(body, (int) size);
                units = size == 4 ? value.getFloat(0) : value.getDouble(0);
            } else if (id == WIDTH && width == 0) {
                width = number(body, size);
            } else if (id == HEIGHT && height == 0) {
                height = number(body, size);
            }
            at = end;
        }
        return true;
    }

    private long number(long at, long size) throws IOException {
        if (size < 1 || size > 8) {
            throw new CorruptMedia("a number of " + size + " bytes");
        }
        ByteBuffer bytes = file.read(at, (int) size);
        long value = 0;
        for (int i = 0; i < size; i++) {
            value = (value << 8) | (bytes.get(i) & 0xFF);
        }
        return value;
    }

    /** An EBML variable-length integer's length, from its first byte's leading zeros. */
    private static int length(byte first) throws CorruptMedia {
        int leading = Integer.numberOfLeadingZeros(first & 0xFF) - 24;
        if (leading > 7) {
            throw new CorruptMedia("a variable-length integer starting with 0");
        }
        return leading + 1;
    }

    /** An ID keeps its marker bit; a size loses it, and a size of all ones is unknown (-1). */
    private static long value(ByteBuffer head, int offset, int length, boolean size) throws CorruptMedia {
        if (offset + length > head.limit()) {
            throw new CorruptMedia("an element header is cut short");
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            value = (value << 8) | (head.get(offset + i) & 0xFF);
        }
        if (!size) {
            return value;
        }
        long mask = (1L << (7 * length)) - 1;
        value &= mask;
        return value == mask ? -1 : value;
    }
}
