package com.ailsocialautomation.media;

import com.ailsocialautomation.platform.MediaFacts;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Removes private metadata from a copied file before AIL stores it: EXIF, GPS, XMP and maker notes from photos (the
 * orientation applied to the pixels first), location atoms from video. Returns the file's facts afterwards.
 * (Issue 14.4: not yet done; this returns the facts unchanged.)
 */
public final class Scrubber {
    private Scrubber() {}

    public static MediaFacts scrub(Path file, MediaFacts facts) throws IOException {
        return facts;
    }
}
