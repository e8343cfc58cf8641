package com.ailsocialautomation.platform;

/** Image or video, as the bytes say ({@link MediaFacts#kind()}). */
public enum MediaKind {
    IMAGE, VIDEO
}
