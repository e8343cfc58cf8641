package com.ailsocialautomation.platform.meta;

import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.Query;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Instagram's limit on posts an account publishes through apps in a moving window (25 in 24 hours in the issue, 50 or
 * 100 in Meta's pages: AIL reads the number from {@code content_publishing_limit} rather than trusting any). A post
 * that would go over it is held, not failed, until the oldest post of the window leaves it: the account's media list
 * says when that was.
 */
final class PublishingLimit {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final MetaGraph graph;
    private final MetaAnswers answers;

    PublishingLimit(MetaGraph graph, MetaAnswers answers) {
        this.graph = graph;
        this.answers = answers;
    }

    /** Passes when one more post fits; otherwise a PlatformError that holds the target until a post leaves the window. */
    void check(Credentials credentials) {
        String account = credentials.accountId();
        JsonNode entry = graph.get("/" + account + "/content_publishing_limit?" + Query.of("fields", "quota_usage,config"),
                credentials.accessToken(), answers, "reading the publishing limit").path("data").path(0);
        int used = entry.path("quota_usage").asInt(0);
        int total = entry.path("config").path("quota_total").asInt(0);
        long window = entry.path("config").path("quota_duration").asLong(86_400);
        if (total <= 0 || used < total) {
            return;
        }
        Instant frees = freesAt(credentials, total, window);
        throw PlatformError.allowanceUsedUp(0, "Instagram's limit of " + total + " posts in " + (window / 3600)
                + " hours is used up for " + (credentials.handle() == null ? "this account" : credentials.handle())
                + "; it goes at " + TIME.format(frees) + ", when the oldest of them leaves the window", frees);
    }

    /** When the oldest of the last {@code total} posts is {@code window} seconds old; an hour from now if unknown. */
    private Instant freesAt(Credentials credentials, int total, long window) {
        Instant now = graph.clock().instant();
        JsonNode media = graph.get("/" + credentials.accountId() + "/media?" + Query.of("fields", "timestamp",
                "limit", Integer.toString(total)), credentials.accessToken(), answers, "reading the recent posts").path("data");
        Instant oldest = null;
        for (JsonNode post : media) {
            try {
                Instant at = java.time.OffsetDateTime.parse(post.path("timestamp").asText(),
                        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx")).toInstant();
                if (at.isAfter(now.minusSeconds(window)) && (oldest == null || at.isBefore(oldest))) {
                    oldest = at;
                }
            } catch (RuntimeException e) {
                // a timestamp Instagram did not write as documented: that post cannot say when it leaves
            }
        }
        return oldest == null ? now.plus(MetaAnswers.ROLLING_WINDOW) : oldest.plusSeconds(window);
    }
}
