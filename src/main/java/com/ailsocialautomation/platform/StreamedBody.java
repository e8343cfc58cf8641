package com.ailsocialautomation.platform;

import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that is read from a stream as it is sent, never held in memory whole (a video for Mastodon's media
 * endpoint or Bluesky's video service). {@code length} is sent as Content-Length, which those servers require; each
 * call of {@link #open()} starts from the first byte, so a client may send it again.
 */
public record StreamedBody(long length, Opener opener) {
    /** Opens the bytes from the start; the caller closes the stream. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    public StreamedBody {
        if (length < 0) {
            throw new IllegalArgumentException("a streamed body needs its length");
        }
    }

    public InputStream open() throws IOException {
        return opener.open();
    }

    /** Media as a body: its whole bytes, as {@link Media#open()} gives them. */
    public static StreamedBody of(Media media) {
        return new StreamedBody(media.size(), media::open);
    }
}
