package com.ailsocialautomation.store;

import com.ailsocialautomation.config.Secret;

import java.time.Instant;

/**
 * An account's credentials, decrypted. Any part may be null. {@code endpoint} is a URL that is itself a secret
 * (a webhook's), kept encrypted beside the tokens; a refresh never changes it.
 */
public record StoredTokens(Secret access, Secret refresh, Instant accessExpiresAt, Instant refreshExpiresAt, Secret endpoint) {
    public StoredTokens(Secret access, Secret refresh, Instant accessExpiresAt, Instant refreshExpiresAt) {
        this(access, refresh, accessExpiresAt, refreshExpiresAt, null);
    }
}
