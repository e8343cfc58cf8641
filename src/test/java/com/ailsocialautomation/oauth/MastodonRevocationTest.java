package com.ailsocialautomation.oauth;

import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.engine.CredentialKeeper;
import com.ailsocialautomation.engine.Revoker;
import com.ailsocialautomation.fakes.FakeMastodon;
import com.ailsocialautomation.net.GuardedHttp;
import com.ailsocialautomation.net.HttpLimits;
import com.ailsocialautomation.net.Resolver;
import com.ailsocialautomation.net.UrlGuard;
import com.ailsocialautomation.platform.ClientApp;
import com.ailsocialautomation.platform.GuardedApiClient;
import com.ailsocialautomation.platform.Providers;
import com.ailsocialautomation.platform.mastodon.MastodonProvider;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.NewAccount;
import com.ailsocialautomation.store.OAuthApps;
import com.ailsocialautomation.store.PendingRevocations;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.StoredTokens;
import com.ailsocialautomation.store.Workspaces;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.RawTables;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-instance app is what revokes a Mastodon token, now or, when the instance is down, later. */
class MastodonRevocationTest {
    private static final String PUBLIC_URL = "https://ail.example.com";

    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();

    private final Instant[] now = {Instant.parse("2030-01-01T10:00:00Z")};
    private final Clock clock = new Clock() {
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now[0]; }
    };
    private FakeMastodon mastodon;
    private GuardedHttp http;
    private Accounts accounts;
    private OAuthClients clients;
    private PendingRevocations pending;
    private Revoker revoker;

    @BeforeEach
    void wire() {
        mastodon = FakeMastodon.start();
        http = new GuardedHttp(new UrlGuard(true, Resolver.system()), new HttpLimits(Duration.ofSeconds(1), Duration.ofSeconds(2), 1 << 20));
        Sql sql = new Sql(pg.dataSource());
        accounts = new Accounts(sql, pg.vault());
        Providers providers = new Providers(List.of(new MastodonProvider(new GuardedApiClient(http))));
        clients = new OAuthClients(Config.from(Map.of("AIL_PUBLIC_URL", PUBLIC_URL)), new OAuthApps(sql, pg.vault()));
        pending = new PendingRevocations(sql, pg.vault());
        revoker = new Revoker(providers, new CredentialKeeper(accounts, clients, clock, new SimpleMeterRegistry()), pending, clients, clock);
    }

    @AfterEach
    void stop() {
        http.close();
        mastodon.close();
    }

    /** An account connected through the app AIL registered at the fake instance. */
    private Account connected(String token) {
        FakeMastodon.App app = mastodon.appFor(token);
        new OAuthApps(new Sql(pg.dataSource()), pg.vault()).save(PlatformId.MASTODON, mastodon.url(), app.redirectUri(),
                new OAuthApps.Registered(app.clientId(), Secret.of(app.clientSecret()), null));
        Workspaces workspaces = new Workspaces(new Sql(pg.dataSource()));
        UUID ws = workspaces.ensure(FrontEnd.CONSOLE, "ws-" + UUID.randomUUID(), null);
        UUID owner = workspaces.ensureUser(ws, "u", "Ana").id();
        return accounts.connect(ws, owner, new NewAccount(PlatformId.MASTODON, "1", "@ana@127.0.0.1", "Ana", null, mastodon.url(), null, 500),
                new StoredTokens(Secret.of(token), null, null, null));
    }

    @Test
    void theInstancesOwnAppIsTheAccountsClient() {
        String token = mastodon.issue(PUBLIC_URL + "/oauth/mastodon/callback", "write:statuses profile");
        Account account = connected(token);
        ClientApp app = clients.forAccount(account);
        assertEquals(mastodon.appFor(token).clientId(), app.clientId());
        assertEquals(mastodon.appFor(token).clientSecret(), app.clientSecret().reveal());
    }

    @Test
    void aRevocationTheInstanceCannotTakeNowIsRetriedLaterWithTheSameApp() {
        String token = mastodon.issue(PUBLIC_URL + "/oauth/mastodon/callback", "write:statuses profile");
        Account account = connected(token);
        String secret = mastodon.appFor(token).clientSecret();
        mastodon.failNext("/oauth/revoke", 503);
        assertFalse(revoker.revoke(account), "queued for later");
        assertTrue(mastodon.tokenValid(token));
        assertEquals(List.of(), RawTables.rowsContaining(pg.dataSource(), token).stream()
                .filter(hit -> hit.startsWith("pending_revocations")).toList(), "queued encrypted");

        revoker.retryPending();
        assertTrue(mastodon.tokenValid(token), "not due yet");
        now[0] = now[0].plus(Duration.ofMinutes(6));
        revoker.retryPending();
        assertFalse(mastodon.tokenValid(token), "revoked on the retry");
        assertEquals(0, pending.due(now[0].plus(Duration.ofDays(1)), 10).size());
        assertEquals(2, mastodon.received("POST", "/oauth/revoke").size());
        assertEquals(secret, mastodon.received("POST", "/oauth/revoke").get(1).form().get("client_secret"));
    }

    /**
     * An instance that never takes the revocation: retried with doubling waits (5 min up to 4 h), then given up, as
     * PRIVACY.md says, after about 30 attempts: the queued copy of the token is deleted and nothing is tried again.
     */
    @Test
    void aRevocationTheInstanceNeverTakesIsRetriedWithBackoffAndGivenUpAfterThirtyOneRetries() {
        String token = mastodon.issue(PUBLIC_URL + "/oauth/mastodon/callback", "write:statuses profile");
        Account account = connected(token);
        mastodon.failNext("/oauth/revoke", 503);
        Instant start = now[0];
        assertFalse(revoker.revoke(account));
        Sql sql = new Sql(pg.dataSource());
        List<Long> waits = new java.util.ArrayList<>();
        Instant last = start;
        while (sql.one("select count(*) from pending_revocations", rs -> rs.getInt(1)).orElseThrow() > 0) {
            Instant due = sql.one("select next_attempt_at from pending_revocations", rs -> Sql.instant(rs, "next_attempt_at")).orElseThrow();
            waits.add(Duration.between(last, due).toMinutes());
            last = due;
            now[0] = due.minusSeconds(1);
            revoker.retryPending();
            assertEquals(1, sql.one("select count(*) from pending_revocations", rs -> rs.getInt(1)).orElseThrow(), "not before it is due");
            now[0] = due;
            mastodon.failNext("/oauth/revoke", 503);
            revoker.retryPending();
            assertTrue(waits.size() < 40, "it ends");
        }
        assertEquals(List.of(5L, 5L, 10L, 20L, 40L, 80L, 160L, 240L, 240L), waits.subList(0, 9), "doubling waits, at most 4 hours");
        assertEquals(32, waits.size(), "31 retries that are queued again, then the one after which it gives up");
        assertEquals(33, mastodon.received("POST", "/oauth/revoke").size(), "the first attempt and 32 retries");
        assertTrue(Duration.between(start, now[0]).compareTo(Duration.ofDays(4)) > 0
                && Duration.between(start, now[0]).compareTo(Duration.ofDays(5)) < 0, "about four and a half days: " + Duration.between(start, now[0]));
        now[0] = now[0].plus(Duration.ofDays(30));
        revoker.retryPending();
        assertEquals(33, mastodon.received("POST", "/oauth/revoke").size(), "given up: never tried again");
        assertTrue(mastodon.tokenValid(token), "the token lives on at the instance, which is why PRIVACY.md names this exception");
    }
}
