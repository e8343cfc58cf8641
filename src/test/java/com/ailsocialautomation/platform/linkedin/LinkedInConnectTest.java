package com.ailsocialautomation.platform.linkedin;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeLinkedIn;
import com.ailsocialautomation.platform.AuthorizeRequest;
import com.ailsocialautomation.platform.ClientApp;
import com.ailsocialautomation.platform.CodeExchange;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.DirectApiClient;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.Profile;
import com.ailsocialautomation.platform.TokenSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinkedInConnectTest {
    private static final ClientApp APP = new ClientApp(FakeLinkedIn.CLIENT_ID, Secret.of(FakeLinkedIn.CLIENT_SECRET));

    private FakeLinkedIn linkedin;
    private LinkedInProvider provider;

    @BeforeEach
    void start() {
        linkedin = FakeLinkedIn.start();
        provider = new LinkedInProvider(new DirectApiClient(Duration.ofSeconds(5)), linkedin.url(), linkedin.url(), null, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        linkedin.close();
    }

    private URI authorize() {
        return provider.authorizeUrl(new AuthorizeRequest("state-9", "challenge-ignored", FakeLinkedIn.REDIRECT_URI, null, APP));
    }

    private TokenSet connect(ClientApp app) {
        FakeLinkedIn.Callback callback = linkedin.approve(authorize());
        assertEquals("state-9", callback.state());
        return provider.exchangeCode(new CodeExchange(Secret.of(callback.code()), Secret.of("verifier"), FakeLinkedIn.REDIRECT_URI, null, app));
    }

    private static Credentials credentials(TokenSet tokens) {
        return new Credentials(tokens.accessToken(), tokens.refreshToken(), tokens.expiresAt(), null, FakeLinkedIn.MEMBER_ID, "Ada Lovelace", APP);
    }

    @Test
    void theAuthorizeUrlAsksForSignInAndPostingWithoutPkce() {
        String url = authorize().toString();
        assertTrue(url.startsWith(linkedin.url() + "/oauth/v2/authorization?response_type=code&client_id=" + FakeLinkedIn.CLIENT_ID), url);
        assertTrue(url.contains("&scope=openid%20profile%20w_member_social"), url);
        assertTrue(url.contains("&state=state-9"), url);
        assertFalse(url.contains("code_challenge"), "platforms.md: LinkedIn documents no PKCE for web apps");
    }

    @Test
    void theDefaultsAreLinkedInsHostsAndAPinnedVersion() {
        LinkedInProvider real = new LinkedInProvider(request -> { throw new AssertionError("no network"); }, null, null, null, Clock.systemUTC());
        assertTrue(real.authorizeUrl(new AuthorizeRequest("s", null, "https://a.example/cb", null, APP)).toString()
                .startsWith("https://www.linkedin.com/oauth/v2/authorization?"));
        assertEquals("202607", LinkedInProvider.DEFAULT_VERSION);
    }

    @Test
    void aVersionThatIsNotYyyymmIsRefusedAtStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LinkedInProvider(r -> null, null, null, "2024-01", Clock.systemUTC()));
        assertTrue(e.getMessage().contains("YYYYMM"), e.getMessage());
    }

    @Test
    void aCodeIsExchangedWithTheSecretInTheBodyForASixtyDayTokenWithoutRefresh() {
        Instant before = Instant.now();
        TokenSet tokens = connect(APP);

        assertTrue(linkedin.accessTokenValid(tokens.accessToken().reveal()));
        assertNull(tokens.refreshToken());
        assertTrue(tokens.expiresAt().isAfter(before.plus(Duration.ofDays(60)).minusSeconds(5)));
        FakeLinkedIn.Received call = linkedin.received("POST", "/oauth/v2/accessToken").get(0);
        assertEquals(FakeLinkedIn.CLIENT_SECRET, call.form().get("client_secret"));
        assertEquals(FakeLinkedIn.REDIRECT_URI, call.form().get("redirect_uri"));
        assertNull(call.header("Authorization"));
    }

    @Test
    void aWrongClientSecretNamesTheSettingsButNeverTheSecret() {
        PlatformError e = assertThrows(PlatformError.class, () -> connect(new ClientApp(FakeLinkedIn.CLIENT_ID, Secret.of("wrong-secret"))));
        assertEquals(PlatformError.Kind.PERMANENT, e.kind());
        assertTrue(e.getMessage().contains("AIL_LINKEDIN_CLIENT_SECRET"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-secret"));
    }

    @Test
    void aMemberWhoDidNotAllowPostingIsToldToConnectAgain() {
        linkedin.grantScope("openid profile");
        PlatformError e = assertThrows(PlatformError.class, () -> connect(APP));
        assertEquals(PlatformError.Kind.PERMANENT, e.kind());
        assertTrue(e.getMessage().contains("w_member_social"), e.getMessage());
    }

    @Test
    void theProfileComesFromUserinfoWithTheSubAsTheMemberId() {
        Profile profile = provider.profile(credentials(connect(APP)));
        assertEquals(new Profile(FakeLinkedIn.MEMBER_ID, "Ada Lovelace", "Ada Lovelace", "https://media.licdn.com/dms/image/ada.jpg", null), profile);
    }

    @Test
    void withoutARefreshTokenTheOwnerMustReconnect() {
        PlatformError e = assertThrows(PlatformError.class, () -> provider.refresh(credentials(connect(APP))));
        assertEquals(PlatformError.Kind.AUTH_EXPIRED, e.kind());
        assertTrue(linkedin.received("POST", "/oauth/v2/accessToken").size() == 1, "no refresh request is sent");
    }

    @Test
    void anApprovedAppsRefreshKeepsTheRefreshTokensOriginalEnd() throws InterruptedException {
        linkedin.issueRefreshTokens(true);
        TokenSet first = connect(APP);
        Thread.sleep(1100);
        TokenSet second = provider.refresh(credentials(first));

        assertTrue(linkedin.accessTokenValid(second.accessToken().reveal()));
        assertEquals(first.refreshToken(), second.refreshToken());
        assertTrue(Duration.between(first.refreshExpiresAt(), second.refreshExpiresAt()).abs().toMillis() < 1500,
                first.refreshExpiresAt() + " vs " + second.refreshExpiresAt());
        assertEquals(FakeLinkedIn.CLIENT_SECRET, linkedin.received("POST", "/oauth/v2/accessToken").get(1).form().get("client_secret"));
    }

    @Test
    void revokingEndsTheAccessToken() {
        TokenSet tokens = connect(APP);
        provider.revoke(credentials(tokens));
        assertFalse(linkedin.accessTokenValid(tokens.accessToken().reveal()));
    }

    @Test
    void anExpiredTokenIsAuthExpiredInLinkedInsWords() {
        TokenSet tokens = connect(APP);
        linkedin.expire(tokens.accessToken().reveal());
        PlatformError e = assertThrows(PlatformError.class, () -> provider.profile(credentials(tokens)));
        assertEquals(PlatformError.Kind.AUTH_EXPIRED, e.kind());
        assertTrue(e.getMessage().contains("EXPIRED_ACCESS_TOKEN"), e.getMessage());
    }
}
