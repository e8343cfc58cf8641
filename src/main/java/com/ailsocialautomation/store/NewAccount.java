package com.ailsocialautomation.store;

import com.ailsocialautomation.message.PlatformId;

/**
 * What a connect flow learned about an account. {@code instanceUrl} is the Mastodon instance, PDS or webhook URL;
 * {@code grantorId} the person at the platform whose grant it acts through (Meta's user id for a Page), or null.
 */
public record NewAccount(PlatformId platform, String externalId, String handle, String displayName, String avatarUrl,
                         String instanceUrl, String scopes, Integer maxCharacters, String grantorId) {
    public NewAccount(PlatformId platform, String externalId, String handle, String displayName, String avatarUrl,
                      String instanceUrl, String scopes, Integer maxCharacters) {
        this(platform, externalId, handle, displayName, avatarUrl, instanceUrl, scopes, maxCharacters, null);
    }
}
