package com.ailsocialautomation.engine;

import com.ailsocialautomation.store.Database;
import com.ailsocialautomation.store.Vault;

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
        rig.startEngine(EngineRig.settings(5), http -> List.of(args[2].equals("mastodon")
                ? new com.ailsocialautomation.platform.mastodon.MastodonProvider(new com.ailsocialautomation.platform.GuardedApiClient(http))
                : idempotent ? new IdempotentWebhookProvider(http)
                : tell ? new TellingWebhookProvider(http) : new com.ailsocialautomation.platform.webhook.WebhookProvider(http, java.time.Clock.systemUTC())));
        System.out.println("engine started");
        Thread.sleep(Long.MAX_VALUE);
    }
}
