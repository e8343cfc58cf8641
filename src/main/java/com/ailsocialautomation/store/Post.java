package com.ailsocialautomation.store;

import com.ailsocialautomation.message.PostOptions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A post and its targets. Its overall status is derived from the targets, never stored. {@code mediaUrls} are the
 * media: links as given; {@code mediaCount} is how many media AIL copied when it accepted the post (links and
 * files), or null for a post from before copies, whose links are fetched when it is due. {@code options} are its
 * per-platform options ({@link PostOptions#NONE} when it has none).
 */
public record Post(UUID id, UUID workspaceId, String shortId, UUID authorUserId, String authorName, String text,
                   List<String> mediaUrls, Integer mediaCount, Instant scheduledAt, String origin, Instant createdAt,
                   List<Target> targets, PostOptions options) {

    /** How many media items it has: those AIL copied, or for a post from before copies, its links. */
    public int mediaItems() {
        return mediaCount != null ? mediaCount : mediaUrls.size();
    }

    /**
     * The targets' state when all agree; {@link PostStatus#PARTIAL} when some were published and others failed or
     * are unknown; otherwise the least finished state.
     */
    public PostStatus status() {
        List<TargetState> states = targets.stream().map(Target::state).distinct().toList();
        if (states.size() == 1) {
            return PostStatus.of(states.get(0));
        }
        if (states.contains(TargetState.PENDING_APPROVAL)) {
            return PostStatus.PENDING_APPROVAL; // the whole post waits for its approver
        }
        if (states.contains(TargetState.PUBLISHING)) {
            return PostStatus.PUBLISHING;
        }
        if (states.contains(TargetState.SCHEDULED)) {
            return PostStatus.SCHEDULED;
        }
        if (states.contains(TargetState.PUBLISHED)) {
            return PostStatus.PARTIAL;
        }
        if (states.contains(TargetState.UNKNOWN)) {
            return PostStatus.UNKNOWN;
        }
        return states.contains(TargetState.FAILED) ? PostStatus.FAILED : PostStatus.CANCELLED;
    }

    public boolean allScheduled() {
        return targets.stream().allMatch(t -> t.state() == TargetState.SCHEDULED);
    }

    /** Whether any target is in one of {@code states}. */
    public boolean any(TargetState... states) {
        return targets.stream().anyMatch(t -> java.util.Arrays.asList(states).contains(t.state()));
    }
}
