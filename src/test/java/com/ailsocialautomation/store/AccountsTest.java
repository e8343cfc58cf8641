package com.ailsocialautomation.store;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An account belongs to its workspace: another workspace cannot remove it, and a removed account is not refreshed. */
class AccountsTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();

    @Test
    void onlyTheAccountsOwnWorkspaceRemovesItAndARemovedAccountIsNotRefreshed() {
        Sql sql = new Sql(pg.dataSource());
        Workspaces workspaces = new Workspaces(sql);
        UUID acme = workspaces.ensure(FrontEnd.SLACK, "T-ACME", "Acme");
        UUID other = workspaces.ensure(FrontEnd.SLACK, "T-OTHER", "Other");
        UUID ana = workspaces.ensureUser(acme, "U-ANA", "Ana").id();
        Accounts accounts = new Accounts(sql, pg.vault());
        Account x = accounts.connect(acme, ana, new NewAccount(PlatformId.X, "x-1", "@ana", "Ana", null, null, "tweet.write", 280),
                new StoredTokens(Secret.of("access-1"), Secret.of("refresh-1"), Instant.now().plusSeconds(7200), null));

        assertFalse(accounts.delete(other, x.id()), "another workspace removed Acme's account");
        assertTrue(accounts.find(acme, x.id()).isPresent());
        assertTrue(accounts.delete(acme, x.id()));
        assertTrue(accounts.find(acme, x.id()).isEmpty());
        assertFalse(accounts.delete(acme, x.id()), "an account is removed once");

        IllegalStateException gone = assertThrows(IllegalStateException.class,
                () -> accounts.refreshLocked(acme, x.id(), tokens -> tokens));
        assertEquals("account " + x.id() + " is gone", gone.getMessage());
    }
}
