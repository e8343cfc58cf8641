package com.ailsocialautomation.media;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.net.MediaType;
import com.ailsocialautomation.platform.MediaFacts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Removes private metadata from a copied file, in place, before AIL stores it. Photos lose EXIF (GPS, camera, maker
 * notes), XMP, IPTC, comments and text chunks, with the orientation applied to the pixels first so the picture
 * still stands the right way ({@link JpegScrub}, {@link PngScrub}, {@link WebpScrub}, {@link GifScrub}). Videos
 * keep their bytes where they are, but every user-data and metadata box (location, camera, software) is renamed to
 * "free" and zeroed ({@link MovieScrub}). Returns the file's facts afterwards: its new size; the frame as shown is
 * unchanged.
 *
 * <p>What is kept on purpose: colour profiles (ICC), which describe the screen, not the person; a GIF's looping
 * extension; a WebM's tags (no camera writes location there); a HEIC's item structure, with its EXIF and XMP items
 * zeroed ({@link HeicScrub}).
 */
public final class Scrubber {
    private Scrubber() {}

    public static MediaFacts scrub(Path file, MediaFacts facts) throws IOException {
        MediaType type = facts.type();
        try {
            switch (type) {
                case MP4, MOV -> MovieScrub.scrub(file);
                case HEIC -> HeicScrub.scrub(file);
                case WEBM -> { } // see the class comment
                default -> rewrite(file, type);
            }
        } catch (UserError e) {
            throw e;
        } catch (Exception e) {
            throw Inspector.unreadable(type);
        }
        return new MediaFacts(type, Files.size(file), facts.width(), facts.height(), facts.duration());
    }

    /** Images are written anew beside the file and moved over it, so a failure leaves the original untouched. */
    private static void rewrite(Path file, MediaType type) throws Exception {
        Path clean = Files.createTempFile(file.toAbsolutePath().getParent(), "scrub", ".tmp");
        try {
            try (InputStream in = Files.newInputStream(file); OutputStream out = Files.newOutputStream(clean)) {
                switch (type) {
                    case JPEG -> JpegScrub.scrub(file, in, out);
                    case PNG -> PngScrub.scrub(file, in, out);
                    case WEBP -> WebpScrub.scrub(file, out);
                    case GIF -> GifScrub.scrub(in, out);
                    default -> throw new IllegalArgumentException(type.name());
                }
            }
            Files.move(clean, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(clean);
        }
    }
}
