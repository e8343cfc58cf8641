package com.ailsocialautomation.platform;

import com.ailsocialautomation.config.Secret;

import java.time.Instant;

/** Tokens from a code exchange, a login or a refresh. Null parts: the platform gave none. */
public record TokenSet(Secret accessToken, Secret refreshToken, Instant expiresAt, Instant refreshExpiresAt, String scopes) {}
