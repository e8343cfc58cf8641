package com.ailsocialautomation.command;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.platform.Platform;

import java.time.Duration;

/**
 * One-time connect links to pages AIL serves. The person opening one first sees who asked for it and where the
 * account will go, and continues only by confirming there; secrets that must not pass through chat are typed or
 * shown on that page.
 */
public interface ConnectLinks {
    /** How long a link works. */
    Duration LIFETIME = Duration.ofMinutes(10);

    /**
     * A new link for the caller to connect {@code platform}. {@code instanceUrl} (a Mastodon instance, a Bluesky PDS)
     * and {@code detail} (what the page needs besides: a webhook URL, a Bluesky handle) may be null; the detail is
     * stored encrypted and never put in the link.
     */
    String create(Caller caller, Platform platform, String instanceUrl, Secret detail);
}
