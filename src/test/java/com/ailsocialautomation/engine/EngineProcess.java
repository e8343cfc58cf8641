package com.ailsocialautomation.engine;

import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.store.Database;
import com.ailsocialautomation.store.Vault;

import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * An engine in its own JVM, so a test can kill it with SIGKILL mid-request or run two side by side.
 * Args: jdbcUrl masterKey idempotent|mastodon [tell]; "mastodon" publishes through the real Mastodon provider; with
 * "tell", each publish it made is printed as "published <post>".
 */
public final class EngineProcess {
    public static void main(String[] args) throws Exception {
        Database db = Database.over(args[0], "postgres", null, null);
        Vault vault = Vault.open(db.dataSource(), Base64.getDecoder().decode(args[1]));
        EngineRig rig = new EngineRig(db.dataSource(), vault);
        boolean idempotent = Boolean.parseBoolean(args[2]);
        boolean tell = args.length > 3 && args[3].equals("tell");
        // Telling engines run side by side under load: their first requests come from a cold JVM, so they get more
        // time than the rig's 3 s before a request counts as lost (it would then be unknown, never published).
        Config.Engine settings = tell ? new Config.Engine(Duration.ofMillis(200), Duration.ofSeconds(15), 5, 4, Duration.ofMillis(300))
                : EngineRig.settings(5);
        rig.startEngine(settings, http -> List.of(args[2].equals("mastodon")
                ? new com.ailsocialautomation.platform.mastodon.MastodonProvider(new com.ailsocialautomation.platform.GuardedApiClient(http))
                : idempotent ? new IdempotentWebhookProvider(http)
                : tell ? new TellingWebhookProvider(http) : new com.ailsocialautomation.platform.webhook.WebhookProvider(http, java.time.Clock.systemUTC())));
        System.out.println("engine started");
        Thread.sleep(Long.MAX_VALUE);
    }
}
