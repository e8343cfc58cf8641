package com.ailsocialautomation.media;

import com.ailsocialautomation.net.MediaSniffer;
import com.ailsocialautomation.net.MediaType;
import com.ailsocialautomation.platform.MediaFacts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

/**
 * Learns a copied file's facts from its bytes: the format by its magic bytes, then width, height and a video's
 * duration. A file that is none of the accepted formats is a UserError saying what it is.
 * (Dimensions and duration: issue 14.2, to be read with a maintained metadata library.)
 */
public final class Inspector {
    private Inspector() {}

    public static MediaFacts inspect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        }
        MediaType type = MediaSniffer.require(head, EnumSet.allOf(MediaType.class));
        return new MediaFacts(type, Files.size(file), 0, 0, null);
    }
}
