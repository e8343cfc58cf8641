package com.ailsocialautomation.platform;

import com.ailsocialautomation.net.MediaType;

import java.time.Duration;

/**
 * What AIL learned from a media item's own bytes when it copied them; each platform's rules are checked against
 * these, never against a file name or a Content-Type claim.
 *
 * @param type     the format, sniffed from the bytes
 * @param size     bytes as AIL will upload them (after private metadata was removed)
 * @param width    pixels, after the orientation was applied; 0 when the file does not say
 * @param height   pixels, after the orientation was applied; 0 when the file does not say
 * @param duration a video's length; null for images
 */
public record MediaFacts(MediaType type, long size, int width, int height, Duration duration) {
    public boolean isVideo() {
        return type.isVideo();
    }

    public MediaKind kind() {
        return isVideo() ? MediaKind.VIDEO : MediaKind.IMAGE;
    }
}
