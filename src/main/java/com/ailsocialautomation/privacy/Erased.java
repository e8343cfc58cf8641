package com.ailsocialautomation.privacy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an erasure removed. The audit row keeps exactly these numbers and nothing else about the subject.
 *
 * @param workspace          how the workspace is named in the reply (not stored in the audit row)
 * @param revocationsPending tokens whose revocation at the platform failed for now; queued and retried later
 */
public record Erased(String workspace, int posts, int scheduledPosts, int accounts, int publishLogs,
                     int notifications, int oauthStates, int connectLinks, int technicalData, int users,
                     int revocationsPending) {

    /** Nothing was there to erase (already erased, or never known). */
    public static Erased nothing(String workspace) {
        return new Erased(workspace, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    public boolean empty() {
        return counts().values().stream().allMatch(n -> n == 0);
    }

    /** The counts by name, as the audit row stores them. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("posts", posts);
        counts.put("scheduled_posts_cancelled", scheduledPosts);
        counts.put("accounts", accounts);
        counts.put("publish_logs", publishLogs);
        counts.put("notifications", notifications);
        counts.put("oauth_states", oauthStates);
        counts.put("connect_links", connectLinks);
        counts.put("technical_data", technicalData);
        counts.put("chat_users", users);
        counts.put("revocations_pending", revocationsPending);
        return counts;
    }
}
