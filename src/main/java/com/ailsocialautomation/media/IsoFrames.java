package com.ailsocialautomation.media;

import com.ailsocialautomation.net.MediaType;
import com.drew.imaging.heif.HeifMetadataReader;
import com.drew.imaging.mp4.Mp4MetadataReader;
import com.drew.imaging.quicktime.QuickTimeMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.heif.HeifDirectory;
import com.drew.metadata.mov.QuickTimeDirectory;
import com.drew.metadata.mov.media.QuickTimeVideoDirectory;
import com.drew.metadata.mp4.Mp4Directory;
import com.drew.metadata.mp4.media.Mp4VideoDirectory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.List;


/**
 * The frame and length of ISO base media files (HEIC, MP4, MOV), read with metadata-extractor from the one box that
 * holds them ("meta" or "moov"), in memory only once {@link IsoBoxes} has checked that every box in it fits its
 * parent and that it is at most {@link #MAX_BOX} bytes: no declared size can make the library allocate more.
 */
final class IsoFrames {
    /** The movie box of a two-hour video is a few megabytes; one larger than this is refused. */
    static final int MAX_BOX = 32 << 20;

    private IsoFrames() {}

    /** HEIF turns the picture with its "irot" property (never the EXIF orientation), as every decoder does. */
    static Frames.Frame heic(FileChannel channel, long size) throws Exception {
        IsoBoxes boxes = new IsoBoxes(channel);
        List<IsoBoxes.Box> top = boxes.children(0, size);
        IsoBoxes.Box meta = IsoBoxes.first(top, "meta").orElseThrow(() -> new CorruptMedia("no meta box"));
        boxes.check(meta);
        HeicScrub.checkLocations(boxes, meta);
        Metadata metadata = HeifMetadataReader.readMetadata(new ByteArrayInputStream(bytes(boxes, meta)));
        // A phone's photo is a grid of tiles, each with its own size property, beside a thumbnail: the picture is
        // the largest of them.
        Frames.Frame largest = null;
        int rotation = 0;
        for (HeifDirectory heif : metadata.getDirectoriesOfType(HeifDirectory.class)) {
            if (heif.containsTag(HeifDirectory.TAG_IMAGE_ROTATION)) {
                rotation = heif.getInt(HeifDirectory.TAG_IMAGE_ROTATION);
            }
            if (heif.containsTag(HeifDirectory.TAG_IMAGE_WIDTH) && heif.containsTag(HeifDirectory.TAG_IMAGE_HEIGHT)) {
                Frames.Frame frame = new Frames.Frame(heif.getInt(HeifDirectory.TAG_IMAGE_WIDTH),
                        heif.getInt(HeifDirectory.TAG_IMAGE_HEIGHT), null);
                if (largest == null || (long) frame.width() * frame.height() > (long) largest.width() * largest.height()) {
                    largest = frame;
                }
            }
        }
        if (largest == null) {
            throw new CorruptMedia("no image size");
        }
        return largest.turned(rotation % 2 == 1);
    }

    static Frames.Frame movie(MediaType type, FileChannel channel, long size) throws Exception {
        IsoBoxes boxes = new IsoBoxes(channel);
        List<IsoBoxes.Box> top = boxes.children(0, size);
        IsoBoxes.Box moov = IsoBoxes.first(top, "moov").orElseThrow(() -> new CorruptMedia("no moov box"));
        boxes.check(moov);
        InputStream in = new ByteArrayInputStream(bytes(boxes, moov));
        Metadata metadata = type == MediaType.MOV ? QuickTimeMetadataReader.readMetadata(in)
                : Mp4MetadataReader.readMetadata(in);
        boolean mov = type == MediaType.MOV;
        Directory movie = mov ? metadata.getFirstDirectoryOfType(QuickTimeDirectory.class)
                : metadata.getFirstDirectoryOfType(Mp4Directory.class);
        Directory video = mov ? metadata.getFirstDirectoryOfType(QuickTimeVideoDirectory.class)
                : metadata.getFirstDirectoryOfType(Mp4VideoDirectory.class);
        if (movie == null || video == null) {
            throw new CorruptMedia("no movie header or no video track");
        }
        int width = video.getInt(mov ? QuickTimeVideoDirectory.TAG_WIDTH : Mp4VideoDirectory.TAG_WIDTH);
        int height = video.getInt(mov ? QuickTimeVideoDirectory.TAG_HEIGHT : Mp4VideoDirectory.TAG_HEIGHT);
        long scale = movie.getLong(Mp4Directory.TAG_TIME_SCALE); // the same tag number in both directories
        long units = movie.getLong(Mp4Directory.TAG_DURATION);
        if (scale <= 0 || units < 0) {
            throw new CorruptMedia("no movie length");
        }
        Duration length = Duration.ofMillis(Math.multiplyExact(units, 1000L) / scale);
        Double degrees = movie.getDoubleObject(mov ? QuickTimeDirectory.TAG_ROTATION : Mp4Directory.TAG_ROTATION);
        boolean quarter = degrees != null && Math.floorMod(Math.round(degrees), 180) == 90;
        return new Frames.Frame(width, height, length).turned(quarter);
    }

    private static byte[] bytes(IsoBoxes boxes, IsoBoxes.Box box) throws IOException {
        if (box.size() > MAX_BOX) {
            throw new CorruptMedia("box " + box.type() + " is " + box.size() + " bytes");
        }
        return boxes.read(box.start(), (int) box.size()).array();
    }

}
