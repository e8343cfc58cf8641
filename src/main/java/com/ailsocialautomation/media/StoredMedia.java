package com.ailsocialautomation.media;

import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaFacts;

import java.io.InputStream;
import java.util.UUID;

/**
 * An item as AIL holds it in the database. {@link #open()} reads its chunks one at a time, each opened by the
 * vault, so a provider streams a video without AIL ever holding more than a chunk of it.
 */
public final class StoredMedia implements Media {
    private final MediaStore store;
    private final UUID id;
    private final UUID workspaceId;
    private final int position;
    private final String fileName;
    private final MediaFacts facts;
    private final String altText;
    private final String sourceUrl;
    private final Origin origin;
    private final int chunks;
    private final UUID targetId;

    StoredMedia(MediaStore store, UUID id, UUID workspaceId, int position, String fileName, MediaFacts facts,
                String altText, String sourceUrl, Origin origin, int chunks) {
        this(store, id, workspaceId, position, fileName, facts, altText, sourceUrl, origin, chunks, null);
    }

    private StoredMedia(MediaStore store, UUID id, UUID workspaceId, int position, String fileName, MediaFacts facts,
                        String altText, String sourceUrl, Origin origin, int chunks, UUID targetId) {
        this.store = store;
        this.id = id;
        this.workspaceId = workspaceId;
        this.position = position;
        this.fileName = fileName;
        this.facts = facts;
        this.altText = altText;
        this.sourceUrl = sourceUrl;
        this.origin = origin;
        this.chunks = chunks;
        this.targetId = targetId;
    }

    /**
     * The same item as handed to the provider of one target: a public link granted for it ends when that target
     * finishes (see {@link MediaGrants#revokeTarget}).
     */
    public StoredMedia sentTo(UUID target) {
        return new StoredMedia(store, id, workspaceId, position, fileName, facts, altText, sourceUrl, origin, chunks, target);
    }

    /** The target it is being sent to, or null. */
    UUID targetId() {
        return targetId;
    }

    UUID workspaceId() {
        return workspaceId;
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
        return new ChunkStream(store, id, workspaceId, chunks, facts.size(), fileName, 0);
    }

    /**
     * A stream from byte {@code offset} on (0 &lt;= offset &lt;= size): the chunks before it are never read, so a range
     * near the end of a video costs one chunk, not the video.
     */
    public InputStream openAt(long offset) throws java.io.IOException {
        if (offset < 0 || offset > facts.size()) {
            throw new IllegalArgumentException("offset " + offset + " outside 0.." + facts.size());
        }
        int first = (int) Math.min(offset / MediaStore.CHUNK, Math.max(0, chunks - 1));
        InputStream in = new ChunkStream(store, id, workspaceId, chunks, facts.size(), fileName, first);
        in.skipNBytes(offset - (long) first * MediaStore.CHUNK);
        return in;
    }

    public UUID id() {
        return id;
    }

    /** Its place in the post, from 0: links first, then files. */
    public int position() {
        return position;
    }

    /** The public link it was copied from; null for a chat or local file. */
    public String sourceUrl() {
        return sourceUrl;
    }

    public Origin origin() {
        return origin;
    }

    @Override
    public String toString() {
        return "StoredMedia[" + id + ", " + facts.type() + ", " + facts.size() + " bytes]";
    }
}
