package com.ailsocialautomation.media;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.net.MediaSniffer;
import com.ailsocialautomation.net.MediaType;
import com.ailsocialautomation.platform.MediaFacts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;

/**
 * Learns a copied file's facts from its bytes: the format by its magic bytes, then width and height as the picture
 * is shown (a photo whose EXIF orientation turns it reports the turned size) and a video's length, read with
 * metadata-extractor ({@link Frames}). A file that is none of the accepted formats, or whose structure is broken
 * (cut short, a size that does not fit), is a UserError saying so; nothing is read past the file's end or
 * allocated beyond a bound, so no file makes this hang or run out of memory.
 */
public final class Inspector {
    private Inspector() {}

    public static MediaFacts inspect(Path file) throws IOException {
        long size = Files.size(file);
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        }
        MediaType type = MediaSniffer.require(head, EnumSet.allOf(MediaType.class));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Frames.Frame frame = Frames.read(type, channel, size);
            if (frame.width() <= 0 || frame.height() <= 0 || (type.isVideo() && type != MediaType.WEBM
                    && frame.duration() == null)) {
                throw new CorruptMedia("no size" + (type.isVideo() ? " or length" : "") + " found");
            }
            return new MediaFacts(type, size, frame.width(), frame.height(), frame.duration());
        } catch (UserError e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            // CorruptMedia, or metadata-extractor's own exceptions for a damaged file (and its index errors on
            // nonsense values, or its recursion on a tree IsoBoxes did not look into); the file is AIL's own local
            // copy, so a read error is the file's, too
            throw unreadable(type);
        }
    }

    static UserError unreadable(MediaType type) {
        return new UserError("That file looks like " + type.displayName() + " but cannot be read: it may be "
                + "cut short or damaged. Save or export it again and send it anew.");
    }
}
