package com.ailsocialautomation.privacy;

import com.ailsocialautomation.store.PersonalData.Count;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an erasure removed. The audit row keeps exactly these numbers and nothing else about the subject.
 *
 * @param workspace          how the workspace is named in the reply (not stored in the audit row)
 * @param revocationsPending tokens whose revocation at the platform failed for now; queued and retried later
 * @param mediaCopies        copies of pictures and videos AIL held for posts
 * @param decisions          approval decisions taken by the person or on their posts
 */
public record Erased(String workspace, int posts, int scheduledPosts, int accounts, int publishLogs,
                     int notifications, int oauthStates, int connectLinks, int technicalData, int users,
                     int revocationsPending, int mediaCopies, int decisions) {

    /** Nothing was there to erase (already erased, or never known). */
    public static Erased nothing(String workspace) {
        return new Erased(workspace, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** The numbers the owners of personal data counted; a count none of them made is 0. */
    static Erased of(String workspace, Map<Count, Integer> counted) {
        return new Erased(workspace, counted.getOrDefault(Count.POSTS, 0), counted.getOrDefault(Count.SCHEDULED_POSTS, 0),
                counted.getOrDefault(Count.ACCOUNTS, 0), counted.getOrDefault(Count.PUBLISH_LOGS, 0),
                counted.getOrDefault(Count.NOTIFICATIONS, 0), counted.getOrDefault(Count.OAUTH_STATES, 0),
                counted.getOrDefault(Count.CONNECT_LINKS, 0), counted.getOrDefault(Count.TECHNICAL_DATA, 0),
                counted.getOrDefault(Count.USERS, 0), counted.getOrDefault(Count.REVOCATIONS_PENDING, 0),
                counted.getOrDefault(Count.MEDIA, 0), counted.getOrDefault(Count.DECISIONS, 0));
    }

    public int count(Count count) {
        return switch (count) {
            case POSTS -> posts;
            case SCHEDULED_POSTS -> scheduledPosts;
            case ACCOUNTS -> accounts;
            case PUBLISH_LOGS -> publishLogs;
            case NOTIFICATIONS -> notifications;
            case OAUTH_STATES -> oauthStates;
            case CONNECT_LINKS -> connectLinks;
            case TECHNICAL_DATA -> technicalData;
            case USERS -> users;
            case REVOCATIONS_PENDING -> revocationsPending;
            case MEDIA -> mediaCopies;
            case DECISIONS -> decisions;
        };
    }

    public boolean empty() {
        return counts().values().stream().allMatch(n -> n == 0);
    }

    /** The counts by name, as the audit row stores them. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Count count : Count.values()) {
            counts.put(count.auditName(), count(count));
        }
        return counts;
    }
}
