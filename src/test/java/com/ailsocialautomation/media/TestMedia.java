package com.ailsocialautomation.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Media files for tests outside this package: a plain JPEG picture and an MP4 movie of a given length. */
public final class TestMedia {
    private TestMedia() {}

    public static byte[] jpeg(int width, int height) {
        try {
            return Fixtures.encode(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "jpg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] mp4(int seconds, int width, int height) {
        return IsoFixtures.movie("isom", seconds * 1000, 1000, width, height, false);
    }
}
