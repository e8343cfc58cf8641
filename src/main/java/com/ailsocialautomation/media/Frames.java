package com.ailsocialautomation.media;

import com.ailsocialautomation.net.MediaType;
import com.drew.imaging.gif.GifMetadataReader;
import com.drew.imaging.heif.HeifMetadataReader;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.mp4.Mp4MetadataReader;
import com.drew.imaging.png.PngChunk;
import com.drew.imaging.png.PngChunkReader;
import com.drew.imaging.png.PngChunkType;
import com.drew.imaging.png.PngHeader;
import com.drew.imaging.quicktime.QuickTimeMetadataReader;
import com.drew.imaging.webp.WebpMetadataReader;
import com.drew.lang.ByteArrayReader;
import com.drew.lang.StreamReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import com.drew.metadata.gif.GifHeaderDirectory;
import com.drew.metadata.heif.HeifDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.jpeg.JpegReader;
import com.drew.metadata.mov.QuickTimeDirectory;
import com.drew.metadata.mov.media.QuickTimeVideoDirectory;
import com.drew.metadata.mp4.Mp4Directory;
import com.drew.metadata.mp4.media.Mp4VideoDirectory;
import com.drew.metadata.webp.WebpDirectory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Width, height (as shown: turned by the orientation) and length per format, read with metadata-extractor from a
 * bounded part of the file: images from their first {@link #IMAGE_HEAD} bytes, ISO files (MP4, MOV, HEIC) from
 * their "moov" or "meta" box alone once {@link IsoBoxes} has checked that every box fits in its parent, so no
 * declared size can make the library allocate more than that box.
 */
final class Frames {
    /** Every format keeps what AIL needs near its start; more is never read for an image. */
    static final int IMAGE_HEAD = 16 << 20;
    /** The movie box of a two-hour video is a few megabytes; one larger than this is refused. */
    static final int MAX_MOVIE_BOX = 32 << 20;

    record Frame(int width, int height, Duration duration) {
        /** As shown: a quarter turn swaps the sides. */
        Frame turned(boolean quarter) {
            return quarter ? new Frame(height, width, duration) : this;
        }
    }

    private Frames() {}

    static Frame read(MediaType type, FileChannel channel, long size) throws Exception {
        return switch (type) {
            case JPEG -> jpeg(head(channel, size));
            case PNG -> png(channel, size);
            case GIF -> gif(channel, size);
            case WEBP -> webp(channel, size);
            case HEIC -> heic(channel, size);
            case MP4, MOV -> movie(type, channel, size);
            case WEBM -> Matroska.frame(channel, size);
        };
    }

    private static Frame jpeg(InputStream in) throws Exception {
        Metadata metadata = JpegMetadataReader.readMetadata(in, List.of(new JpegReader(), new ExifReader()));
        JpegDirectory jpeg = metadata.getFirstDirectoryOfType(JpegDirectory.class);
        if (jpeg == null) {
            throw new CorruptMedia("no JPEG frame header");
        }
        return new Frame(jpeg.getImageWidth(), jpeg.getImageHeight(), null).turned(quarterTurn(metadata));
    }

    private static Frame png(FileChannel channel, long size) throws Exception {
        Trailers.requirePngEnd(channel, size);
        PngHeader header = null;
        for (PngChunk chunk : pngChunks(channel, size)) {
            if (chunk.getType().equals(PngChunkType.IHDR)) {
                header = new PngHeader(chunk.getBytes());
            }
        }
        if (header == null) {
            throw new CorruptMedia("no IHDR");
        }
        return new Frame(header.getImageWidth(), header.getImageHeight(), null)
                .turned(quarterTurn(pngMetadata(channel, size)));
    }

    /** Only the header and the EXIF chunk: text chunks may be compressed, and AIL never inflates them. */
    private static Iterable<PngChunk> pngChunks(FileChannel channel, long size) throws Exception {
        return new PngChunkReader().extract(new StreamReader(head(channel, size)),
                Set.of(PngChunkType.IHDR, PngChunkType.eXIf));
    }

    private static Metadata pngMetadata(FileChannel channel, long size) throws Exception {
        Metadata metadata = new Metadata();
        for (PngChunk chunk : pngChunks(channel, size)) {
            if (chunk.getType().equals(PngChunkType.eXIf)) {
                new ExifReader().extract(new ByteArrayReader(chunk.getBytes()), metadata, 0);
            }
        }
        return metadata;
    }

    private static Frame gif(FileChannel channel, long size) throws Exception {
        Trailers.requireGifEnd(channel, size);
        Metadata metadata = GifMetadataReader.readMetadata(head(channel, size));
        GifHeaderDirectory header = metadata.getFirstDirectoryOfType(GifHeaderDirectory.class);
        if (header == null) {
            throw new CorruptMedia("no GIF header");
        }
        return new Frame(header.getInt(GifHeaderDirectory.TAG_IMAGE_WIDTH),
                header.getInt(GifHeaderDirectory.TAG_IMAGE_HEIGHT), null);
    }

    /** WebP keeps its frame as coded: AIL removes its EXIF, so an orientation there is not applied anywhere. */
    private static Frame webp(FileChannel channel, long size) throws Exception {
        Trailers.requireRiffLength(channel, size);
        Metadata metadata = WebpMetadataReader.readMetadata(head(channel, size));
        WebpDirectory webp = metadata.getFirstDirectoryOfType(WebpDirectory.class);
        if (webp == null) {
            throw new CorruptMedia("no WebP frame");
        }
        return new Frame(webp.getInt(WebpDirectory.TAG_IMAGE_WIDTH), webp.getInt(WebpDirectory.TAG_IMAGE_HEIGHT), null);
    }

    /** HEIF turns the picture with its "irot" property (never the EXIF orientation), as every decoder does. */
    private static Frame heic(FileChannel channel, long size) throws Exception {
        IsoBoxes boxes = new IsoBoxes(channel);
        List<IsoBoxes.Box> top = boxes.children(0, size);
        IsoBoxes.Box meta = IsoBoxes.first(top, "meta").orElseThrow(() -> new CorruptMedia("no meta box"));
        boxes.check(meta);
        Metadata metadata = HeifMetadataReader.readMetadata(new ByteArrayInputStream(bytes(boxes, meta)));
        // A phone's photo is a grid of tiles, each with its own size property, beside a thumbnail: the picture is
        // the largest of them.
        Frame largest = null;
        int rotation = 0;
        for (HeifDirectory heif : metadata.getDirectoriesOfType(HeifDirectory.class)) {
            if (heif.containsTag(HeifDirectory.TAG_IMAGE_ROTATION)) {
                rotation = heif.getInt(HeifDirectory.TAG_IMAGE_ROTATION);
            }
            if (heif.containsTag(HeifDirectory.TAG_IMAGE_WIDTH) && heif.containsTag(HeifDirectory.TAG_IMAGE_HEIGHT)) {
                Frame frame = new Frame(heif.getInt(HeifDirectory.TAG_IMAGE_WIDTH),
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

    private static Frame movie(MediaType type, FileChannel channel, long size) throws Exception {
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
        return new Frame(width, height, length).turned(quarter);
    }

    /** EXIF orientations 5 to 8 turn the picture a quarter. */
    private static boolean quarterTurn(Metadata metadata) throws Exception {
        ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        if (exif == null || !exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
            return false;
        }
        int orientation = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
        return orientation >= 5 && orientation <= 8;
    }

    /** A JPEG's or PNG's EXIF orientation, 1 when it has none. */
    static int orientation(MediaType type, FileChannel channel, long size) throws Exception {
        Metadata metadata = type == MediaType.JPEG
                ? JpegMetadataReader.readMetadata(head(channel, size), List.of(new ExifReader()))
                : pngMetadata(channel, size);
        ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        return exif == null || !exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION) ? 1
                : exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
    }

    private static byte[] bytes(IsoBoxes boxes, IsoBoxes.Box box) throws IOException {
        if (box.size() > MAX_MOVIE_BOX) {
            throw new CorruptMedia("box " + box.type() + " is " + box.size() + " bytes");
        }
        return boxes.read(box.start(), (int) box.size()).array();
    }

    /** The file's first bytes as a stream that ends at {@link #IMAGE_HEAD}, read as the library asks for them. */
    private static InputStream head(FileChannel channel, long size) throws IOException {
        InputStream in = Channels.newInputStream(channel.position(0));
        return new java.io.FilterInputStream(in) {
            private long left = Math.min(size, IMAGE_HEAD);

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                left -= b < 0 ? 0 : 1;
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(buffer, offset, (int) Math.min(length, left));
                left -= Math.max(n, 0);
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(Math.min(n, left));
                left -= skipped;
                return skipped;
            }
        };
    }
}
