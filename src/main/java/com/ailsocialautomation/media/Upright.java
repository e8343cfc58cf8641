package com.ailsocialautomation.media;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.net.MediaType;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;

/**
 * Turns a photo upright by its EXIF orientation (1 to 8: the TIFF meanings) and encodes it anew without metadata:
 * JPEG at quality 0.92, PNG losslessly. The JDK's decoders convert a picture with an embedded colour profile to sRGB,
 * so the new file, which carries none, shows the same colours. Turning holds the picture twice in memory (4 bytes a
 * pixel at most), so a photo is turned only while both copies fit in half the heap: 16 megapixels at -Xmx256m,
 * more than a phone's 12; a larger one is refused with what to do rather than risk the service's memory.
 */
final class Upright {
    static final long MAX_PIXELS = Runtime.getRuntime().maxMemory() / 2 / (2 * 4);
    private static final float QUALITY = 0.92f;

    private Upright() {}

    /** The EXIF orientation of a JPEG or PNG, 1 when it has none. */
    static int orientation(Path file, MediaType type) throws Exception {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return Frames.orientation(type, channel, Files.size(file));
        }
    }

    static void rewrite(Path file, int orientation, String format, OutputStream out) throws Exception {
        BufferedImage source = decode(file);
        BufferedImage upright = turn(source, orientation);
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("jpeg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(QUALITY);
            }
            writer.write(null, new IIOImage(upright, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static BufferedImage decode(Path file) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new CorruptMedia("no decoder");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    throw new UserError("That photo is " + reader.getWidth(0) + "×" + reader.getHeight(0)
                            + " pixels, too large to turn upright; scale it down and send it again.");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }

    /** Each orientation's mapping from the upright picture's pixel (x, y) back to the stored one. */
    static BufferedImage turn(BufferedImage source, int orientation) {
        int w = source.getWidth();
        int h = source.getHeight();
        boolean quarter = orientation >= 5;
        int dw = quarter ? h : w;
        int dh = quarter ? w : h;
        WritableRaster from = source.getRaster();
        WritableRaster to = source.getColorModel().createCompatibleWritableRaster(dw, dh);
        Object pixel = null;
        for (int y = 0; y < dh; y++) {
            for (int x = 0; x < dw; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    case 8 -> { sx = w - 1 - y; sy = x; }
                    default -> { sx = x; sy = y; }
                }
                pixel = from.getDataElements(sx, sy, pixel);
                to.setDataElements(x, y, pixel);
            }
        }
        return new BufferedImage(source.getColorModel(), to, source.isAlphaPremultiplied(), null);
    }
}
