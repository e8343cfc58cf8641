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

    StoredMedia(MediaStore store, UUID id, UUID workspaceId, int position, String fileName, MediaFacts facts,
                String altText, String sourceUrl, Origin origin, int chunks) {
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
        return new ChunkStream(store, id, workspaceId, chunks, facts.size(), fileName);
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
