package com.ailsocialautomation.platform;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A post for one target. {@code idempotencyKey} is the same on every attempt of the target.
 * {@code media} are uploaded items; {@code mediaUrls} the original URLs (for the webhook).
 */
public record PublishRequest(String postId, String text, List<MediaRef> media, List<String> mediaUrls,
                             UUID idempotencyKey, Instant scheduledAt) {}
