package com.ailsocialautomation.platform;

import com.ailsocialautomation.net.MediaType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * One media item of a post, as AIL holds it: copied when the command was accepted, cleaned of private metadata,
 * its facts taken from its bytes. A provider reads it with {@link #open()} as often as it needs (a retried chunk, a
 * second target) and never holds more of it in memory than it sends at once.
 */
public interface Media {
    /** The name shown to people ("launch.png"); never a path. */
    String fileName();

    MediaFacts facts();

    /** The description for people who cannot see it; null when none was given. */
    String altText();

    /** A fresh stream over the whole item, from its first byte, each time it is called. The caller closes it. */
    InputStream open() throws IOException;

    default String mimeType() {
        return facts().type().mimeType();
    }

    default boolean isVideo() {
        return facts().isVideo();
    }

    default long size() {
        return facts().size();
    }

    /**
     * The whole item in memory. Only for images, which the platforms cap at a few megabytes; a video is read with
     * {@link #open()} in parts.
     */
    default byte[] bytes() {
        try (InputStream in = open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An item whose bytes are already in memory (small images, tests); its type is taken from its MIME type. */
    static Media inMemory(String fileName, String mimeType, byte[] bytes, String altText) {
        MediaType type = Arrays.stream(MediaType.values()).filter(t -> t.mimeType().equals(mimeType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a media type AIL knows: " + mimeType));
        MediaFacts facts = new MediaFacts(type, bytes.length, 0, 0, null);
        return new InMemory(fileName, facts, altText, bytes.clone());
    }

    /** See {@link #inMemory}. */
    record InMemory(String fileName, MediaFacts facts, String altText, byte[] content) implements Media {
        @Override
        public InputStream open() {
            return new ByteArrayInputStream(content);
        }
    }
}
