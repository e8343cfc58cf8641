package com.ailsocialautomation.store;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.testing.PostgresExtension;

import java.util.UUID;

/** A Slack workspace with Ana in it, on a test class's own database, and the store's repositories over it. */
final class StoreWorld {
    final Sql sql;
    final Posts posts;
    final Targets targets;
    final Accounts accounts;
    final Workspaces workspaces;
    final UUID ws;
    final ChatUser ana;

    StoreWorld(PostgresExtension pg, String teamId, String teamName) {
        sql = new Sql(pg.dataSource());
        posts = new Posts(sql, pg.vault());
        targets = new Targets(sql, pg.vault());
        accounts = new Accounts(sql, pg.vault());
        workspaces = new Workspaces(sql);
        ws = workspaces.ensure(FrontEnd.SLACK, teamId, teamName);
        ana = workspaces.ensureUser(ws, "U-ANA", "Ana");
    }

    /** Ana's webhook account named {@code name}: one account per name, its secret and endpoint made from the name. */
    Account hook(String name) {
        return hook(ana.id(), name);
    }

    Account hook(UUID owner, String name) {
        return accounts.connect(ws, owner, new NewAccount(PlatformId.WEBHOOK, "hook-" + name, "hook.test/" + name, name,
                null, null, null, null), new StoredTokens(Secret.of("whsec_" + name), null, null, null, Secret.of("https://hook.test/" + name)));
    }
}
