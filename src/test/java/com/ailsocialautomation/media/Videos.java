package com.ailsocialautomation.media;

/** Videos for tests outside this package: an MP4 as a camera writes one (see {@link IsoFixtures#movie}). */
public final class Videos {
    private Videos() {}

    /** An MP4 of {@code seconds} at width × height. */
    public static byte[] mp4(int seconds, int width, int height) {
        return IsoFixtures.movie("isom", seconds * 1000, 1000, width, height, false);
    }
}
