package com.ailsocialautomation.store;

import com.ailsocialautomation.message.PlatformId;

/** What a connect flow learned about an account. {@code instanceUrl} is the Mastodon instance, PDS or webhook URL. */
public record NewAccount(PlatformId platform, String externalId, String handle, String displayName, String avatarUrl,
                         String instanceUrl, String scopes, Integer maxCharacters) {}
