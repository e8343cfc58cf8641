package com.ailsocialautomation.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.List;

/**
 * An MP4 or MOV without location, camera and software data, changed in place so that no offset moves (the sample
 * tables point into the file by absolute position): every "udta" box (where ©xyz, loci and the camera's make and
 * model live) and "meta" box (Apple's keys such as com.apple.quicktime.location.ISO6709) inside the movie or its
 * tracks, and a top-level XMP "uuid" box, become "free" boxes of zeros. Streams over the file; never loads it.
 */
final class MovieScrub {
    private static final byte[] FREE = "free".getBytes(StandardCharsets.ISO_8859_1);
    private static final String XMP_UUID = "be7acfcb97a942e89c71999491e3afac";

    private MovieScrub() {}

    static void scrub(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            IsoBoxes boxes = new IsoBoxes(channel);
            for (IsoBoxes.Box box : boxes.children(0, channel.size())) {
                if (box.type().equals("moov")) {
                    boxes.check(box);
                    clean(boxes, channel, boxes.children(box.payload(), box.end()));
                } else if (box.type().equals("meta") || isXmp(boxes, box)) {
                    blank(channel, box);
                }
            }
        }
    }

    private static void clean(IsoBoxes boxes, FileChannel channel, List<IsoBoxes.Box> children) throws IOException {
        for (IsoBoxes.Box box : children) {
            if (box.type().equals("udta") || box.type().equals("meta")) {
                blank(channel, box);
            } else if (IsoBoxes.CONTAINERS.contains(box.type())) {
                clean(boxes, channel, boxes.children(box.payload(), box.end()));
            }
        }
    }

    private static boolean isXmp(IsoBoxes boxes, IsoBoxes.Box box) throws IOException {
        return box.type().equals("uuid") && box.size() >= box.header() + 16
                && HexFormat.of().formatHex(boxes.read(box.payload(), 16).array()).equals(XMP_UUID);
    }

    /** Renames the box to "free" and writes zeros over everything after its header. */
    static void blank(FileChannel channel, IsoBoxes.Box box) throws IOException {
        write(channel, ByteBuffer.wrap(FREE), box.start() + 4);
        zero(channel, box.payload(), box.end());
    }

    /** Writes zeros from {@code from} up to {@code to}, a block at a time. */
    static void zero(FileChannel channel, long from, long to) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocate(1 << 16);
        for (long at = from; at < to; at += zeros.capacity()) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), to - at));
            write(channel, zeros, at);
        }
    }

    private static void write(FileChannel channel, ByteBuffer bytes, long at) throws IOException {
        long position = at;
        while (bytes.hasRemaining()) {
            position += channel.write(bytes, position);
        }
    }
}
