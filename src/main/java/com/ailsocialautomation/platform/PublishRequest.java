package com.ailsocialautomation.platform;

import com.ailsocialautomation.message.PostOptions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A post for one target. {@code idempotencyKey} is the same on every attempt of the target.
 * {@code media} are uploaded items; {@code items} describe every media item of the post in order (for the
 * webhook, which uploads nothing). {@code options} are the post's per-platform options (see
 * {@link PostOptions}): a provider reads those its platform's {@link OptionRule} names; the others are for other targets.
 */
public record PublishRequest(String postId, String text, List<MediaRef> media, List<MediaItem> items,
                             UUID idempotencyKey, Instant scheduledAt, PostOptions options) {
    public PublishRequest {
        options = options == null ? PostOptions.NONE : options;
    }

    /** A request without per-platform options. */
    public PublishRequest(String postId, String text, List<MediaRef> media, List<MediaItem> items,
                          UUID idempotencyKey, Instant scheduledAt) {
        this(postId, text, media, items, idempotencyKey, scheduledAt, PostOptions.NONE);
    }
}
