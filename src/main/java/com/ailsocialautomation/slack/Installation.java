package com.ailsocialautomation.slack;

import com.ailsocialautomation.config.Secret;

import java.time.Instant;
import java.util.UUID;

/**
 * The app installed in a workspace, or org-wide in an Enterprise Grid organisation ({@code orgWide}, no team).
 * With token rotation the bot token expires at {@code expiresAt} and {@code refreshToken} (single use) gets the next.
 */
record Installation(UUID id, String enterpriseId, String teamId, boolean orgWide, String teamName, String appId,
                    String botId, String botUserId, String botScopes, Secret botToken, Secret refreshToken,
                    Instant expiresAt, String installerUserId, Instant installedAt) {

    boolean expiresWithin(java.time.Duration margin, Instant now) {
        return refreshToken != null && expiresAt != null && expiresAt.minus(margin).isBefore(now);
    }

    Installation withTokens(Secret token, Secret refresh, Instant expires) {
        return new Installation(id, enterpriseId, teamId, orgWide, teamName, appId, botId, botUserId, botScopes, token,
                refresh, expires, installerUserId, installedAt);
    }
}
