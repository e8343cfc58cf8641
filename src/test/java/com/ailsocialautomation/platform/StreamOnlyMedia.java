package com.ailsocialautomation.platform;

import com.ailsocialautomation.net.MediaType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Media as a large video is held: readable only through {@link #open()}; {@link #bytes()} fails the test, so a
 * provider that would load the whole item into memory is caught. Counts how often it was opened.
 */
public final class StreamOnlyMedia implements Media {
    private final String fileName;
    private final MediaFacts facts;
    private final String altText;
    private final byte[] content;
    private final AtomicInteger opened = new AtomicInteger();

    public StreamOnlyMedia(String fileName, MediaType type, byte[] content, int width, int height, String altText) {
        this.fileName = fileName;
        this.facts = new MediaFacts(type, content.length, width, height, type.isVideo() ? Duration.ofSeconds(30) : null);
        this.altText = altText;
        this.content = content.clone();
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public MediaFacts facts() {
        return facts;
    }

    @Override
    public String altText() {
        return altText;
    }

    @Override
    public InputStream open() {
        opened.incrementAndGet();
        return new ByteArrayInputStream(content);
    }

    @Override
    public byte[] bytes() {
        throw new AssertionError("a video is read with open(), never whole with bytes()");
    }

    public byte[] content() {
        return content.clone();
    }

    public int timesOpened() {
        return opened.get();
    }
}
