package com.ailsocialautomation.media;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

/** Real images for media tests, made with the JDK's own encoder. */
public final class Pictures {
    private Pictures() {}

    /** A PNG of {@code width} x {@code height}; {@code noisy} makes it incompressible (large). */
    public static byte[] png(int width, int height, boolean noisy) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(width * 31L + height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, noisy ? random.nextInt(0xFFFFFF) : 0xCC2200);
            }
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
