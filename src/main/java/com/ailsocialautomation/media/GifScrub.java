package com.ailsocialautomation.media;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A GIF without comments and application data (XMP, vendors' blocks): the looping extension (NETSCAPE2.0,
 * ANIMEXTS1.0), graphic controls and the frames are copied as they are, streaming; nothing after the trailer.
 */
final class GifScrub {
    private GifScrub() {}

    static void scrub(InputStream raw, OutputStream sink) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
        OutputStream out = new BufferedOutputStream(sink, 1 << 16);
        byte[] screen = in.readNBytes(13); // "GIF89a", then the logical screen descriptor
        if (screen.length != 13) {
            throw new CorruptMedia("no GIF header");
        }
        out.write(screen);
        PngScrub.copy(in, out, colourTable(screen[10]));
        while (true) {
            int block = in.readUnsignedByte();
            if (block == 0x3B) {
                out.write(block);
                break;
            }
            if (block == 0x2C) {
                byte[] descriptor = in.readNBytes(9);
                if (descriptor.length != 9) {
                    throw new CorruptMedia("an image descriptor is cut short");
                }
                out.write(block);
                out.write(descriptor);
                PngScrub.copy(in, out, colourTable(descriptor[8]) + 1); // the table, then the LZW code size
                subBlocks(in, out);
            } else if (block == 0x21) {
                extension(in, out);
            } else {
                throw new CorruptMedia("unknown GIF block " + block);
            }
        }
        out.flush();
    }

    private static void extension(DataInputStream in, OutputStream out) throws IOException {
        int label = in.readUnsignedByte();
        if (label == 0xFE) {
            subBlocks(in, OutputStream.nullOutputStream());
            return;
        }
        if (label == 0xFF) {
            int length = in.readUnsignedByte();
            byte[] id = in.readNBytes(length);
            String name = new String(id, StandardCharsets.ISO_8859_1);
            boolean looping = name.equals("NETSCAPE2.0") || name.equals("ANIMEXTS1.0");
            OutputStream to = looping ? out : OutputStream.nullOutputStream();
            to.write(0x21);
            to.write(label);
            to.write(length);
            to.write(id);
            subBlocks(in, to);
            return;
        }
        out.write(0x21);
        out.write(label);
        subBlocks(in, out);
    }

    private static void subBlocks(DataInputStream in, OutputStream out) throws IOException {
        int size;
        do {
            size = in.readUnsignedByte();
            out.write(size);
            PngScrub.copy(in, out, size);
        } while (size > 0);
    }

    /** A colour table's length from a packed field: present when its top bit is set. */
    private static int colourTable(byte packed) {
        return (packed & 0x80) == 0 ? 0 : 3 * (1 << ((packed & 0x07) + 1));
    }
}
