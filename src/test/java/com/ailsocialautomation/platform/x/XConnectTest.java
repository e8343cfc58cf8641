package com.ailsocialautomation.platform.x;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeX;
import com.ailsocialautomation.platform.ApiRequest;
import com.ailsocialautomation.platform.ApiResponse;
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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XConnectTest {
    private static final ClientApp APP = new ClientApp(FakeX.CLIENT_ID, Secret.of(FakeX.CLIENT_SECRET));
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXkdBjftJeZ4CVP";

    private FakeX x;
    private XProvider provider;

    @BeforeEach
    void start() {
        x = FakeX.start();
        provider = new XProvider(new DirectApiClient(Duration.ofSeconds(5)), x.url(), x.url(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        x.close();
    }

    private URI authorize(String redirectUri) {
        return provider.authorizeUrl(new AuthorizeRequest("state-123", FakeX.s256(VERIFIER), redirectUri, null, APP));
    }

    private TokenSet connect(String verifier) {
        FakeX.Callback callback = x.approve(authorize(FakeX.REDIRECT_URI));
        return provider.exchangeCode(new CodeExchange(Secret.of(callback.code()), Secret.of(verifier), FakeX.REDIRECT_URI, null, APP));
    }

    private Credentials credentials(TokenSet tokens, ClientApp app) {
        return new Credentials(tokens.accessToken(), tokens.refreshToken(), tokens.expiresAt(), null,
                FakeX.USER_ID, FakeX.USERNAME, app);
    }

    @Test
    void theAuthorizeUrlAsksForEveryScopeWithPkceS256OnTheAuthHost() {
        URI url = authorize(FakeX.REDIRECT_URI);
        assertEquals(x.url() + "/i/oauth2/authorize", url.toString().substring(0, url.toString().indexOf('?')));
        Map<String, String> query = Map.ofEntries(java.util.Arrays.stream(url.getRawQuery().split("&"))
                .map(p -> Map.entry(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1))).toArray(Map.Entry[]::new));
        assertEquals("code", query.get("response_type"));
        assertEquals(FakeX.CLIENT_ID, query.get("client_id"));
        assertEquals("tweet.read%20tweet.write%20users.read%20offline.access%20media.write", query.get("scope"));
        assertEquals(FakeX.s256(VERIFIER), query.get("code_challenge"));
        assertEquals("S256", query.get("code_challenge_method"));
        assertEquals("state-123", query.get("state"));
        assertEquals("https%3A%2F%2Fail.example.com%2Foauth%2Fx%2Fcallback", query.get("redirect_uri"));
    }

    @Test
    void theDefaultHostsAreXsOwn() {
        XProvider real = new XProvider(request -> { throw new AssertionError("no network"); }, null, null, Clock.systemUTC());
        URI url = real.authorizeUrl(new AuthorizeRequest("s", "c", "https://a.example/cb", null, APP));
        assertTrue(url.toString().startsWith("https://x.com/i/oauth2/authorize?"));
    }

    @Test
    void aCodeIsExchangedWithBasicAuthAndTheVerifierForARotatingPair() {
        Instant before = Instant.now();
        TokenSet tokens = connect(VERIFIER);

        assertTrue(x.accessTokenValid(tokens.accessToken().reveal()));
        assertNotNull(tokens.refreshToken());
        assertTrue(tokens.expiresAt().isAfter(before.plus(Duration.ofMinutes(119))));
        assertTrue(tokens.scopes().contains("media.write"));
        FakeX.Received call = x.received("POST", "/2/oauth2/token").get(0);
        assertTrue(call.header("Authorization").startsWith("Basic "));
        assertEquals(VERIFIER, call.form().get("code_verifier"));
        assertEquals(FakeX.REDIRECT_URI, call.form().get("redirect_uri"));
        assertFalse(call.form().containsKey("client_secret"), "a confidential client sends its secret only in Basic auth");
    }

    @Test
    void aWrongVerifierIsRefusedWithXsMessage() {
        PlatformError e = assertThrows(PlatformError.class, () -> connect("the-wrong-verifier-the-wrong-verifier-the-wrong-verifier"));
        assertEquals(PlatformError.Kind.PERMANENT, e.kind());
        assertTrue(e.getMessage().contains("code verifier did not match"), e.getMessage());
    }

    @Test
    void aDifferentRedirectUriThanTheAppsIsRefusedByTheAuthorizePage() {
        assertThrows(AssertionError.class, () -> x.approve(authorize("https://evil.example/callback")));
    }

    @Test
    void aWrongClientSecretNamesTheSettingsButNeverTheSecret() {
        FakeX.Callback callback = x.approve(authorize(FakeX.REDIRECT_URI));
        ClientApp wrong = new ClientApp(FakeX.CLIENT_ID, Secret.of("not-the-secret"));
        PlatformError e = assertThrows(PlatformError.class, () -> provider.exchangeCode(
                new CodeExchange(Secret.of(callback.code()), Secret.of(VERIFIER), FakeX.REDIRECT_URI, null, wrong)));
        assertEquals(PlatformError.Kind.PERMANENT, e.kind());
        assertTrue(e.getMessage().contains("AIL_X_CLIENT_SECRET"), e.getMessage());
        assertFalse(e.getMessage().contains("not-the-secret"));
    }

    @Test
    void aTokenRequestWithoutBasicAuthIsRefusedByTheFakeAsByX() {
        FakeX.Callback callback = x.approve(authorize(FakeX.REDIRECT_URI));
        ApiResponse response = new DirectApiClient(Duration.ofSeconds(5)).send(ApiRequest.post(x.url() + "/2/oauth2/token")
                .form(Map.of("code", callback.code(), "grant_type", "authorization_code", "redirect_uri", FakeX.REDIRECT_URI,
                        "code_verifier", VERIFIER, "client_id", FakeX.CLIENT_ID)));
        assertEquals(401, response.status());
        assertEquals("Missing valid authorization header", XAnswers.said(response));
    }

    @Test
    void anAuthorizeUrlWithoutAChallengeIsABugNotARequest() {
        assertThrows(IllegalArgumentException.class,
                () -> provider.authorizeUrl(new AuthorizeRequest("s", null, FakeX.REDIRECT_URI, null, APP)));
    }

    @Test
    void theProfileComesFromUsersMe() {
        Profile profile = provider.profile(credentials(connect(VERIFIER), APP));
        assertEquals(new Profile(FakeX.USER_ID, FakeX.USERNAME, "AIL Team",
                "https://pbs.twimg.com/profile_images/1/ail_normal.png", "https://x.com/" + FakeX.USERNAME), profile);
        assertTrue(x.received("GET", "/2/users/me").get(0).query().contains("user.fields="));
    }

    @Test
    void aRefreshReturnsTheNewRefreshTokenAndTheOldOneStopsWorking() {
        TokenSet first = connect(VERIFIER);
        TokenSet second = provider.refresh(credentials(first, APP));

        assertNotEquals(first.refreshToken(), second.refreshToken());
        assertNotNull(second.refreshToken());
        assertTrue(x.refreshTokenValid(second.refreshToken().reveal()));
        assertFalse(x.refreshTokenValid(first.refreshToken().reveal()));
        assertEquals("refresh_token", x.received("POST", "/2/oauth2/token").get(1).form().get("grant_type"));
    }

    @Test
    void aReusedRefreshTokenMeansTheAccountMustReconnect() {
        TokenSet first = connect(VERIFIER);
        provider.refresh(credentials(first, APP));

        PlatformError e = assertThrows(PlatformError.class, () -> provider.refresh(credentials(first, APP)));
        assertEquals(PlatformError.Kind.AUTH_EXPIRED, e.kind());
        assertTrue(e.getMessage().contains("Value passed for the token was invalid"), e.getMessage());
        assertFalse(e.getMessage().contains(first.refreshToken().reveal()));
    }

    @Test
    void revokingEndsBothTheAccessAndTheRefreshToken() {
        TokenSet tokens = connect(VERIFIER);
        assertTrue(provider.canRevoke());

        provider.revoke(credentials(tokens, APP));

        assertFalse(x.accessTokenValid(tokens.accessToken().reveal()));
        assertFalse(x.refreshTokenValid(tokens.refreshToken().reveal()));
        assertEquals(2, x.received("POST", "/2/oauth2/revoke").size());
    }

    @Test
    void anExpiredAccessTokenIsAuthExpired() {
        TokenSet tokens = connect(VERIFIER);
        x.expire(tokens.accessToken().reveal());
        PlatformError e = assertThrows(PlatformError.class, () -> provider.profile(credentials(tokens, APP)));
        assertEquals(PlatformError.Kind.AUTH_EXPIRED, e.kind());
        assertEquals(401, e.httpStatus());
    }

    @Test
    void withoutTheOperatorsAppTheErrorNamesTheSettings() {
        TokenSet tokens = connect(VERIFIER);
        PlatformError e = assertThrows(PlatformError.class, () -> provider.refresh(credentials(tokens, null)));
        assertTrue(e.getMessage().contains("AIL_X_CLIENT_ID"), e.getMessage());
    }
}
