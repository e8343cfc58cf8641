package com.ailsocialautomation.store;

import com.ailsocialautomation.config.Secret;

import java.time.Instant;

/** An account's credentials, decrypted. Any part may be null (a webhook has only its signing secret as access). */
public record StoredTokens(Secret access, Secret refresh, Instant accessExpiresAt, Instant refreshExpiresAt) {}
