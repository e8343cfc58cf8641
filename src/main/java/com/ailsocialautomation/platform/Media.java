package com.ailsocialautomation.platform;

/** Media bytes already downloaded and sniffed, ready to upload. */
public record Media(String fileName, String mimeType, byte[] bytes, String altText) {
    public boolean isVideo() {
        return mimeType.startsWith("video/");
    }
}
