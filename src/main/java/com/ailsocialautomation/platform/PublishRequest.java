package com.ailsocialautomation.platform;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A post for one target. {@code idempotencyKey} is the same on every attempt of the target.
 * {@code media} are uploaded items; {@code items} describe every media item of the post in order (for the
 * webhook, which uploads nothing).
 */
public record PublishRequest(String postId, String text, List<MediaRef> media, List<MediaItem> items,
                             UUID idempotencyKey, Instant scheduledAt) {}
