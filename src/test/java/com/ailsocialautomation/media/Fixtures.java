package com.ailsocialautomation.media;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Small media files built in the test, as cameras and phones write them: pictures drawn with ImageIO, EXIF with GPS
 * and camera fields, XMP, comments, and ISO boxes for MP4, MOV and HEIC. Every private value carries a marker that
 * must not survive scrubbing.
 */
public final class Fixtures {
    public static final String CAMERA = "SecretCam X100";
    static final String PLACE = "+48.8584+002.2945/";
    static final String XMP = "<x:xmpmeta><rdf:Description exif:GPSLatitude=\"48,51.5N\" note=\"SecretXmp\"/></x:xmpmeta>";
    static final String COMMENT = "SecretComment";

    private Fixtures() {}

    /** A picture whose left half is red and right half blue, so a turn is visible. */
    static BufferedImage halves(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, out)) {
            throw new IllegalStateException("no writer for " + format);
        }
        return out.toByteArray();
    }

    /** A big-endian TIFF block: IFD0 with Make, Model, Orientation and a GPS IFD with latitude. */
    static byte[] tiff(int orientation) {
        ByteBuffer b = ByteBuffer.allocate(200).order(ByteOrder.BIG_ENDIAN);
        byte[] make = (CAMERA + "\0").getBytes(StandardCharsets.US_ASCII); // 15 bytes
        b.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        int entries = 4;
        int ifd0End = 8 + 2 + entries * 12 + 4; // 62
        int makeAt = ifd0End;
        int gpsAt = makeAt + make.length + 1; // even
        b.putShort((short) entries);
        entry(b, 0x010F, 2, make.length, makeAt);
        entry(b, 0x0110, 2, make.length, makeAt);
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        entry(b, 0x8825, 4, 1, gpsAt);
        b.putInt(0);
        b.put(make).put((byte) 0);
        int rationalsAt = gpsAt + 2 + 2 * 12 + 4;
        b.putShort((short) 2);
        b.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        entry(b, 2, 5, 3, rationalsAt);
        b.putInt(0);
        b.putInt(48).putInt(1).putInt(51).putInt(1).putInt(3030).putInt(100);
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    /** A JPEG as a phone writes it: EXIF (camera, GPS, orientation), XMP, a comment, and data after its end. */
    public static byte[] jpeg(int width, int height, int orientation) throws IOException {
        return jpeg(halves(width, height), orientation);
    }

    static byte[] jpeg(BufferedImage picture, int orientation) throws IOException {
        byte[] plain = encode(picture, "jpeg");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        segment(out, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff(orientation)));
        segment(out, 0xE1, ("http://ns.adobe.com/xap/1.0/\0" + XMP).getBytes(StandardCharsets.UTF_8));
        segment(out, 0xFE, COMMENT.getBytes(StandardCharsets.US_ASCII));
        out.write(plain, 2, plain.length - 2);
        out.write(("MotionPhoto " + PLACE).getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        out.write(0xFF);
        out.write(marker);
        out.write((payload.length + 2) >> 8);
        out.write((payload.length + 2) & 0xFF);
        out.writeBytes(payload);
    }

    /** A PNG with EXIF (eXIf), text and XMP chunks and a time stamp. */
    static byte[] png(int width, int height, int orientation) throws IOException {
        byte[] plain = encode(halves(width, height), "png");
        int afterHeader = 8 + 25; // the signature and IHDR
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, afterHeader);
        chunk(out, "eXIf", tiff(orientation));
        chunk(out, "tEXt", ("Comment\0" + COMMENT).getBytes(StandardCharsets.ISO_8859_1));
        chunk(out, "iTXt", ("XML:com.adobe.xmp\0\0\0\0\0" + XMP).getBytes(StandardCharsets.UTF_8));
        chunk(out, "tIME", new byte[] {0x07, (byte) 0xEA, 1, 2, 3, 4, 5});
        out.write(plain, afterHeader, plain.length - afterHeader);
        return out.toByteArray();
    }

    static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A GIF with a looping extension, a comment and an XMP application extension. */
    static byte[] gif(int width, int height) throws IOException {
        byte[] plain = encode(halves(width, height), "gif");
        int table = (plain[10] & 0x80) == 0 ? 0 : 3 * (1 << ((plain[10] & 7) + 1));
        int at = 13 + table;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, at);
        out.writeBytes(new byte[] {0x21, (byte) 0xFF, 11});
        out.writeBytes("NETSCAPE2.0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {3, 1, 0, 0, 0});
        out.writeBytes(new byte[] {0x21, (byte) 0xFE, (byte) COMMENT.length()});
        out.writeBytes(COMMENT.getBytes(StandardCharsets.US_ASCII));
        out.write(0);
        out.writeBytes(new byte[] {0x21, (byte) 0xFF, 11});
        out.writeBytes("XMP DataXMP".getBytes(StandardCharsets.US_ASCII));
        byte[] xmp = XMP.getBytes(StandardCharsets.UTF_8);
        out.write(xmp.length);
        out.writeBytes(xmp);
        out.write(0);
        out.write(plain, at, plain.length - at);
        return out.toByteArray();
    }

    /** A 1×1 lossless WebP in the extended format, with EXIF and XMP chunks. */
    static byte[] webp() {
        byte[] vp8l = {0x2f, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, (byte) 0x88, (byte) 0x88, (byte) 0xfe, 0x07, 0};
        byte[] body = concat("WEBP".getBytes(StandardCharsets.ISO_8859_1),
                riff("VP8X", new byte[] {0x0C, 0, 0, 0, 0, 0, 0, 0, 0, 0}),
                riff("VP8L", java.util.Arrays.copyOf(vp8l, 13)),
                riff("EXIF", tiff(1)), riff("XMP ", XMP.getBytes(StandardCharsets.UTF_8)));
        return concat("RIFF".getBytes(StandardCharsets.ISO_8859_1), le(body.length), body);
    }

    private static byte[] riff(String type, byte[] data) {
        byte[] pad = new byte[data.length & 1];
        return concat(type.getBytes(StandardCharsets.ISO_8859_1), le(data.length), data, pad);
    }

    private static byte[] le(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
