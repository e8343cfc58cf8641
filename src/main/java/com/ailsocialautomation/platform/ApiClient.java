package com.ailsocialautomation.platform;

/**
 * How providers talk HTTP. Two implementations: {@link DirectApiClient} for hosts the operator configured
 * (X, LinkedIn), and the URL-guarded client from the net package for hosts users name (Mastodon instances,
 * Bluesky PDSes, webhooks). A network failure or timeout is a TRANSIENT {@link PlatformError}; any HTTP status
 * is returned for the provider to map.
 */
public interface ApiClient {
    ApiResponse send(ApiRequest request);
}
