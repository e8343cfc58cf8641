package com.ailsocialautomation.platform;

import com.ailsocialautomation.config.Secret;

/**
 * An OAuth client registration: the operator's (X, LinkedIn) or one per Mastodon instance.
 *
 * @param scopes the scopes the client was registered with, where the platform ties them to the registration
 *               (a Mastodon app may only ask for those); null: the provider's own
 */
public record ClientApp(String clientId, Secret clientSecret, String scopes) {
    public ClientApp(String clientId, Secret clientSecret) {
        this(clientId, clientSecret, null);
    }
}
