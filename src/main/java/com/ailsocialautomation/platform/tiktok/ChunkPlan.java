package com.ailsocialautomation.platform.tiktok;

/**
 * How a video is cut for TikTok's FILE_UPLOAD: chunks of {@code chunkSize} bytes, in order, the last one taking what
 * is left over (so it may be up to twice the size). TikTok's rules: a chunk is 5 to 64 MB, the last up to 128 MB; a
 * video under 5 MB goes whole; {@code total_chunk_count} is {@code floor(video_size / chunk_size)}; at most 1,000.
 */
record ChunkPlan(long videoSize, long chunkSize, int count) {
    static final long MB = 1024L * 1024;
    /** The chunk AIL cuts: TikTok's largest, so a video up to 64 MB goes in one request. */
    static final long CHUNK = 64 * MB;

    /** The plan for a video of {@code size} bytes cut in chunks of {@code chunk} (at least TikTok's 5 MB). */
    static ChunkPlan of(long size, long chunk) {
        if (size <= chunk) {
            return new ChunkPlan(size, size, 1); // a whole video is one chunk as big as itself
        }
        long count = size / chunk;
        if (count == 1) {
            // one chunk and a rest: whole while TikTok takes it whole, else two halves (each 32 to 64 MB)
            return size <= CHUNK ? new ChunkPlan(size, size, 1) : new ChunkPlan(size, size / 2, 2);
        }
        if (count > 1000) {
            throw new IllegalArgumentException("a video of " + size + " bytes needs more than TikTok's 1,000 chunks");
        }
        return new ChunkPlan(size, chunk, (int) count);
    }

    long first(int index) {
        return index * chunkSize;
    }

    /** The last byte of chunk {@code index}, inclusive, as Content-Range counts. */
    long last(int index) {
        return index == count - 1 ? videoSize - 1 : first(index) + chunkSize - 1;
    }

    long length(int index) {
        return last(index) - first(index) + 1;
    }
}
