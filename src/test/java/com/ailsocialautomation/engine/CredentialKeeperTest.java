package com.ailsocialautomation.engine;

import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.Profile;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.platform.Published;
import com.ailsocialautomation.platform.TokenSet;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.NewAccount;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.StoredTokens;
import com.ailsocialautomation.store.Vault;
import com.ailsocialautomation.store.Workspaces;
import com.ailsocialautomation.testing.PostgresExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rotating refresh tokens are single-use: two instances refreshing the same account at once would burn the
 * account. These tests run two keepers (two instances' worth, each with its own pool) against one database.
 */
class CredentialKeeperTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();

    /** A platform whose refresh tokens are single-use and whose refresh takes a while. */
    static final class RotatingPlatform implements Provider {
        final AtomicInteger refreshes = new AtomicInteger();
        volatile String validRefresh = "refresh-0";
        /** What the platform says of its new refresh token's life (LinkedIn does; X does not), or null. */
        volatile Instant refreshExpiresAt;
        /** Whether the platform hands out a new refresh token with each refresh (rotation) or keeps the old one valid. */
        volatile boolean rotates = true;

        @Override public Platform platform() { return Platform.X; }
        @Override public Profile profile(Credentials c) { return null; }
        @Override public Published publish(Credentials c, PublishRequest r) { return null; }

        @Override
        public synchronized TokenSet refresh(Credentials c) {
            if (!c.refreshToken().reveal().equals(validRefresh)) {
                throw new PlatformError(PlatformError.Kind.AUTH_EXPIRED, 400, "refresh token already used", null);
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int n = refreshes.incrementAndGet();
            if (!rotates) {
                return new TokenSet(Secret.of("access-" + n), null, Instant.now().plus(Duration.ofHours(2)), refreshExpiresAt, null);
            }
            validRefresh = "refresh-" + n;
            return new TokenSet(Secret.of("access-" + n), Secret.of(validRefresh), Instant.now().plus(Duration.ofHours(2)), refreshExpiresAt, null);
        }
    }

    private Account account(Accounts accounts, Workspaces workspaces, Instant accessExpiresAt) {
        return account(accounts, workspaces, accessExpiresAt, null);
    }

    private Account account(Accounts accounts, Workspaces workspaces, Instant accessExpiresAt, Instant refreshExpiresAt) {
        UUID ws = workspaces.ensure(FrontEnd.CONSOLE, "ws-" + UUID.randomUUID(), null);
        ChatUser user = workspaces.ensureUser(ws, "u", "U");
        return accounts.connect(ws, user.id(), new NewAccount(PlatformId.X, "ext-" + UUID.randomUUID(), "@h", "H", null, null, null, null),
                new StoredTokens(Secret.of("access-0"), Secret.of("refresh-0"), accessExpiresAt, refreshExpiresAt));
    }

    private CredentialKeeper keeper(Accounts accounts) {
        return new CredentialKeeper(accounts, a -> null, Clock.systemUTC(), new SimpleMeterRegistry());
    }

    @Test
    void twoInstancesRefreshingTheSameAccountAtOnceRefreshItOnceAndBothGetTheNewToken() throws Exception {
        Vault vault = pg.vault();
        Accounts first = new Accounts(new Sql(pg.dataSource()), vault);
        try (var otherPool = com.ailsocialautomation.store.Database.over(pg.jdbcUrl(), "postgres", null, null)) {
            Accounts second = new Accounts(new Sql(otherPool.dataSource()),
                    Vault.open(otherPool.dataSource(), Base64.getDecoder().decode(PostgresExtension.MASTER_KEY_BASE64)));
            Account account = account(first, new Workspaces(new Sql(pg.dataSource())), Instant.now().plusSeconds(60));
            RotatingPlatform platform = new RotatingPlatform();
            List<CredentialKeeper> keepers = List.of(keeper(first), keeper(second), keeper(first), keeper(second));
            ExecutorService pool = Executors.newFixedThreadPool(keepers.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Credentials>> results = new ArrayList<>();
            for (CredentialKeeper k : keepers) {
                results.add(pool.submit(() -> {
                    go.await();
                    return k.current(account, platform); // expires within the refresh margin: each wants to refresh
                }));
            }
            go.countDown();
            for (Future<Credentials> r : results) {
                assertEquals("access-1", r.get().accessToken().reveal());
            }
            pool.shutdown();
            assertEquals(1, platform.refreshes.get(), "one refresh for four concurrent callers");
            StoredTokens stored = first.tokens(account.workspaceId(), account.id());
            assertEquals("refresh-1", stored.refresh().reveal(), "the new pair was saved");
        }
    }

    @Test
    void aTokenFarFromExpiryIsUsedAsIsAndOneCloseToItIsRefreshedFirst() {
        Accounts accounts = new Accounts(new Sql(pg.dataSource()), pg.vault());
        Workspaces workspaces = new Workspaces(new Sql(pg.dataSource()));
        RotatingPlatform platform = new RotatingPlatform();
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        CredentialKeeper keeper = new CredentialKeeper(accounts, a -> null, Clock.systemUTC(), metrics);
        Account fresh = account(accounts, workspaces, Instant.now().plus(Duration.ofHours(1)));
        assertEquals("access-0", keeper.current(fresh, platform).accessToken().reveal());
        assertEquals(0, platform.refreshes.get());
        assertEquals(0, metrics.counter("ail.token.refreshes", "platform", "x").count(), "no refresh, none counted");
        Account stale = account(accounts, workspaces, Instant.now().plusSeconds(30));
        assertEquals("access-1", keeper.current(stale, platform).accessToken().reveal());
        assertEquals(1, metrics.counter("ail.token.refreshes", "platform", "x").count(), "the refresh is counted, by platform");
    }

    @Test
    void aRefusedRefreshIsAnAuthErrorAndLeavesTheStoredTokensAsTheyWere() {
        Accounts accounts = new Accounts(new Sql(pg.dataSource()), pg.vault());
        RotatingPlatform platform = new RotatingPlatform();
        platform.validRefresh = "something-else";
        Account account = account(accounts, new Workspaces(new Sql(pg.dataSource())), Instant.now().minusSeconds(5));
        PlatformError e = assertThrows(PlatformError.class, () -> keeper(accounts).current(account, platform));
        assertEquals(PlatformError.Kind.AUTH_EXPIRED, e.kind());
        assertTrue(accounts.tokens(account.workspaceId(), account.id()).refresh().reveal().equals("refresh-0"));
    }

    @Test
    void aRefreshKeepsTheRefreshTokensLifeThePlatformGivesOrElseTheOneItHad() {
        // the reconnect reminder reads this date: a wrong one warns too early, too late, or never
        Accounts accounts = new Accounts(new Sql(pg.dataSource()), pg.vault());
        Workspaces workspaces = new Workspaces(new Sql(pg.dataSource()));
        Instant known = Instant.parse("2027-02-01T00:00:00Z");
        Instant renewed = Instant.parse("2027-03-01T00:00:00Z");

        RotatingPlatform saysNothing = new RotatingPlatform();
        Account quiet = account(accounts, workspaces, Instant.now().plusSeconds(30), known);
        keeper(accounts).current(quiet, saysNothing);
        StoredTokens kept = accounts.tokens(quiet.workspaceId(), quiet.id());
        assertEquals("access-1", kept.access().reveal());
        assertEquals("refresh-1", kept.refresh().reveal());
        assertEquals(known, kept.refreshExpiresAt(), "the platform said nothing of the refresh token's life: the known date stays");

        RotatingPlatform saysWhen = new RotatingPlatform();
        saysWhen.refreshExpiresAt = renewed;
        Account told = account(accounts, workspaces, Instant.now().plusSeconds(30), known);
        keeper(accounts).current(told, saysWhen);
        assertEquals(renewed, accounts.tokens(told.workspaceId(), told.id()).refreshExpiresAt(), "the platform's new date replaces it");

        RotatingPlatform keepsItsToken = new RotatingPlatform();
        keepsItsToken.rotates = false;
        Account same = account(accounts, workspaces, Instant.now().plusSeconds(30), known);
        keeper(accounts).current(same, keepsItsToken);
        StoredTokens unchanged = accounts.tokens(same.workspaceId(), same.id());
        assertEquals("access-1", unchanged.access().reveal());
        assertEquals("refresh-0", unchanged.refresh().reveal(), "no new refresh token given: the one held stays");
    }
}
