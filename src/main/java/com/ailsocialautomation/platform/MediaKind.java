package com.ailsocialautomation.platform;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Image or video, judged by a file name's extension; the bytes are sniffed later, when they are fetched. */
public enum MediaKind {
    IMAGE, VIDEO;

    private static final Set<String> IMAGES = Set.of("jpg", "jpeg", "png", "gif", "webp");
    private static final Set<String> VIDEOS = Set.of("mp4", "mov", "webm");

    /** The kind of the file a URL path names, in any case; empty when its extension is neither. */
    public static Optional<MediaKind> ofPath(String path) {
        String lower = path == null ? "" : path.toLowerCase(Locale.ROOT);
        String name = lower.substring(lower.lastIndexOf('/') + 1);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        if (IMAGES.contains(extension)) {
            return Optional.of(IMAGE);
        }
        return VIDEOS.contains(extension) ? Optional.of(VIDEO) : Optional.empty();
    }
}
