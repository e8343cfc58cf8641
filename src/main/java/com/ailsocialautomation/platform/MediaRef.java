package com.ailsocialautomation.platform;

import java.time.Duration;

/**
 * An uploaded media item. {@code ready} is false while the platform is still processing it; {@code checkAfter} is
 * how long the platform asked to wait before the next status check (X's check_after_secs), null when it did not say.
 * {@code payload} carries what the platform needs to attach it (Bluesky's blob JSON, LinkedIn's alt text), or null.
 * The engine stores refs per target and item, so a retry or a resumed poll never uploads the item again.
 */
public record MediaRef(String id, boolean ready, String payload, Duration checkAfter) {
    public MediaRef(String id, boolean ready, String payload) {
        this(id, ready, payload, null);
    }
}
