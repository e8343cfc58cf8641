package com.ailsocialautomation.platform;

import com.ailsocialautomation.config.Secret;

/** An OAuth client registration: the operator's (X, LinkedIn) or one per Mastodon instance. */
public record ClientApp(String clientId, Secret clientSecret) {}
