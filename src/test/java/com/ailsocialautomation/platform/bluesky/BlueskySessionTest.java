package com.ailsocialautomation.platform.bluesky;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeBluesky;
import com.ailsocialautomation.net.GuardedHttp;
import com.ailsocialautomation.net.HttpLimits;
import com.ailsocialautomation.net.Resolver;
import com.ailsocialautomation.net.UrlGuard;
import com.ailsocialautomation.platform.Connected;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.GuardedApiClient;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.TokenSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlueskySessionTest {
    private FakeBluesky pds;
    private GuardedHttp http;
    private BlueskyProvider provider;

    @BeforeEach
    void start() {
        pds = FakeBluesky.start();
        http = new GuardedHttp(new UrlGuard(true, Resolver.system()), new HttpLimits(Duration.ofSeconds(2), Duration.ofSeconds(3), 1 << 20));
        provider = new BlueskyProvider(new GuardedApiClient(http), pds.url(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        http.close();
        pds.close();
    }

    private Connected logIn(String password) {
        return provider.logIn(pds.url(), FakeBluesky.HANDLE, Secret.of(password));
    }

    private Credentials credentials(TokenSet tokens) {
        return new Credentials(tokens.accessToken(), tokens.refreshToken(), tokens.expiresAt(), pds.url(),
                FakeBluesky.DID, FakeBluesky.HANDLE, null);
    }

    @Test
    void anAppPasswordSignsInOnceAndGivesTheSessionTheDidAndTheProfile() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Connected connected = logIn(FakeBluesky.APP_PASSWORD);

        assertEquals(1, pds.sessionsCreated());
        assertEquals(FakeBluesky.DID, connected.profile().accountId());
        assertEquals(FakeBluesky.HANDLE, connected.profile().handle());
        assertEquals(FakeBluesky.DISPLAY_NAME, connected.profile().displayName());
        assertEquals(FakeBluesky.AVATAR, connected.profile().avatarUrl());
        assertEquals("https://bsky.app/profile/" + FakeBluesky.HANDLE, connected.profile().url());
        Instant expires = connected.tokens().expiresAt();
        assertFalse(expires.isBefore(before.plus(Duration.ofMinutes(120))), "read from the JWT's exp claim");
        assertTrue(expires.isBefore(before.plus(Duration.ofMinutes(121))));
        assertTrue(connected.tokens().refreshExpiresAt().isAfter(before.plus(Duration.ofDays(89))));
        FakeBluesky.Received login = pds.received("com.atproto.server.createSession").get(0);
        assertTrue(login.header("Content-Type").startsWith("application/json"));
        assertEquals(FakeBluesky.HANDLE, login.json().path("identifier").asText());
        FakeBluesky.Received profile = pds.received("app.bsky.actor.getProfile").get(0);
        assertEquals("Bearer " + connected.tokens().accessToken().reveal(), profile.header("Authorization"));
    }

    @Test
    void theExpiryOfATokenThatIsNoJwtIsBlueskysTwoHours() {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        assertEquals(now.plus(BlueskySession.ACCESS_LIFETIME), BlueskySession.expiry("opaque-token", now.plus(BlueskySession.ACCESS_LIFETIME)));
        assertEquals(now, BlueskySession.expiry("a.%%%.c", now));
        assertEquals(Instant.ofEpochSecond(1_800_000_000L), BlueskySession.expiry("e30."
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"exp\":1800000000}".getBytes()) + ".sig", now));
    }

    @Test
    void aWrongPasswordSaysToCheckTheHandleOrCreateAnAppPassword() {
        UserError e = assertThrows(UserError.class, () -> logIn("zzzz-zzzz-zzzz-zzzz"));
        assertEquals("Bluesky did not accept @ana.bsky.social with that app password. Check the handle, or create an app "
                + "password (Settings → Privacy and security → App passwords) and connect again.", e.getMessage());
        assertFalse(e.getMessage().contains("zzzz"));
    }

    @Test
    void theMainPasswordOfAnAccountWithEmailCodesAsksForAnAppPasswordInstead() {
        UserError e = assertThrows(UserError.class, () -> logIn(FakeBluesky.MAIN_PASSWORD));
        assertTrue(e.getMessage().startsWith("Bluesky asked for an email sign-in code, so that was the account's main password: "
                + "create an app password"), e.getMessage());
    }

    @Test
    void aTakenDownOrDeactivatedAccountIsNotConnected() {
        pds.accountStatus("takendown");
        assertTrue(assertThrows(UserError.class, () -> logIn(FakeBluesky.APP_PASSWORD)).getMessage()
                .startsWith("Bluesky says @ana.bsky.social has been taken down"));
        pds.accountStatus("deactivated");
        assertEquals("Bluesky says @ana.bsky.social is deactivated, so it cannot post and was not connected.",
                assertThrows(UserError.class, () -> logIn(FakeBluesky.APP_PASSWORD)).getMessage());
    }

    @Test
    void tooManySignInsSayWhenToTryAgain() {
        pds.rateLimitNext("/xrpc/com.atproto.server.createSession", Instant.parse("2030-01-01T14:05:00Z"));
        assertEquals("Bluesky allows only a few sign-ins per 5 minutes and per day; try again after 14:05 UTC.",
                assertThrows(UserError.class, () -> logIn(FakeBluesky.APP_PASSWORD)).getMessage());
    }

    @Test
    void refreshingRotatesThePairAndTheUsedRefreshTokenNoLongerWorks() {
        TokenSet first = logIn(FakeBluesky.APP_PASSWORD).tokens();
        TokenSet second = provider.refresh(credentials(first));

        assertNotEquals(first.accessToken(), second.accessToken());
        assertNotEquals(first.refreshToken(), second.refreshToken());
        assertEquals("Bearer " + first.refreshToken().reveal(),
                pds.received("com.atproto.server.refreshSession").get(0).header("Authorization"));
        assertFalse(pds.refreshTokenValid(first.refreshToken().reveal()));
        PlatformError reused = assertThrows(PlatformError.class, () -> provider.refresh(credentials(first)));
        assertEquals(PlatformError.Kind.AUTH_EXPIRED, reused.kind(), "only a new sign-in helps");
        assertEquals("Bluesky refused to renew the session (Token has been revoked)", reused.getMessage());
        assertEquals(1, pds.sessionsCreated(), "refreshing never signs in again");
    }

    @Test
    void disconnectingEndsTheSessionWithTheRefreshToken() {
        TokenSet tokens = logIn(FakeBluesky.APP_PASSWORD).tokens();
        assertTrue(provider.canRevoke());
        provider.revoke(credentials(tokens));
        assertEquals("Bearer " + tokens.refreshToken().reveal(),
                pds.received("com.atproto.server.deleteSession").get(0).header("Authorization"));
        assertFalse(pds.refreshTokenValid(tokens.refreshToken().reveal()));
        provider.revoke(credentials(tokens)); // already gone: nothing left to revoke, not an error
        provider.revoke(new Credentials(tokens.accessToken(), null, null, pds.url(), FakeBluesky.DID, null, null));
        assertEquals(2, pds.received("com.atproto.server.deleteSession").size(), "no refresh token, no call");
    }

    @Test
    void aPdsTheGuardRefusesIsNeverCalled() {
        try (GuardedHttp strict = new GuardedHttp(new UrlGuard(false, Resolver.system()), HttpLimits.defaults())) {
            BlueskyProvider guarded = new BlueskyProvider(new GuardedApiClient(strict), null, Clock.systemUTC());
            PlatformError e = assertThrows(PlatformError.class,
                    () -> guarded.logIn(pds.url(), FakeBluesky.HANDLE, Secret.of(FakeBluesky.APP_PASSWORD)));
            assertEquals(PlatformError.Kind.PERMANENT, e.kind());
            assertEquals("That URL must start with https://.", e.getMessage());
            assertEquals(0, pds.sessionsCreated());
        }
    }

    @Test
    void theDefaultPdsIsBlueskysEntryway() {
        assertEquals("https://bsky.social", new BlueskyProvider(new GuardedApiClient(http), null, Clock.systemUTC()).instanceUrl(null));
        assertEquals("https://pds.example.org", new BlueskyProvider(new GuardedApiClient(http), "https://pds.example.org/", Clock.systemUTC()).instanceUrl(null));
    }
}
