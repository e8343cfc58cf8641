package com.ailsocialautomation.net;

import java.util.Set;

/** The image and video formats the platforms accept, as recognised by their magic bytes. */
public enum MediaType {
    JPEG("image/jpeg", "JPEG", false),
    PNG("image/png", "PNG", false),
    GIF("image/gif", "GIF", false),
    WEBP("image/webp", "WebP", false),
    /** A still HEIF image as phones take them; only some platforms take it (Mastodon converts it). */
    HEIC("image/heic", "HEIC", false),
    MP4("video/mp4", "MP4", true),
    MOV("video/quicktime", "MOV", true),
    WEBM("video/webm", "WebM", true);

    public static final Set<MediaType> IMAGES = Set.of(JPEG, PNG, GIF, WEBP, HEIC);
    public static final Set<MediaType> VIDEOS = Set.of(MP4, MOV, WEBM);

    private final String mimeType;
    private final String displayName;
    private final boolean video;

    MediaType(String mimeType, String displayName, boolean video) {
        this.mimeType = mimeType;
        this.displayName = displayName;
        this.video = video;
    }

    public String mimeType() {
        return mimeType;
    }

    /** How a person names the format: "JPEG", "WebP". */
    public String displayName() {
        return displayName;
    }

    public boolean isVideo() {
        return video;
    }
}
