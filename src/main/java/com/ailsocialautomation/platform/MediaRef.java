package com.ailsocialautomation.platform;

/**
 * An uploaded media item. {@code ready} is false while the platform is still processing it.
 * {@code payload} carries what the platform needs to attach it (Bluesky's blob JSON), or null.
 */
public record MediaRef(String id, boolean ready, String payload) {}
