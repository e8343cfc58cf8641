package com.ailsocialautomation.platform.bluesky;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeBluesky;
import com.ailsocialautomation.net.GuardedHttp;
import com.ailsocialautomation.net.HttpLimits;
import com.ailsocialautomation.net.MediaType;
import com.ailsocialautomation.net.Resolver;
import com.ailsocialautomation.net.UrlGuard;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.GuardedApiClient;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaFacts;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.platform.Published;
import com.ailsocialautomation.platform.TokenSet;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlueskyPublishTest {
    private static final Instant NOW = Instant.parse("2026-04-02T09:30:05.123456Z");

    private FakeBluesky pds;
    private GuardedHttp http;
    private BlueskyProvider provider;
    private Credentials credentials;

    @BeforeEach
    void start() {
        pds = FakeBluesky.start().knows("bob.example.org", "did:plc:bob7777777777777777777");
        http = new GuardedHttp(new UrlGuard(true, Resolver.system()), new HttpLimits(Duration.ofSeconds(2), Duration.ofSeconds(3), 1 << 20));
        provider = new BlueskyProvider(new GuardedApiClient(http), pds.url(), Clock.fixed(NOW, ZoneOffset.UTC));
        TokenSet tokens = provider.logIn(pds.url(), FakeBluesky.HANDLE, Secret.of(FakeBluesky.APP_PASSWORD)).tokens();
        credentials = new Credentials(tokens.accessToken(), tokens.refreshToken(), tokens.expiresAt(), pds.url(),
                FakeBluesky.DID, FakeBluesky.HANDLE, null);
    }

    @AfterEach
    void stop() {
        http.close();
        pds.close();
    }

    private static PublishRequest post(String text, List<MediaRef> media) {
        return new PublishRequest("p1", text, media, List.of(), UUID.randomUUID(), NOW);
    }

    private static String covered(String text, JsonNode facet) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new String(Arrays.copyOfRange(bytes, facet.path("index").path("byteStart").asInt(),
                facet.path("index").path("byteEnd").asInt()), StandardCharsets.UTF_8);
    }

    @Test
    void aPostIsAFeedPostRecordInTheAccountsRepoWithTheLinkToItsWebPage() {
        Published published = provider.publish(credentials, post("Hello from AIL", List.of()));

        JsonNode call = pds.received("com.atproto.repo.createRecord").get(0).json();
        assertEquals(FakeBluesky.DID, call.path("repo").asText());
        assertEquals("app.bsky.feed.post", call.path("collection").asText());
        JsonNode record = call.path("record");
        assertEquals("app.bsky.feed.post", record.path("$type").asText());
        assertEquals("Hello from AIL", record.path("text").asText());
        assertEquals("2026-04-02T09:30:05.123Z", record.path("createdAt").asText());
        assertTrue(record.path("facets").isMissingNode());
        String rkey = published.externalId().substring(published.externalId().lastIndexOf('/') + 1);
        assertTrue(published.externalId().startsWith("at://" + FakeBluesky.DID + "/app.bsky.feed.post/"), published.externalId());
        assertEquals("https://bsky.app/profile/" + FakeBluesky.HANDLE + "/post/" + rkey, published.url());
        assertEquals(200, published.httpStatus());
    }

    @Test
    void linksMentionsAndTagsAfterEmojiAndAccentsGetFacetsOverTheRightBytes() {
        String text = "Grüße 🎉 @bob.example.org: see https://example.com/spring. #Frühling #2026 @nobody.example.org";
        provider.publish(credentials, post(text, List.of()));

        JsonNode facets = pds.posts().get(0).path("facets");
        assertEquals(3, facets.size(), facets.toString());
        assertEquals("@bob.example.org", covered(text, facets.get(0)));
        assertEquals("did:plc:bob7777777777777777777", facets.get(0).path("features").get(0).path("did").asText());
        assertEquals("https://example.com/spring", covered(text, facets.get(1)));
        assertEquals("https://example.com/spring", facets.get(1).path("features").get(0).path("uri").asText());
        assertEquals("#Frühling", covered(text, facets.get(2)));
        assertEquals("Frühling", facets.get(2).path("features").get(0).path("tag").asText());
        assertEquals(2, pds.received("com.atproto.identity.resolveHandle").size(),
                "bob resolved; nobody did not, and stays plain text");
    }

    @Test
    void anImageGoesUpAsItsOwnBytesAndTypeAndIsEmbeddedWithItsAltText() {
        byte[] png = new byte[5000];
        new java.util.Random(3).nextBytes(png);
        MediaRef ref = provider.uploadMedia(credentials, Media.inMemory("cat.png", "image/png", png, "a cat on a keyboard"));
        Published published = provider.publish(credentials, post("", List.of(ref)));

        FakeBluesky.Received upload = pds.received("com.atproto.repo.uploadBlob").get(0);
        assertEquals("image/png", upload.header("Content-Type"));
        assertEquals("Bearer " + credentials.accessToken().reveal(), upload.header("Authorization"));
        assertArrayEquals(png, upload.body());
        assertTrue(ref.ready());
        JsonNode embed = pds.posts().get(0).path("embed");
        assertEquals("app.bsky.embed.images", embed.path("$type").asText());
        assertEquals("a cat on a keyboard", embed.path("images").get(0).path("alt").asText());
        assertEquals(ref.id(), embed.path("images").get(0).path("image").path("ref").path("$link").asText());
        assertEquals(5000, embed.path("images").get(0).path("image").path("size").asInt());
        assertTrue(published.url().startsWith("https://bsky.app/profile/"));
    }

    @Test
    void anImageOverAMillionBytesIsRefusedWithTheLimitBeforeAnyUpload() {
        PlatformError e = assertThrows(PlatformError.class, () -> provider.uploadMedia(credentials,
                Media.inMemory("huge.jpg", "image/jpeg", new byte[1_000_001], null)));
        assertEquals(PlatformError.Kind.PERMANENT, e.kind());
        assertEquals("Bluesky takes images of at most 1,000,000 bytes and huge.jpg has 1,000,001; use a smaller image", e.getMessage());
        assertTrue(pds.received("com.atproto.repo.uploadBlob").isEmpty());
        provider.uploadMedia(credentials, Media.inMemory("fits.jpg", "image/jpeg", new byte[1_000_000], null));
    }

    @Test
    void anImageCarriesItsAspectRatioFromItsOwnWidthAndHeight() {
        byte[] jpeg = new byte[3000];
        Media photo = new Media.InMemory("beach.jpg", new MediaFacts(MediaType.JPEG, jpeg.length, 4032, 3024, null), "the beach", jpeg);
        provider.publish(credentials, post("", List.of(provider.uploadMedia(credentials, photo))));

        JsonNode image = pds.posts().get(0).path("embed").path("images").get(0);
        assertEquals(4032, image.path("aspectRatio").path("width").asInt());
        assertEquals(3024, image.path("aspectRatio").path("height").asInt());
        assertEquals("the beach", image.path("alt").asText());
    }

    @Test
    void anImageWhoseSizeIsUnknownGoesWithoutAnAspectRatio() {
        provider.publish(credentials, post("", List.of(provider.uploadMedia(credentials,
                Media.inMemory("cat.png", "image/png", new byte[10], null)))));
        assertTrue(pds.posts().get(0).path("embed").path("images").get(0).path("aspectRatio").isMissingNode());
    }

    @Test
    void anExpiredAccessTokenIsAuthExpiredWhateverTheStatusSoTheEngineRefreshes() {
        pds.expireAccessTokens();
        PlatformError as400 = assertThrows(PlatformError.class, () -> provider.publish(credentials, post("hi", List.of())));
        pds.expiredTokenStatus(401);
        PlatformError as401 = assertThrows(PlatformError.class, () -> provider.publish(credentials, post("hi", List.of())));
        assertEquals(PlatformError.Kind.AUTH_EXPIRED, as400.kind());
        assertEquals(400, as400.httpStatus());
        assertEquals(PlatformError.Kind.AUTH_EXPIRED, as401.kind());
        assertTrue(pds.posts().isEmpty());
    }

    @Test
    void aRateLimitedPostWaitsUntilTheResetBlueskyNames() {
        Instant reset = Instant.now().plus(Duration.ofMinutes(7)).truncatedTo(ChronoUnit.SECONDS);
        pds.rateLimitNext("/xrpc/com.atproto.repo.createRecord", reset);
        PlatformError e = assertThrows(PlatformError.class, () -> provider.publish(credentials, post("hi", List.of())));
        assertEquals(PlatformError.Kind.RATE_LIMITED, e.kind());
        assertEquals(429, e.httpStatus());
        assertEquals(reset, e.retryAt());
        assertTrue(e.getMessage().startsWith("Bluesky's rate limit for posting is used up until "), e.getMessage());
    }

    @Test
    void aRecordBlueskyRefusesFailsWithBlueskysOwnMessage() {
        PlatformError e = assertThrows(PlatformError.class, () -> provider.publish(credentials, post("a".repeat(301), List.of())));
        assertEquals(PlatformError.Kind.PERMANENT, e.kind());
        assertEquals(400, e.httpStatus());
        assertEquals("Invalid app.bsky.feed.post record: text must not be longer than 300 graphemes", e.getMessage());
    }

    @Test
    void anUnreadableAnswerToACreatedPostIsPermanentAndSaysThePostMayBeLive() {
        pds.malformNext("/xrpc/com.atproto.repo.createRecord");
        PlatformError e = assertThrows(PlatformError.class, () -> provider.publish(credentials, post("hi", List.of())));
        assertEquals(PlatformError.Kind.PERMANENT, e.kind());
        assertEquals("Bluesky accepted the post (HTTP 200) but its answer had no post address; check Bluesky before retrying", e.getMessage());
        assertEquals(1, pds.posts().size(), "it did go out");
    }

    @Test
    void aSlowPdsIsTransient() {
        pds.slow(Duration.ofMillis(1500));
        try (GuardedHttp impatient = new GuardedHttp(new UrlGuard(true, Resolver.system()),
                new HttpLimits(Duration.ofMillis(300), Duration.ofMillis(500), 1 << 20))) {
            BlueskyProvider hurried = new BlueskyProvider(new GuardedApiClient(impatient), pds.url(), Clock.systemUTC());
            PlatformError e = assertThrows(PlatformError.class, () -> hurried.publish(credentials, post("hi", List.of())));
            assertEquals(PlatformError.Kind.TRANSIENT, e.kind());
            assertEquals("Could not reach 127.0.0.1: it did not answer in time.", e.getMessage());
        }
    }

    @Test
    void blueskysLimitsAre300CharactersAndFourImagesOfAMillionBytes() {
        assertEquals(300, provider.platform().rule().textLimit());
        assertEquals(4, provider.platform().rule().media().maxItems());
        assertEquals(1_000_000, BlueskyImages.MAX_BYTES);
        assertEquals(true, provider.idempotent());
    }

    @Test
    void aPostWhoseAnswerWasLostIsFoundByItsRecordKeyOnTheNextAttemptNotPostedTwice() {
        PublishRequest request = post("exactly once", List.of());
        pds.actThenStaySilent("/xrpc/com.atproto.repo.createRecord", Duration.ofMillis(1500));
        try (GuardedHttp impatient = new GuardedHttp(new UrlGuard(true, Resolver.system()),
                new HttpLimits(Duration.ofMillis(300), Duration.ofMillis(500), 1 << 20))) {
            BlueskyProvider hurried = new BlueskyProvider(new GuardedApiClient(impatient), pds.url(), Clock.systemUTC());
            PlatformError lost = assertThrows(PlatformError.class, () -> hurried.publish(credentials, request));
            assertEquals(PlatformError.Kind.TRANSIENT, lost.kind());
            assertTrue(lost.mayHaveArrived());
        }
        assertEquals(1, pds.posts().size(), "the PDS did create it");
        Published again = provider.publish(credentials, request);
        assertEquals(1, pds.posts().size(), "the repeat found it");
        String rkey = again.externalId().substring(again.externalId().lastIndexOf('/') + 1);
        assertTrue(rkey.matches("[2-7a-j][2-7a-z]{12}"), "a TID: " + rkey);
        assertEquals(again.externalId(), provider.publish(credentials, request).externalId(), "and so does every later one");
        PublishRequest other = post("another post", List.of());
        assertTrue(!provider.publish(credentials, other).externalId().equals(again.externalId()));
        assertEquals(2, pds.posts().size());
    }
}
