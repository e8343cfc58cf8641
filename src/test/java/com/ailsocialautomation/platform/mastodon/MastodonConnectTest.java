package com.ailsocialautomation.platform.mastodon;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeMastodon;
import com.ailsocialautomation.fakes.FakeX;
import com.ailsocialautomation.net.GuardedHttp;
import com.ailsocialautomation.net.HttpLimits;
import com.ailsocialautomation.net.Resolver;
import com.ailsocialautomation.net.UrlGuard;
import com.ailsocialautomation.platform.AuthorizeRequest;
import com.ailsocialautomation.platform.ClientApp;
import com.ailsocialautomation.platform.CodeExchange;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.GuardedApiClient;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.Profile;
import com.ailsocialautomation.platform.TokenSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MastodonConnectTest {
    static final String REDIRECT = "https://ail.example.com/oauth/mastodon/callback";
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private FakeMastodon mastodon;
    private GuardedHttp http;
    private MastodonProvider provider;

    @BeforeEach
    void start() {
        mastodon = FakeMastodon.start();
        http = new GuardedHttp(new UrlGuard(true, Resolver.system()), new HttpLimits(Duration.ofSeconds(1), Duration.ofSeconds(2), 1 << 20));
        provider = new MastodonProvider(new GuardedApiClient(http));
    }

    @AfterEach
    void stop() {
        http.close();
        mastodon.close();
    }

    private TokenSet connect(ClientApp app, String verifier) {
        URI authorize = provider.authorizeUrl(new AuthorizeRequest("state-1", FakeX.s256(VERIFIER), REDIRECT, mastodon.url(), app));
        Map<String, String> callback = query(URI.create(mastodon.approve(authorize)));
        assertEquals("state-1", callback.get("state"));
        return provider.exchangeCode(new CodeExchange(Secret.of(callback.get("code")), Secret.of(verifier), REDIRECT, mastodon.url(), app));
    }

    @Test
    void aServerThatPublishesItsOAuthMetadataGetsAnAppWithTheExactRedirectUriAndTheProfileScope() {
        ClientApp app = provider.registerApp(mastodon.url(), REDIRECT);
        FakeMastodon.App registered = mastodon.apps().get(0);
        assertEquals(registered.clientId(), app.clientId());
        assertEquals(registered.clientSecret(), app.clientSecret().reveal());
        assertEquals(REDIRECT, registered.redirectUri());
        assertEquals(Set.of("write:statuses", "write:media", "profile"), registered.scopes());
        assertEquals("write:statuses write:media profile", app.scopes());
        assertEquals("AIL Social Automation", mastodon.received("POST", "/api/v1/apps").get(0).form().get("client_name"));
    }

    @Test
    void aServerWithoutOAuthMetadataIsOlderThan43AndGetsAnAppThatReadsTheProfileWithReadAccounts() {
        mastodon.before43();
        ClientApp app = provider.registerApp(mastodon.url(), REDIRECT);
        assertEquals("write:statuses write:media read:accounts", app.scopes());
        assertEquals(Set.of("write:statuses", "write:media", "read:accounts"), mastodon.apps().get(0).scopes());
        TokenSet tokens = connect(app, VERIFIER);
        Profile profile = provider.profile(credentials(tokens, app));
        assertEquals("@ana@127.0.0.1", profile.handle());
    }

    @Test
    void theAuthorizeUrlIsOnTheInstanceWithPkceS256AndTheAppsScopes() {
        ClientApp app = provider.registerApp(mastodon.url(), REDIRECT);
        URI url = provider.authorizeUrl(new AuthorizeRequest("s", FakeX.s256(VERIFIER), REDIRECT, mastodon.url(), app));
        Map<String, String> q = query(url);
        assertEquals(mastodon.url() + "/oauth/authorize", url.toString().substring(0, url.toString().indexOf('?')));
        assertEquals("code", q.get("response_type"));
        assertEquals(app.clientId(), q.get("client_id"));
        assertEquals(REDIRECT, q.get("redirect_uri"));
        assertEquals("write:statuses write:media profile", q.get("scope"));
        assertEquals(FakeX.s256(VERIFIER), q.get("code_challenge"));
        assertEquals("S256", q.get("code_challenge_method"));
    }

    @Test
    void theCodeIsExchangedWithTheVerifierAndTheSecretAndTheProfileNamesTheAccountOnItsInstance() {
        ClientApp app = provider.registerApp(mastodon.url(), REDIRECT);
        TokenSet tokens = connect(app, VERIFIER);
        assertTrue(mastodon.tokenValid(tokens.accessToken().reveal()));
        assertNull(tokens.refreshToken(), "Mastodon tokens live until revoked");
        assertNull(tokens.expiresAt());
        Map<String, String> form = mastodon.received("POST", "/oauth/token").get(0).form();
        assertEquals(VERIFIER, form.get("code_verifier"));
        assertEquals(app.clientSecret().reveal(), form.get("client_secret"));
        assertEquals(REDIRECT, form.get("redirect_uri"));
        Profile profile = provider.profile(credentials(tokens, app));
        assertEquals(new Profile("109300000000000001", "@ana@127.0.0.1", "Ana Example",
                mastodon.url() + "/avatars/109300000000000001.png", mastodon.url() + "/@ana"), profile);
    }

    @Test
    void aWrongVerifierIsRefusedWithMastodonsReasonAndAUsedCodeCannotBeExchangedAgain() {
        ClientApp app = provider.registerApp(mastodon.url(), REDIRECT);
        PlatformError wrong = assertThrows(PlatformError.class, () -> connect(app, VERIFIER + "x"));
        assertEquals(PlatformError.Kind.PERMANENT, wrong.kind());
        assertTrue(wrong.getMessage().startsWith("The Mastodon server refused the sign-in (The provided authorization grant is invalid"),
                wrong.getMessage());
        URI authorize = provider.authorizeUrl(new AuthorizeRequest("s", FakeX.s256(VERIFIER), REDIRECT, mastodon.url(), app));
        String code = query(URI.create(mastodon.approve(authorize))).get("code");
        CodeExchange exchange = new CodeExchange(Secret.of(code), Secret.of(VERIFIER), REDIRECT, mastodon.url(), app);
        provider.exchangeCode(exchange);
        assertThrows(PlatformError.class, () -> provider.exchangeCode(exchange));
    }

    @Test
    void aWrongClientSecretIsRefused() {
        ClientApp app = provider.registerApp(mastodon.url(), REDIRECT);
        ClientApp forged = new ClientApp(app.clientId(), Secret.of("not-the-secret"), app.scopes());
        PlatformError e = assertThrows(PlatformError.class, () -> connect(forged, VERIFIER));
        assertEquals(401, e.httpStatus());
    }

    @Test
    void theInstancesOwnCharacterLimitIsReadAndFiveHundredIsTheDefault() {
        Credentials anonymous = new Credentials(null, null, null, mastodon.url(), null, null, null);
        mastodon.maxCharacters(11_000);
        assertEquals(11_000, provider.textLimit(anonymous));
        mastodon.withoutInstanceV2();
        assertEquals(500, provider.textLimit(anonymous));
    }

    @Test
    void revokingInvalidatesTheTokenAtTheInstance() {
        ClientApp app = provider.registerApp(mastodon.url(), REDIRECT);
        TokenSet tokens = connect(app, VERIFIER);
        provider.revoke(credentials(tokens, app));
        assertTrue(!mastodon.tokenValid(tokens.accessToken().reveal()));
        assertEquals(app.clientSecret().reveal(), mastodon.received("POST", "/oauth/revoke").get(0).form().get("client_secret"));
        provider.revoke(credentials(tokens, app)); // idempotent
    }

    @Test
    void whatPeopleTypeAfterConnectMastodonNamesTheInstance() {
        assertEquals("https://fosstodon.org", provider.instanceUrl("fosstodon.org"));
        assertEquals("https://fosstodon.org", provider.instanceUrl(" @ana@Fosstodon.org "));
        assertEquals("https://fosstodon.org", provider.instanceUrl("https://fosstodon.org/about"));
        assertEquals("http://127.0.0.1:4000", provider.instanceUrl("http://127.0.0.1:4000/"));
        assertEquals("Name your Mastodon server. Usage: /ail connect mastodon fosstodon.org",
                assertThrows(UserError.class, () -> provider.instanceUrl(null)).getMessage());
        assertThrows(UserError.class, () -> provider.instanceUrl("https://user:pw@fosstodon.org"));
        assertThrows(UserError.class, () -> provider.instanceUrl("not a host"));
    }

    @Test
    void anInstanceOnAPrivateAddressIsRefusedByTheGuardAndAnUnreachableOneIsTransient() throws Exception {
        PlatformError refused = assertThrows(PlatformError.class, () -> provider.registerApp("http://10.1.2.3", REDIRECT));
        assertEquals(PlatformError.Kind.PERMANENT, refused.kind());
        assertEquals("That URL points to a private network address (10.1.2.3); use a public https URL.", refused.getMessage());
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        int port = closed;
        PlatformError unreachable = assertThrows(PlatformError.class, () -> provider.registerApp("http://127.0.0.1:" + port, REDIRECT));
        assertEquals(PlatformError.Kind.TRANSIENT, unreachable.kind());
        assertEquals("Could not reach 127.0.0.1: the connection was refused.", unreachable.getMessage());
    }

    static Credentials credentials(TokenSet tokens, ClientApp app, String instanceUrl) {
        return new Credentials(tokens.accessToken(), null, null, instanceUrl, null, null, app);
    }

    private Credentials credentials(TokenSet tokens, ClientApp app) {
        return credentials(tokens, app, mastodon.url());
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        return out;
    }
}
