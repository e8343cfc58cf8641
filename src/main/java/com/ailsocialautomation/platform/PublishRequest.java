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
 * {@code replyTo}: null for a post of its own; for a later part of a thread (and a first comment posted as a reply),
 * the posts it answers. Only providers whose platform's {@link PostRule#threads()} is true are handed one, and they
 * must publish it as that reply or refuse it, never as a post of its own.
 */
public record PublishRequest(String postId, String text, List<MediaRef> media, List<MediaItem> items,
                             UUID idempotencyKey, Instant scheduledAt, PostOptions options, ReplyTo replyTo) {
    public PublishRequest {
        options = options == null ? PostOptions.NONE : options;
    }

    public PublishRequest(String postId, String text, List<MediaRef> media, List<MediaItem> items,
                          UUID idempotencyKey, Instant scheduledAt, PostOptions options) {
        this(postId, text, media, items, idempotencyKey, scheduledAt, options, null);
    }

    /** A request without per-platform options. */
    public PublishRequest(String postId, String text, List<MediaRef> media, List<MediaItem> items,
                          UUID idempotencyKey, Instant scheduledAt) {
        this(postId, text, media, items, idempotencyKey, scheduledAt, PostOptions.NONE, null);
    }

    /**
     * One part of this post's thread, or its first comment: its own text and key, the posts it answers (null for the
     * first part), and the post's media only when it is the first part (media go with the first part).
     */
    public PublishRequest part(String partText, boolean first, UUID partKey, ReplyTo answers) {
        return new PublishRequest(postId, partText, first ? media : List.of(), first ? items : List.of(), partKey,
                scheduledAt, options, answers);
    }
}
