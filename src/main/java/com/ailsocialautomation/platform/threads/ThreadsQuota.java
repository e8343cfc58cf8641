package com.ailsocialautomation.platform.threads;

import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.PlatformError;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Threads' publishing limit: a profile publishes at most {@code quota_total} posts (250) through the API in a
 * moving {@code quota_duration} (24 hours), enforced by threads_publish. Threads asks apps that schedule posts to
 * check it first ({@code GET /{user-id}/threads_publishing_limit}); a post that would exceed it is held, not failed,
 * and looked at again in an hour, as the window moves.
 */
final class ThreadsQuota {
    static final Duration LOOK_AGAIN = Duration.ofHours(1);

    private final ThreadsGraph graph;
    private final Clock clock;

    ThreadsQuota(ThreadsGraph graph, Clock clock) {
        this.graph = graph;
        this.clock = clock;
    }

    void check(Credentials credentials) {
        JsonNode limit = graph.get("/" + ThreadsProvider.userId(credentials) + "/threads_publishing_limit",
                Map.of("fields", "quota_usage,config"), credentials.accessToken(), "reading the publishing limit").path("data").path(0);
        JsonNode total = limit.path("config").path("quota_total");
        JsonNode used = limit.path("quota_usage");
        if (!total.canConvertToInt() || !used.canConvertToInt() || used.asInt() < total.asInt()) {
            return; // within the limit, or Threads did not say: threads_publish decides
        }
        long hours = Math.max(1, limit.path("config").path("quota_duration").asLong(86_400) / 3600);
        throw PlatformError.allowanceUsedUp(0, "Threads lets a profile publish " + total.asInt() + " posts through apps in "
                + hours + " hours, and this one has published " + used.asInt(), clock.instant().plus(LOOK_AGAIN));
    }
}
