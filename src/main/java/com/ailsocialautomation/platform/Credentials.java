package com.ailsocialautomation.platform;

import com.ailsocialautomation.config.Secret;

import java.time.Instant;

/**
 * What a provider needs to act for one account, decrypted by the caller.
 *
 * @param accessToken   the bearer token (the webhook's signing secret)
 * @param refreshToken  null where the platform has none
 * @param expiresAt     when the access token expires, or null
 * @param instanceUrl   Mastodon instance, Bluesky PDS or webhook URL; null for single-host platforms
 * @param accountId     the platform's id of the account (Mastodon id, DID, X user id)
 * @param handle        the account's handle
 * @param app           the OAuth client (per instance for Mastodon), or null
 */
public record Credentials(Secret accessToken, Secret refreshToken, Instant expiresAt, String instanceUrl,
                          String accountId, String handle, ClientApp app) {}
