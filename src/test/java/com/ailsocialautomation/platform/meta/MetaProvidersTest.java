package com.ailsocialautomation.platform.meta;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeGraph;
import com.ailsocialautomation.media.TestMedia;
import com.ailsocialautomation.platform.AuthorizeRequest;
import com.ailsocialautomation.platform.ClientApp;
import com.ailsocialautomation.platform.CodeExchange;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.DirectApiClient;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.PlatformApp;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PublicMedia;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.platform.TokenSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Facebook and Instagram providers against FakeGraph alone: what Meta refuses, and how each refusal is read. */
class MetaProvidersTest {
    private static final String PUBLIC = "https://ail.example.com";
    private static final ClientApp APP = new ClientApp(FakeGraph.APP_ID, Secret.of(FakeGraph.APP_SECRET));
    private static final String IG = "17841400000000002";

    private FakeGraph graph;
    private MediaServer files;
    private MetaGraph meta;
    private final List<URI> revoked = new ArrayList<>();

    @BeforeEach
    void start() {
        graph = FakeGraph.start(PUBLIC);
        files = new MediaServer(Map.of("/p.jpg", Map.entry("image/jpeg", TestMedia.jpeg(640, 640)),
                "/p.png", Map.entry("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'})));
        meta = new MetaGraph(new DirectApiClient(Duration.ofSeconds(5)),
                new PlatformApp(FakeGraph.APP_ID, Secret.of(FakeGraph.APP_SECRET), graph.url(), graph.url(), null), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        files.close();
        graph.close();
    }

    private TokenSet login(String platform) {
        FacebookProvider facebook = new FacebookProvider(meta);
        URI dialog = facebook.authorizeUrl(new AuthorizeRequest("st4te", null, PUBLIC + "/oauth/" + platform + "/callback", null, APP));
        FakeGraph.Callback back = graph.approve(dialog);
        return facebook.exchangeCode(new CodeExchange(Secret.of(back.code()), null, PUBLIC + "/oauth/" + platform + "/callback", null, APP));
    }

    /** Public links that point at the loopback file server; revocations are recorded. */
    private PublicMedia links(String path) {
        return new PublicMedia() {
            @Override
            public URI grant(Media item, Duration lifetime) {
                return URI.create(files.url(path));
            }

            @Override
            public void revoke(URI link) {
                revoked.add(link);
            }
        };
    }

    private static PublishRequest post(String text, List<MediaRef> media, int items) {
        List<com.ailsocialautomation.platform.MediaItem> described = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            described.add(null);
        }
        return new PublishRequest("p1", text, media, described, UUID.randomUUID(), null);
    }

    @Test
    void theLoginIsExchangedForALongLivedTokenOnlyWithTheRightSecretAndRedirect() {
        TokenSet user = login("facebook");
        assertTrue(user.expiresAt().isAfter(java.time.Instant.now().plus(Duration.ofDays(59))), "about 60 days");
        FakeGraph.Callback back = graph.approve(new FacebookProvider(meta).authorizeUrl(new AuthorizeRequest("s", null,
                PUBLIC + "/oauth/facebook/callback", null, APP)));
        PlatformError wrongRedirect = assertThrows(PlatformError.class, () -> new FacebookProvider(meta).exchangeCode(new CodeExchange(
                Secret.of(back.code()), null, PUBLIC + "/oauth/instagram/callback", null, APP)));
        assertTrue(wrongRedirect.getMessage().contains("redirect_uri is identical"), wrongRedirect.getMessage());
    }

    @Test
    void aPageTakesOnlyItsOwnPageTokenAndInstagramOnlyTheUserToken() {
        TokenSet user = login("facebook");
        FacebookProvider facebook = new FacebookProvider(meta);
        Credentials asUser = new Credentials(user.accessToken(), null, null, null, "501", "quinterobakery", APP);
        PlatformError page = assertThrows(PlatformError.class, () -> facebook.publish(asUser, post("Hello", List.of(), 0)));
        assertEquals(PlatformError.Kind.AUTH_EXPIRED, page.kind(), "a user token on a Page's feed is refused with (#200)");
        Secret pageToken = facebook.choices(asUser).get(0).tokens().accessToken();
        InstagramProvider instagram = new InstagramProvider(meta, links("/p.jpg"));
        Credentials igWithPageToken = new Credentials(pageToken, null, null, null, IG, "@anatravels", APP);
        assertThrows(PlatformError.class, () -> instagram.uploadMedia(igWithPageToken,
                Media.inMemory("p.jpg", "image/jpeg", new byte[] {1}, null), post("Hi", List.of(), 1)));
        assertEquals(List.of(), graph.posts());
    }

    @Test
    void anUnfinishedContainerIsNotPublishedAndAContainerMetaCannotFetchNamesWhy() throws Exception {
        TokenSet user = login("instagram");
        Credentials ig = new Credentials(user.accessToken(), null, user.expiresAt(), null, IG, "@anatravels", APP);
        InstagramProvider instagram = new InstagramProvider(meta, links("/p.jpg"));
        graph.holdFetches();
        MediaRef container = instagram.uploadMedia(ig, Media.inMemory("p.jpg", "image/jpeg", new byte[] {1}, null),
                post("Straight away", List.of(), 1));
        assertTrue(!instagram.mediaStatus(ig, container).ready(), "IN_PROGRESS while Meta fetches");
        PlatformError early = assertThrows(PlatformError.class,
                () -> instagram.publish(ig, post("Straight away", List.of(new MediaRef(container.id(), true, null)), 1)));
        assertEquals(PlatformError.Kind.TRANSIENT, early.kind(), "9007: not ready yet, nothing posted: " + early.getMessage());
        assertTrue(early.getMessage().contains("Media ID is not available"), early.getMessage());
        assertEquals(List.of(), graph.instagramPosts());
        graph.fetchNow();
        assertTrue(com.ailsocialautomation.testing.Eventually.eventually(Duration.ofSeconds(10),
                () -> instagram.mediaStatus(ig, container).ready()));
        assertTrue(instagram.publish(ig, post("Straight away", List.of(new MediaRef(container.id(), true, null)), 1))
                .url().startsWith("https://www.instagram.com/p/"));
        assertEquals(List.of(URI.create(files.url("/p.jpg"))), revoked, "the link ends once Meta has the picture");

        InstagramProvider png = new InstagramProvider(meta, links("/p.png"));
        MediaRef refused = png.uploadMedia(ig, Media.inMemory("p.png", "image/png", new byte[] {1}, null), post("A PNG", List.of(), 1));
        assertTrue(com.ailsocialautomation.testing.Eventually.eventually(Duration.ofSeconds(10), () -> {
            try {
                png.mediaStatus(ig, refused);
                return false;
            } catch (PlatformError e) {
                return e.getMessage().contains("not a supported format (image/png)");
            }
        }));
    }

    @Test
    void aCaptionOverInstagramsLimitsIsRefusedByMetaInItsOwnWords() {
        TokenSet user = login("instagram");
        Credentials ig = new Credentials(user.accessToken(), null, user.expiresAt(), null, IG, "@anatravels", APP);
        String caption = "x" + " @friend".repeat(21);
        PlatformError refused = assertThrows(PlatformError.class, () -> new InstagramProvider(meta, links("/p.jpg"))
                .uploadMedia(ig, Media.inMemory("p.jpg", "image/jpeg", new byte[] {1}, null), post(caption, List.of(), 1)));
        assertEquals(PlatformError.Kind.PERMANENT, refused.kind());
        assertTrue(refused.getMessage().contains("20 @mentions"), refused.getMessage());
    }

    @Test
    void aSignedRequestCountsOnlyWhenSignedWithTheAppSecret() {
        Secret secret = Secret.of(FakeGraph.APP_SECRET);
        String good = FakeGraph.signedRequest("10220000000000001", FakeGraph.APP_SECRET);
        assertEquals("10220000000000001", SignedRequest.userId(good, secret).orElseThrow());
        assertTrue(SignedRequest.userId(FakeGraph.signedRequest("10220000000000001", "other"), secret).isEmpty());
        String payload = good.substring(good.indexOf('.') + 1);
        String otherPerson = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(Base64.getUrlDecoder().decode(payload))
                .replace("10220000000000001", "10220000000000002").getBytes());
        assertTrue(SignedRequest.userId(good.substring(0, good.indexOf('.') + 1) + otherPerson, secret).isEmpty(), "payload changed");
        assertTrue(SignedRequest.userId("garbage", secret).isEmpty());
        assertTrue(SignedRequest.userId(null, secret).isEmpty());
    }

    @Test
    void throttlingWaitsAsMetasHeadersSay() {
        TokenSet user = login("facebook");
        Credentials asUser = new Credentials(user.accessToken(), null, null, null, null, null, APP);
        graph.tooManyRequestsNext("/me/accounts", 300);
        PlatformError app = assertThrows(PlatformError.class, () -> new FacebookProvider(meta).choices(asUser));
        assertEquals(PlatformError.Kind.RATE_LIMITED, app.kind());
        assertTrue(Math.abs(Duration.between(java.time.Instant.now().plusSeconds(300), app.retryAt()).toSeconds()) < 5, app.retryAt().toString());
        graph.rateLimitNext("/me/accounts", 42);
        PlatformError pages = assertThrows(PlatformError.class, () -> new FacebookProvider(meta).choices(asUser));
        assertTrue(Math.abs(Duration.between(java.time.Instant.now().plus(Duration.ofMinutes(42)), pages.retryAt()).toSeconds()) < 5);
        assertTrue(pages.getMessage().contains("Page request limit reached"), pages.getMessage());
    }
}
