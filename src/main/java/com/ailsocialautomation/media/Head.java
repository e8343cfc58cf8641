package com.ailsocialautomation.media;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;

/** A file's first bytes as a stream that ends after a bound, read as the reader asks for them. */
final class Head extends FilterInputStream {
    private long left;

    private Head(InputStream in, long bound) {
        super(in);
        this.left = bound;
    }

    static InputStream of(FileChannel channel, long bound) throws IOException {
        return new Head(Channels.newInputStream(channel.position(0)), bound);
    }

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
}
