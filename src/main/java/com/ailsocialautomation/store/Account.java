package com.ailsocialautomation.store;

import java.time.Instant;
import com.ailsocialautomation.message.PlatformId;
import java.util.UUID;

/** A connected social account as people see it; tokens are fetched separately, decrypted, only when needed. */
public record Account(UUID id, UUID workspaceId, String shortId, PlatformId platform, String externalId, String handle,
                      String displayName, String avatarUrl, String instanceUrl, String scopes, Integer maxCharacters, Instant tokenExpiresAt,
                      AccountStatus status, UUID ownerUserId, String ownerName, Instant createdAt) {

    public boolean active() {
        return status == AccountStatus.ACTIVE;
    }

    /** How the account is named in replies: "@ana@fosstodon.org (mastodon, a7k2q)". */
    public String label() {
        return (named() ? "\"" + displayName + "\" " : "") + (handle == null ? externalId : handle)
                + " (" + platform + ", " + shortId + ")";
    }

    /** A webhook given a name at connect: its display name is that name rather than its handle. */
    public boolean named() {
        return platform == PlatformId.WEBHOOK && displayName != null && !displayName.equals(handle);
    }
}
