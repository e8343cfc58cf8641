package com.ailsocialautomation.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The box tree of an ISO base media file (MP4, MOV, HEIC), read header by header from a channel: never a payload,
 * never the whole file. Every box must fit inside its parent and the file, so a damaged or hostile size is caught
 * here, before a metadata library would allocate for it. A box tree is bounded: each box is at least 8 bytes.
 */
final class IsoBoxes {
    /** Boxes that hold only other boxes, as far as AIL looks into them ("meta" is handled apart: see below). */
    static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl", "udta", "edts", "dinf",
            "mvex", "iprp", "ipco", "tref", "gmhd", "tmcd");
    private static final int MAX_BOXES = 100_000;
    /** Real files nest boxes five or six deep; a deeper tree is built to exhaust a recursive reader. */
    static final int MAX_DEPTH = 12;

    /**
     * One box.
     *
     * @param start  its first byte in the file
     * @param header its header's length (8, or 16 with a 64-bit size)
     * @param size   its whole length
     */
    record Box(String type, long start, int header, long size) {
        long payload() {
            return start + header;
        }

        long end() {
            return start + size;
        }
    }

    private final FileChannel channel;
    private int seen;

    IsoBoxes(FileChannel channel) {
        this.channel = channel;
    }

    /** The boxes from {@code from} to {@code to}, each checked to fit; a corrupt size is a {@link CorruptMedia}. */
    List<Box> children(long from, long to) throws IOException {
        List<Box> boxes = new ArrayList<>();
        long at = from;
        while (at < to) {
            if (to - at < 8 || ++seen > MAX_BOXES) {
                throw new CorruptMedia("a box is cut short at byte " + at);
            }
            ByteBuffer head = read(at, 16 <= to - at ? 16 : 8);
            long size = head.getInt(0) & 0xFFFFFFFFL;
            String type = new String(head.array(), 4, 4, StandardCharsets.ISO_8859_1);
            int header = 8;
            if (size == 1) {
                if (head.limit() < 16) {
                    throw new CorruptMedia("box " + type + " is cut short");
                }
                size = head.getLong(8);
                header = 16;
            } else if (size == 0) {
                size = to - at; // to the end of the file
            }
            if (size < header || size > to - at) {
                throw new CorruptMedia("box " + type + " at byte " + at + " claims " + size + " bytes, "
                        + (to - at) + " remain");
            }
            boxes.add(new Box(type, at, header, size));
            at += size;
        }
        return boxes;
    }

    /** Checks the whole tree under {@code box}: every container's children fit in it, at most {@link #MAX_DEPTH} deep. */
    void check(Box box) throws IOException {
        check(box, 0);
    }

    private void check(Box box, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new CorruptMedia("boxes nested deeper than " + MAX_DEPTH);
        }
        checkTable(box);
        boolean meta = box.type().equals("meta");
        if (CONTAINERS.contains(box.type()) || meta) {
            for (Box child : children(meta ? metaChildren(box) : box.payload(), box.end())) {
                check(child, depth + 1);
            }
        }
    }

    /**
     * A sample table's entry count must fit in its box: metadata-extractor's QuickTime reader sets aside room for
     * every entry a count claims before reading any.
     */
    private void checkTable(Box box) throws IOException {
        int entry = switch (box.type()) {
            case "stsd" -> 16;
            case "stts" -> 8;
            default -> 0;
        };
        if (entry == 0) {
            return;
        }
        long room = box.size() - box.header() - 8;
        if (room < 0) {
            throw new CorruptMedia("box " + box.type() + " is cut short");
        }
        long count = read(box.payload() + 4, 4).getInt(0) & 0xFFFFFFFFL;
        if (count * entry > room) {
            throw new CorruptMedia("box " + box.type() + " claims " + count + " entries in " + room + " bytes");
        }
    }

    /**
     * Where a "meta" box's children start: ISO's meta is a full box (4 bytes of version and flags first), Apple's
     * QuickTime meta is not. Told apart by whether a plausible box header ("hdlr" in either) follows.
     */
    long metaChildren(Box meta) throws IOException {
        if (meta.size() >= meta.header() + 12) {
            ByteBuffer head = read(meta.payload(), 12);
            if ("hdlr".equals(new String(head.array(), 8, 4, StandardCharsets.ISO_8859_1))) {
                return meta.payload() + 4;
            }
        }
        return meta.payload();
    }

    static Optional<Box> first(List<Box> boxes, String type) {
        return boxes.stream().filter(b -> b.type().equals(type)).findFirst();
    }

    ByteBuffer read(long at, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, at + buffer.position()) < 0) {
                throw new CorruptMedia("the file ends at byte " + (at + buffer.position()));
            }
        }
        return buffer.flip();
    }
}
