package com.ailsocialautomation.platform.threads;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.engine.Announcer;
import com.ailsocialautomation.engine.TokenRenewal;
import com.ailsocialautomation.fakes.FakeThreads;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.AccountStatus;
import com.ailsocialautomation.store.NewAccount;
import com.ailsocialautomation.store.StoredTokens;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.Units;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Threads' 60-day tokens die if nobody renews them, and renew only while valid and at least a day old: the renewal
 * job renews a profile's token once less than 30 days are left, whether or not anything is posted, leaves a younger
 * one alone, keeps a valid one Threads will not renew yet, and asks the owner once to reconnect a token Threads no
 * longer takes.
 */
class ThreadsTokenRenewalTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    FakeThreads threads;
    Units units;
    TokenRenewal renewal;
    UUID workspace;
    UUID owner;

    @BeforeEach
    void wire() {
        threads = FakeThreads.start();
        units = Units.over(pg).env("AIL_THREADS_CLIENT_ID", FakeThreads.CLIENT_ID)
                .env("AIL_THREADS_CLIENT_SECRET", FakeThreads.CLIENT_SECRET)
                .env("AIL_THREADS_API_URL", threads.url()).env("AIL_THREADS_AUTH_URL", threads.url()).build();
        renewal = new TokenRenewal(units.store.accounts, units.platforms.providers, units.publishing.keeper,
                new Announcer(units.store.outbox), Clock.systemUTC());
        units.store.sql.update("delete from notifications"); // each test's accounts are the job's only candidates
        units.store.sql.update("delete from social_accounts");
        workspace = units.store.workspaces.ensure(FrontEnd.DISCORD, "G-" + UUID.randomUUID(), "Test");
        owner = units.store.workspaces.ensureUser(workspace, "U-" + UUID.randomUUID(), "Ana").id();
    }

    @AfterEach
    void stop() {
        units.close();
        threads.close();
    }

    /** Ana's profile connected with {@code token}, which AIL believes expires in {@code left}. */
    private Account connected(String token, Duration left) {
        Instant expires = Instant.now().plus(left);
        return units.store.accounts.connect(workspace, owner, new NewAccount(PlatformId.THREADS, FakeThreads.USER_ID,
                FakeThreads.USERNAME, "Ana", null, null, null, null), new StoredTokens(Secret.of(token), Secret.of(token), expires, expires));
    }

    private StoredTokens stored(Account account) {
        return units.store.accounts.tokens(workspace, account.id());
    }

    private int refreshCalls() {
        return threads.received("GET", "/refresh_access_token").size();
    }

    @Test
    void aTokenWithLessThan30DaysLeftIsRenewedForSixtyWithoutAnyPost() {
        threads.longLivedTokens(Duration.ofDays(20), Duration.ofDays(40));
        String old = threads.issueLongLived();
        threads.longLivedTokens(Duration.ofDays(60), Duration.ZERO);
        Account account = connected(old, Duration.ofDays(20));

        assertEquals(1, renewal.renewDue());

        StoredTokens now = stored(account);
        assertNotEquals(old, now.access().reveal());
        assertEquals(now.access(), now.refresh(), "the new long-lived token is also what renews it next time");
        assertTrue(threads.tokenValid(now.access().reveal()));
        assertTrue(now.accessExpiresAt().isAfter(Instant.now().plus(Duration.ofDays(59))), now.accessExpiresAt().toString());
        assertEquals(0, renewal.renewDue(), "renewed once, not at every run");
        assertEquals(1, refreshCalls());
    }

    @Test
    void aTokenWithMoreThan30DaysLeftIsLeftAlone() {
        Account account = connected(threads.issueLongLived(), Duration.ofDays(45));
        assertEquals(0, renewal.renewDue());
        assertEquals(0, refreshCalls());
        assertEquals(AccountStatus.ACTIVE, units.store.accounts.find(workspace, account.id()).orElseThrow().status());
    }

    @Test
    void aValidTokenThreadsWillNotRenewYetStaysInUse() {
        threads.longLivedTokens(Duration.ofDays(20), Duration.ofHours(2)); // under 24 hours old
        String young = threads.issueLongLived();
        Account account = connected(young, Duration.ofDays(20));

        renewal.renewDue();

        assertEquals(1, refreshCalls());
        assertEquals(young, stored(account).access().reveal());
        assertEquals(AccountStatus.ACTIVE, units.store.accounts.find(workspace, account.id()).orElseThrow().status());
        assertEquals(0, units.store.sql.one("select count(*) from notifications", rs -> rs.getLong(1)).orElseThrow());
    }

    @Test
    void aTokenThreadsNoLongerTakesAsksTheOwnerToReconnectOnce() {
        threads.longLivedTokens(Duration.ofDays(20), Duration.ofDays(40));
        Account account = connected(threads.issueLongLived(), Duration.ofDays(20));
        threads.revokeAll();

        renewal.renewDue();
        renewal.renewDue();

        assertEquals(AccountStatus.NEEDS_RECONNECT, units.store.accounts.find(workspace, account.id()).orElseThrow().status());
        assertEquals(1, units.store.sql.one("select count(*) from notifications where event_key like 'reconnect:%'",
                rs -> rs.getLong(1)).orElseThrow());
        assertEquals(1, refreshCalls(), "an account waiting for its owner is not tried again");
    }
}
