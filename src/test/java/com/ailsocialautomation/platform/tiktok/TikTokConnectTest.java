package com.ailsocialautomation.platform.tiktok;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeTikTok;
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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Login Kit v2 against the strict fake: client_key, hex PKCE, single-use codes, rotating refresh, revoke. */
class TikTokConnectTest {
    private static final ClientApp APP = new ClientApp(FakeTikTok.CLIENT_KEY, Secret.of(FakeTikTok.CLIENT_SECRET));
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXkdBjftJeZ4CVP";

    private FakeTikTok tiktok;
    private TikTokProvider provider;

    @BeforeEach
    void start() {
        tiktok = FakeTikTok.start();
        provider = new TikTokProvider(new DirectApiClient(Duration.ofSeconds(5)), tiktok.url(), tiktok.url(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        tiktok.close();
    }

    /** AIL's own challenge, as the OAuth layer computes it for every platform: base64url of the SHA-256. */
    private static String s256(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private URI authorize() throws Exception {
        return provider.authorizeUrl(new AuthorizeRequest("state-123", s256(VERIFIER), FakeTikTok.REDIRECT_URI, null, APP));
    }

    private TokenSet connect(String verifier) throws Exception {
        FakeTikTok.Callback back = tiktok.approve(authorize());
        return provider.exchangeCode(new CodeExchange(Secret.of(back.code()), Secret.of(verifier), FakeTikTok.REDIRECT_URI, null, APP));
    }

    private static Credentials credentials(TokenSet tokens) {
        return new Credentials(tokens.accessToken(), tokens.refreshToken(), tokens.expiresAt(), null, null, null, APP);
    }

    @Test
    void theAuthorizePageGetsTheClientKeyTheTwoScopesCommaSeparatedAndTheChallengeInHex() throws Exception {
        URI url = authorize();
        assertEquals(tiktok.url() + "/v2/auth/authorize/", url.toString().substring(0, url.toString().indexOf('?')));
        Map<String, String> q = Arrays.stream(url.getRawQuery().split("&")).collect(Collectors.toMap(
                p -> p.substring(0, p.indexOf('=')), p -> URLDecoder.decode(p.substring(p.indexOf('=') + 1), StandardCharsets.UTF_8)));
        assertEquals(FakeTikTok.CLIENT_KEY, q.get("client_key"));
        assertFalse(q.containsKey("client_id"));
        assertEquals("user.info.basic,video.publish", q.get("scope"));
        assertEquals(FakeTikTok.challenge(VERIFIER), q.get("code_challenge"));
        assertEquals("S256", q.get("code_challenge_method"));
        assertEquals("code", q.get("response_type"));
        assertEquals(FakeTikTok.REDIRECT_URI, q.get("redirect_uri"));
    }

    @Test
    void theDefaultHostsAreTikToksOwn() throws Exception {
        TikTokProvider real = new TikTokProvider(request -> { throw new AssertionError("no network"); }, null, null, Clock.systemUTC());
        URI url = real.authorizeUrl(new AuthorizeRequest("s", s256(VERIFIER), "https://a.example/cb", null, APP));
        assertTrue(url.toString().startsWith("https://www.tiktok.com/v2/auth/authorize/?"), url.toString());
    }

    @Test
    void aCodeIsExchangedOnceWithTheVerifierForTokensThatLastAsLongAsTikTokSays() throws Exception {
        Instant before = Instant.now();
        FakeTikTok.Callback back = tiktok.approve(authorize());
        CodeExchange exchange = new CodeExchange(Secret.of(back.code()), Secret.of(VERIFIER), FakeTikTok.REDIRECT_URI, null, APP);
        TokenSet tokens = provider.exchangeCode(exchange);

        assertTrue(tiktok.accessTokenValid(tokens.accessToken().reveal()));
        assertTrue(tiktok.refreshTokenValid(tokens.refreshToken().reveal()));
        assertTrue(tokens.expiresAt().isAfter(before.plus(Duration.ofHours(23))));
        assertTrue(tokens.refreshExpiresAt().isAfter(before.plus(Duration.ofDays(364))));
        Map<String, String> form = tiktok.received("POST", "/v2/oauth/token/").get(0).form();
        assertEquals(FakeTikTok.CLIENT_KEY, form.get("client_key"));
        assertEquals(VERIFIER, form.get("code_verifier"));
        PlatformError again = assertThrows(PlatformError.class, () -> provider.exchangeCode(exchange));
        assertTrue(again.getMessage().contains("invalid_grant"), again.getMessage());
    }

    @Test
    void aWrongVerifierIsRefusedInTikToksWords() {
        PlatformError e = assertThrows(PlatformError.class, () -> connect("another-verifier-another-verifier-another-verifier"));
        assertEquals(PlatformError.Kind.PERMANENT, e.kind());
        assertTrue(e.getMessage().contains("Code verifier or code challenge is invalid"), e.getMessage());
    }

    @Test
    void aWrongClientSecretNamesTheSettingsButNeverTheSecret() throws Exception {
        FakeTikTok.Callback back = tiktok.approve(authorize());
        ClientApp wrong = new ClientApp(FakeTikTok.CLIENT_KEY, Secret.of("not-the-secret"));
        PlatformError e = assertThrows(PlatformError.class, () -> provider.exchangeCode(
                new CodeExchange(Secret.of(back.code()), Secret.of(VERIFIER), FakeTikTok.REDIRECT_URI, null, wrong)));
        assertTrue(e.getMessage().contains("AIL_TIKTOK_CLIENT_SECRET"), e.getMessage());
        assertFalse(e.getMessage().contains("not-the-secret"));
    }

    @Test
    void theProfileIsTheOpenIdWithTheCreatorsUsernameWithoutAskingForMoreScopes() throws Exception {
        Profile profile = provider.profile(credentials(connect(VERIFIER)));
        assertEquals(FakeTikTok.OPEN_ID, profile.accountId());
        assertEquals(FakeTikTok.USERNAME, profile.handle());
        assertEquals("https://www.tiktok.com/@" + FakeTikTok.USERNAME, profile.url());
    }

    @Test
    void aRefreshRotatesTheRefreshTokenAndAUsedOneAsksForAReconnect() throws Exception {
        TokenSet first = connect(VERIFIER);
        TokenSet second = provider.refresh(credentials(first));
        assertNotEquals(first.refreshToken().reveal(), second.refreshToken().reveal());
        assertTrue(tiktok.accessTokenValid(second.accessToken().reveal()));
        assertFalse(tiktok.refreshTokenValid(first.refreshToken().reveal()));
        PlatformError e = assertThrows(PlatformError.class, () -> provider.refresh(credentials(first)));
        assertEquals(PlatformError.Kind.AUTH_EXPIRED, e.kind());
    }

    @Test
    void anExpiredAccessTokenIsAuthExpired() throws Exception {
        TokenSet tokens = connect(VERIFIER);
        tiktok.expire(tokens.accessToken().reveal());
        PlatformError e = assertThrows(PlatformError.class, () -> provider.profile(credentials(tokens)));
        assertEquals(PlatformError.Kind.AUTH_EXPIRED, e.kind());
        assertTrue(e.getMessage().contains("access_token_invalid"), e.getMessage());
    }

    @Test
    void revokingEndsBothTokens() throws Exception {
        TokenSet tokens = connect(VERIFIER);
        provider.revoke(credentials(tokens));
        assertFalse(tiktok.accessTokenValid(tokens.accessToken().reveal()));
        assertFalse(tiktok.refreshTokenValid(tokens.refreshToken().reveal()));
        assertTrue(provider.canRevoke());
    }
}
