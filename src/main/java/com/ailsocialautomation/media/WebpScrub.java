package com.ailsocialautomation.media;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A WebP without its EXIF and XMP chunks: the other chunks are copied as they are, the extended header's (VP8X)
 * flags for EXIF and XMP are cleared and the RIFF length is written anew. WebP decoders do not turn a picture by an
 * EXIF orientation, so none is applied: the picture stays as every browser already shows it.
 */
final class WebpScrub {
    private static final int EXIF_FLAG = 0x08;
    private static final int XMP_FLAG = 0x04;

    private record Chunk(String type, long start, long length) {
        long padded() {
            return 8 + length + (length & 1);
        }
    }

    private WebpScrub() {}

    static void scrub(Path file, OutputStream sink) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            IsoBoxes reader = new IsoBoxes(channel);
            ByteBuffer riff = reader.read(0, 12).order(ByteOrder.LITTLE_ENDIAN);
            long end = Math.min(8 + (riff.getInt(4) & 0xFFFFFFFFL), channel.size());
            List<Chunk> kept = new ArrayList<>();
            long at = 12;
            while (at + 8 <= end) {
                ByteBuffer head = reader.read(at, 8).order(ByteOrder.LITTLE_ENDIAN);
                Chunk chunk = new Chunk(new String(head.array(), 0, 4, StandardCharsets.ISO_8859_1), at,
                        head.getInt(4) & 0xFFFFFFFFL);
                if (at + 8 + chunk.length() > end) {
                    throw new CorruptMedia("chunk " + chunk.type() + " runs past the file");
                }
                if (!chunk.type().equals("EXIF") && !chunk.type().equals("XMP ")) {
                    kept.add(chunk);
                }
                at += chunk.padded();
            }
            long body = 4 + kept.stream().mapToLong(Chunk::padded).sum();
            OutputStream out = new BufferedOutputStream(sink, 1 << 16);
            ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            header.put("RIFF".getBytes(StandardCharsets.ISO_8859_1)).putInt((int) body)
                    .put("WEBP".getBytes(StandardCharsets.ISO_8859_1));
            out.write(header.array());
            WritableByteChannel target = Channels.newChannel(out);
            for (Chunk chunk : kept) {
                if (chunk.type().equals("VP8X") && chunk.length() >= 1) {
                    ByteBuffer vp8x = reader.read(chunk.start(), (int) Math.min(chunk.padded(), 64));
                    vp8x.put(8, (byte) (vp8x.get(8) & ~(EXIF_FLAG | XMP_FLAG)));
                    out.write(vp8x.array(), 0, vp8x.limit());
                    copy(channel, chunk.start() + vp8x.limit(), chunk.padded() - vp8x.limit(), target);
                } else {
                    copy(channel, chunk.start(), chunk.padded(), target);
                }
            }
            out.flush();
        }
    }

    private static void copy(FileChannel from, long position, long count, WritableByteChannel to) throws IOException {
        long done = 0;
        while (done < count) {
            long n = from.transferTo(position + done, count - done, to);
            if (n <= 0) {
                throw new CorruptMedia("cut short");
            }
            done += n;
        }
    }
}
