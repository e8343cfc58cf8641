package com.ailsocialautomation.store;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An account belongs to its workspace: another workspace cannot remove it, and a removed account is not refreshed.
 * Commands name accounts the ways people write them, and a disconnect names the accounts that share its grant.
 */
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

    private static List<UUID> ids(List<Account> accounts) {
        return accounts.stream().map(Account::id).toList();
    }

    private static Account connect(Accounts accounts, UUID ws, UUID owner, PlatformId platform, String externalId, String handle,
                                   String grantor) {
        return accounts.connect(ws, owner, new NewAccount(platform, externalId, handle, handle, null, null, null, null, grantor),
                new StoredTokens(Secret.of("token-" + externalId), null, null, null));
    }

    @Test
    void anAccountIsNamedByItsShortIdItsHandleWithOrWithoutAtOrItsPlatformAndNothingElse() {
        StoreWorld world = new StoreWorld(pg, "T-NAMES", "Names");
        UUID ws = world.ws;
        UUID ana = world.ana.id();
        Accounts accounts = world.accounts;
        Account toot = connect(accounts, ws, ana, PlatformId.MASTODON, "m-1", "Ana@Fosstodon.example", null);
        Account tweet = connect(accounts, ws, ana, PlatformId.X, "x-2", "@ana_news", null);
        Account hook = connect(accounts, ws, ana, PlatformId.WEBHOOK, "h-3", null, null);

        assertEquals(List.of(tweet.id()), ids(accounts.resolve(ws, "@ana_news")));
        assertEquals(List.of(tweet.id()), ids(accounts.resolve(ws, " ANA_NEWS ")), "a handle without its @, in any case");
        assertEquals(List.of(toot.id()), ids(accounts.resolve(ws, "@ana@fosstodon.example")));
        assertEquals(List.of(toot.id()), ids(accounts.resolve(ws, "ana")), "a fediverse handle by its name before the instance");
        assertEquals(List.of(hook.id()), ids(accounts.resolve(ws, hook.shortId().toUpperCase())));
        assertEquals(List.of(tweet.id()), ids(accounts.resolve(ws, "x")));
        assertEquals(List.of(), ids(accounts.resolve(ws, "ana_new")), "a handle's beginning named it");
        assertEquals(List.of(), ids(accounts.resolve(ws, "fosstodon.example")));
    }

    @Test
    void theAccountsConnectedThroughOnePersonsGrantAreTheOthersOfThatGrantOnly() {
        StoreWorld world = new StoreWorld(pg, "T-GRANTS", "Grants");
        UUID ws = world.ws;
        UUID ana = world.ana.id();
        Accounts accounts = world.accounts;
        Account page = connect(accounts, ws, ana, PlatformId.FACEBOOK, "page-1", "Ana's Bakery", "meta-ana");
        Account insta = connect(accounts, ws, ana, PlatformId.INSTAGRAM, "ig-1", "anasbakery", "meta-ana");
        Account bobsPage = connect(accounts, ws, ana, PlatformId.FACEBOOK, "page-2", "Bob's Bikes", "meta-bob");
        Account tweet = connect(accounts, ws, ana, PlatformId.X, "x-1", "@ana", null);

        assertEquals(List.of(insta.id()), ids(accounts.sameGrant(ws, page.id())));
        assertEquals(List.of(page.id()), ids(accounts.sameGrant(ws, insta.id())));
        assertEquals(List.of(), ids(accounts.sameGrant(ws, bobsPage.id())));
        assertEquals(List.of(), ids(accounts.sameGrant(ws, tweet.id())), "accounts with no grantor share no grant");
    }

    @Test
    void aRefreshWritesTheNewTokensAndOneThatChangesNothingWritesNothing() {
        StoreWorld world = new StoreWorld(pg, "T-REFRESH", "Refresh");
        Sql sql = world.sql;
        UUID ws = world.ws;
        UUID ana = world.ana.id();
        Accounts accounts = world.accounts;
        Account x = accounts.connect(ws, ana, new NewAccount(PlatformId.X, "x-r", "@ana", "Ana", null, null, "tweet.write", 280),
                new StoredTokens(Secret.of("access-1"), Secret.of("refresh-1"), Instant.now().plusSeconds(60), null));

        StoredTokens fresh = accounts.refreshLocked(ws, x.id(), now -> new StoredTokens(Secret.of("access-2"),
                Secret.of("refresh-2"), Instant.now().plusSeconds(7200), null));
        assertEquals("access-2", fresh.access().reveal());
        assertEquals("access-2", accounts.tokens(ws, x.id()).access().reveal());
        assertEquals("refresh-2", accounts.tokens(ws, x.id()).refresh().reveal());

        String written = sql.one("select xmin::text from social_accounts where id = ?", rs -> rs.getString(1), x.id()).orElseThrow();
        StoredTokens same = accounts.refreshLocked(ws, x.id(), now -> now);
        assertEquals("access-2", same.access().reveal(), "another instance's refresh is handed back as it is");
        assertEquals(written, sql.one("select xmin::text from social_accounts where id = ?", rs -> rs.getString(1), x.id()).orElseThrow(),
                "tokens nobody changed were written again");
    }

    @Test
    void aPlatformsCallbackNamesEveryAccountConnectedThroughThatPersonsGrant() {
        StoreWorld world = new StoreWorld(pg, "T-CALLBACK", "Callback");
        UUID ws = world.ws;
        UUID ana = world.ana.id();
        Accounts accounts = world.accounts;
        Account page = connect(accounts, ws, ana, PlatformId.FACEBOOK, "cb-page", "Page", "meta-cb");
        Account threads = connect(accounts, ws, ana, PlatformId.THREADS, "meta-cb2", "threads", null);
        connect(accounts, ws, ana, PlatformId.FACEBOOK, "cb-other", "Other", "meta-other");

        assertEquals(List.of(page.id()), ids(accounts.grantedBy(List.of(PlatformId.FACEBOOK, PlatformId.INSTAGRAM), "meta-cb")));
        assertEquals(List.of(threads.id()), ids(accounts.grantedBy(List.of(PlatformId.THREADS), "meta-cb2")),
                "a profile connected directly is named by its own id");
        assertEquals(List.of(), ids(accounts.grantedBy(List.of(PlatformId.INSTAGRAM), "meta-cb")));
    }
}
