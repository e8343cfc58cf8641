package com.ailsocialautomation.engine;

import com.ailsocialautomation.net.GuardedHttp;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.Profile;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.platform.Published;
import com.ailsocialautomation.platform.webhook.WebhookProvider;

/** The plain webhook, which prints "published <post>" on standard output after each publish it made, for a parent test to count. */
final class TellingWebhookProvider implements Provider {
    private final WebhookProvider webhook;

    TellingWebhookProvider(GuardedHttp http) {
        this.webhook = new WebhookProvider(http, java.time.Clock.systemUTC());
    }

    @Override public Platform platform() { return Platform.WEBHOOK; }
    @Override public boolean uploadsMedia() { return false; }
    @Override public Profile profile(Credentials c) { return webhook.profile(c); }

    @Override
    public Published publish(Credentials c, PublishRequest r) {
        Published published = webhook.publish(c, r);
        synchronized (System.out) {
            System.out.println("published " + r.postId());
            System.out.flush();
        }
        return published;
    }
}
