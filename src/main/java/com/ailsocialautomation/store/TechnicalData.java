package com.ailsocialautomation.store;

import java.util.UUID;

/**
 * Technical data in the privacy policy's sense (clause 1): the IP address and User-Agent of a browser at an OAuth
 * callback, and nowhere else. Rows belong to a person, so erasing them erases these too.
 */
public final class TechnicalData {
    /** A browser's User-Agent can be any length; this much identifies it. */
    static final int MAX_USER_AGENT = 512;

    private final Sql sql;

    public TechnicalData(Sql sql) {
        this.sql = sql;
    }

    public void recordOAuthCallback(UUID workspaceId, UUID userId, String ipAddress, String userAgent) {
        String agent = userAgent == null || userAgent.length() <= MAX_USER_AGENT ? userAgent : userAgent.substring(0, MAX_USER_AGENT);
        sql.update("insert into technical_data (id, workspace_id, user_id, kind, ip_address, user_agent) values (?, ?, ?, ?, ?, ?)",
                UUID.randomUUID(), workspaceId, userId, "oauth_callback", ipAddress, agent);
    }
}
