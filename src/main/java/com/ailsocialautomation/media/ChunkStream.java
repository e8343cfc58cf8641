package com.ailsocialautomation.media;

import com.ailsocialautomation.store.VaultError;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/**
 * Reads a stored item chunk by chunk, fetching the next one only when the caller has read the last. A chunk that
 * does not open where it is (altered, or moved from another item or place), one that is missing, or a total that
 * differs from the recorded size ends the stream with an IOException: a damaged copy is never sent as if whole.
 */
final class ChunkStream extends InputStream {
    private final MediaStore store;
    private final UUID itemId;
    private final UUID workspaceId;
    private final int chunks;
    private final long size;
    private final String name;
    private byte[] current = new byte[0];
    private int offset;
    private int next;
    private long delivered;
    private boolean closed;

    /** {@code first}: the chunk to start at; the bytes before it count as delivered. */
    ChunkStream(MediaStore store, UUID itemId, UUID workspaceId, int chunks, long size, String name, int first) {
        this.store = store;
        this.itemId = itemId;
        this.workspaceId = workspaceId;
        this.chunks = chunks;
        this.size = size;
        this.name = name;
        this.next = first;
        this.delivered = (long) first * MediaStore.CHUNK;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("the stream over " + name + " is closed");
        }
        if (len == 0) {
            return 0;
        }
        while (offset == current.length) {
            if (next == chunks) {
                if (delivered != size) {
                    throw new IOException("The stored copy of " + name + " is incomplete");
                }
                return -1;
            }
            fetch();
        }
        int n = Math.min(len, current.length - offset);
        System.arraycopy(current, offset, buffer, off, n);
        offset += n;
        delivered += n;
        return n;
    }

    @Override
    public int available() {
        return current.length - offset;
    }

    private void fetch() throws IOException {
        byte[] plain;
        try {
            plain = store.chunk(itemId, workspaceId, next)
                    .orElseThrow(() -> new IOException("The stored copy of " + name + " is missing a part"));
        } catch (VaultError e) {
            throw new IOException("The stored copy of " + name + " is damaged: " + e.getMessage(), e);
        }
        next++;
        current = plain;
        offset = 0;
    }

    @Override
    public void close() {
        closed = true;
        current = new byte[0];
        offset = 0;
    }
}
