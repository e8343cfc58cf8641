package com.ailsocialautomation.media;

import com.ailsocialautomation.net.MediaType;
import com.drew.imaging.gif.GifMetadataReader;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.png.PngChunk;
import com.drew.imaging.png.PngChunkReader;
import com.drew.imaging.png.PngChunkType;
import com.drew.imaging.png.PngHeader;
import com.drew.imaging.webp.WebpMetadataReader;
import com.drew.lang.ByteArrayReader;
import com.drew.lang.StreamReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import com.drew.metadata.gif.GifHeaderDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.jpeg.JpegReader;
import com.drew.metadata.webp.WebpDirectory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Width, height (as shown: turned by the orientation) and length per format, read with metadata-extractor from a
 * bounded part of the file: images from their first {@link #IMAGE_HEAD} bytes, ISO files (MP4, MOV, HEIC) from
 * their "moov" or "meta" box ({@link IsoFrames}), WebM by {@link Matroska}.
 */
final class Frames {
    /** Every format keeps what AIL needs near its start; more is never read for an image. */
    static final int IMAGE_HEAD = 16 << 20;

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
            case HEIC -> IsoFrames.heic(channel, size);
            case MP4, MOV -> IsoFrames.movie(type, channel, size);
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

    private static InputStream head(FileChannel channel, long size) throws IOException {
        return Head.of(channel, Math.min(size, IMAGE_HEAD));
    }
}
