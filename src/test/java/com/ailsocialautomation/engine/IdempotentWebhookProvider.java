package com.ailsocialautomation.engine;

import com.ailsocialautomation.net.GuardedHttp;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.Profile;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.platform.Published;
import com.ailsocialautomation.platform.webhook.WebhookProvider;

/** The webhook, declared idempotent: for a receiver that, like Mastodon, honours a repeated delivery id. */
final class IdempotentWebhookProvider implements Provider {
    private final WebhookProvider webhook;

    IdempotentWebhookProvider(GuardedHttp http) {
        this.webhook = new WebhookProvider(http, java.time.Clock.systemUTC());
    }

    @Override public Platform platform() { return Platform.WEBHOOK; }
    @Override public boolean idempotent() { return true; }
    @Override public boolean uploadsMedia() { return false; }
    @Override public Profile profile(Credentials c) { return webhook.profile(c); }
    @Override public Published publish(Credentials c, PublishRequest r) { return webhook.publish(c, r); }
}
