package com.ailsocialautomation.media;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static com.ailsocialautomation.media.Fixtures.concat;

/**
 * MP4, MOV and HEIC files built box by box as cameras write them: a movie header with its length, one video track
 * (turned a quarter when asked), the location in udta/©xyz and in Apple's meta keys, then the media data; a HEIC
 * with its size property and an EXIF item in mdat. The samples are not real video: only the structure is.
 */
public final class IsoFixtures {
    private IsoFixtures() {}

    static byte[] box(String type, byte[]... payload) {
        byte[] body = concat(payload);
        return concat(ByteBuffer.allocate(4).putInt(body.length + 8).array(),
                type.getBytes(StandardCharsets.ISO_8859_1), body);
    }

    static byte[] full(String type, int version, byte[]... payload) {
        return box(type, concat(new byte[] {(byte) version, 0, 0, 0}, concat(payload)));
    }

    private static byte[] ints(int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    private static byte[] shorts(int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 2);
        for (int v : values) {
            b.putShort((short) v);
        }
        return b.array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The identity matrix, or a quarter turn clockwise as phones write a portrait video. */
    private static byte[] matrix(boolean quarter) {
        return quarter ? ints(0, 0x10000, 0, -0x10000, 0, 0, 0, 0, 0x40000000)
                : ints(0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000);
    }

    /** An MP4 (or MOV with brand "qt  ") of {@code units / scale} seconds, width × height as stored. */
    public static byte[] movie(String brand, int units, int scale, int width, int height, boolean quarter) {
        return movie(brand, units, scale, width, height, quarter, 4096);
    }

    /** The same with {@code mediaBytes} of media data: a video as large as a test needs. */
    public static byte[] movie(String brand, int units, int scale, int width, int height, boolean quarter, int mediaBytes) {
        byte[] mvhd = full("mvhd", 0, ints(0, 0, scale, units, 0x10000), shorts(0x100), new byte[10], matrix(false),
                new byte[24], ints(2));
        byte[] tkhd = full("tkhd", 0, ints(0, 0, 1, 0, units), new byte[8], shorts(0, 0, 0, 0), matrix(quarter),
                ints(width << 16, height << 16));
        byte[] mdhd = full("mdhd", 0, ints(0, 0, scale, units), shorts(0x55c4, 0));
        byte[] hdlr = brand.equals("qt  ")
                ? full("hdlr", 0, ascii("mhlr"), ascii("vide"), new byte[12], ascii("\0"))
                : full("hdlr", 0, ints(0), ascii("vide"), new byte[12], ascii("VideoHandler\0"));
        byte[] entry = box("avc1", new byte[6], shorts(1), shorts(0, 0), ascii("appl"), ints(0, 0),
                shorts(width, height), ints(0x480000, 0x480000, 0), shorts(1), new byte[32], shorts(24, -1));
        byte[] stbl = box("stbl", full("stsd", 0, ints(1), entry), full("stts", 0, ints(1, 1, units)));
        byte[] minf = box("minf", full("vmhd", 0, shorts(0, 0, 0, 0)), stbl);
        byte[] trak = box("trak", tkhd, box("mdia", mdhd, hdlr, minf),
                box("udta", box("\u00A9mak", shorts(8, 0), ascii("SecretCm"))));
        byte[] xyz = concat(shorts(Fixtures.PLACE.length(), 0x15c7), ascii(Fixtures.PLACE));
        byte[] udta = box("udta", box("\u00A9xyz", xyz), box("\u00A9mod", shorts(14, 0), ascii(Fixtures.CAMERA)));
        byte[] keys = full("keys", 0, ints(1), box("mdta", ascii("com.apple.quicktime.location.ISO6709")));
        byte[] ilst = box("ilst", box(new String(new byte[] {0, 0, 0, 1}, StandardCharsets.ISO_8859_1),
                box("data", ints(1, 0), ascii(Fixtures.PLACE))));
        byte[] meta = box("meta", full("hdlr", 0, ints(0), ascii("mdta"), new byte[12], ascii("\0")), keys, ilst);
        byte[] moov = box("moov", mvhd, trak, udta, meta);
        byte[] ftyp = box("ftyp", ascii(brand), ints(0x200), ascii(brand), ascii("isom"));
        return concat(ftyp, moov, box("mdat", new byte[mediaBytes]));
    }

    /** A HEIC of width × height, turned a quarter by irot when asked, with an EXIF item carrying GPS. */
    static byte[] heic(int width, int height, boolean quarter) {
        byte[] exif = concat(ints(6), ascii("Exif\0\0"), Fixtures.tiff(1));
        byte[] hdlr = full("hdlr", 0, ints(0), ascii("pict"), new byte[12], ascii("\0"));
        byte[] pitm = full("pitm", 0, shorts(1));
        byte[] iinf = full("iinf", 0, shorts(2),
                full("infe", 2, shorts(1, 0), ascii("hvc1"), ascii("\0")),
                full("infe", 2, shorts(2, 0), ascii("Exif"), ascii("\0")));
        byte[] ispe = full("ispe", 0, ints(width, height));
        byte[] irot = box("irot", new byte[] {(byte) (quarter ? 3 : 0)});
        byte[] ipma = full("ipma", 0, ints(1), shorts(1), new byte[] {2, (byte) 0x81, (byte) 0x82});
        byte[] iprp = box("iprp", box("ipco", ispe, irot), ipma);
        // iloc v0: offset and length 4 bytes, no base offset; the offsets are patched in once the layout is known
        byte[] iloc = full("iloc", 0, new byte[] {0x44, 0}, shorts(2), shorts(1, 0, 1), ints(0, 16), shorts(2, 0, 1),
                ints(0, exif.length));
        byte[] meta = full("meta", 0, hdlr, pitm, iloc, iinf, iprp);
        byte[] ftyp = box("ftyp", ascii("heic"), ints(0), ascii("mif1"), ascii("heic"));
        byte[] mdat = box("mdat", new byte[16], exif);
        byte[] file = concat(ftyp, meta, mdat);
        int data = ftyp.length + meta.length + 8;
        int ilocAt = indexOf(file, ascii("iloc"));
        ByteBuffer patch = ByteBuffer.wrap(file);
        patch.putInt(ilocAt + 4 + 4 + 2 + 2 + 6, data); // item 1's extent offset
        patch.putInt(ilocAt + 4 + 4 + 2 + 2 + 14 + 6, data + 16); // item 2's
        return file;
    }

    /** A WebM of width × height and this many milliseconds, up to its first cluster. */
    static byte[] webm(int width, int height, double millis) {
        byte[] header = ebml(0x1A45DFA3, concat(ebml(0x4282, ascii("webm")), ebml(0x4287, new byte[] {4})));
        byte[] info = ebml(0x1549A966, concat(ebml(0x2AD7B1, new byte[] {0x0F, 0x42, 0x40}),
                ebml(0x4489, ByteBuffer.allocate(8).putDouble(millis).array())));
        byte[] video = ebml(0xE0, concat(ebml(0xB0, shorts(width)), ebml(0xBA, shorts(height))));
        byte[] tracks = ebml(0x1654AE6B, ebml(0xAE, concat(ebml(0x83, new byte[] {1}), video)));
        byte[] cluster = ebml(0x1F43B675, ebml(0xE7, new byte[] {0}));
        return concat(header, ebml(0x18538067, concat(info, tracks, cluster)));
    }

    private static byte[] ebml(long id, byte[] data) {
        byte[] idBytes = ByteBuffer.allocate(8).putLong(id).array();
        int skip = 0;
        while (idBytes[skip] == 0) {
            skip++;
        }
        byte[] size = ByteBuffer.allocate(8).putLong(0x0100000000000000L | data.length).array();
        return concat(java.util.Arrays.copyOfRange(idBytes, skip, 8), size, data);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
