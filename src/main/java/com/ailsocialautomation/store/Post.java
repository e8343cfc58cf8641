package com.ailsocialautomation.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A post and its targets. Its overall status is derived from the targets, never stored. */
public record Post(UUID id, UUID workspaceId, String shortId, UUID authorUserId, String authorName, String text,
                   List<String> mediaUrls, Instant scheduledAt, String origin, Instant createdAt, List<Target> targets) {

    /**
     * scheduled, publishing, published, failed, unknown, cancelled when all targets agree; "partial" when some
     * were published and others failed or are unknown; otherwise the least finished state.
     */
    public String status() {
        List<String> states = targets.stream().map(Target::state).distinct().toList();
        if (states.size() == 1) {
            return states.get(0);
        }
        if (states.contains(Target.PUBLISHING)) {
            return Target.PUBLISHING;
        }
        if (states.contains(Target.SCHEDULED)) {
            return Target.SCHEDULED;
        }
        if (states.contains(Target.PUBLISHED)) {
            return "partial";
        }
        if (states.contains(Target.UNKNOWN)) {
            return Target.UNKNOWN;
        }
        return states.contains(Target.FAILED) ? Target.FAILED : Target.CANCELLED;
    }

    public boolean allScheduled() {
        return targets.stream().allMatch(t -> Target.SCHEDULED.equals(t.state()));
    }
}
