package com.ailsocialautomation.platform.threads;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeThreads;
import com.ailsocialautomation.platform.AuthorizeRequest;
import com.ailsocialautomation.platform.ClientApp;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.DirectApiClient;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaItem;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PlatformError.Kind;
import com.ailsocialautomation.platform.PublicMedia;
import com.ailsocialautomation.platform.PublishRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The provider against the strict fake without the service: Threads' refusals arrive as the right kind in Threads'
 * own words, and what AIL sends is what the documentation asks for.
 */
class ThreadsProviderTest {
    FakeThreads threads;
    ThreadsProvider provider;
    Credentials credentials;
    final List<URI> revoked = new ArrayList<>();
    URI nextLink = URI.create("https://elsewhere.example.net/media/picture.png");

    /** Links that point where the test says, recording revocations. */
    final PublicMedia links = new PublicMedia() {
        @Override
        public URI grant(Media item, Duration lifetime) {
            return nextLink;
        }

        @Override
        public void revoke(URI link) {
            revoked.add(link);
        }
    };

    @BeforeEach
    void start() {
        threads = FakeThreads.start();
        provider = new ThreadsProvider(new DirectApiClient(Duration.ofSeconds(5)), threads.url(), threads.url(), Clock.systemUTC(), links);
        credentials = credentials(threads.issueLongLived());
    }

    @AfterEach
    void stop() {
        threads.close();
    }

    private static Credentials credentials(String token) {
        return new Credentials(Secret.of(token), Secret.of(token), Instant.now().plus(Duration.ofDays(60)), null, FakeThreads.USER_ID,
                FakeThreads.USERNAME, new ClientApp(FakeThreads.CLIENT_ID, Secret.of(FakeThreads.CLIENT_SECRET)));
    }

    private static PublishRequest post(String text, List<MediaRef> media, int items) {
        List<MediaItem> described = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            described.add(new MediaItem("item-" + i, null, null, null));
        }
        return new PublishRequest("p1", text, media, described, UUID.randomUUID(), Instant.now());
    }

    @Test
    void theAuthorizationWindowAsksForPublishingAndRepliesWithoutPkce() {
        URI uri = provider.authorizeUrl(new AuthorizeRequest("st4te", "challenge", FakeThreads.REDIRECT_URI, null,
                new ClientApp(FakeThreads.CLIENT_ID, Secret.of(FakeThreads.CLIENT_SECRET))));
        assertEquals(threads.url() + "/oauth/authorize?client_id=" + FakeThreads.CLIENT_ID
                + "&redirect_uri=https%3A%2F%2Fail.example.com%2Foauth%2Fthreads%2Fcallback"
                + "&scope=threads_basic%2Cthreads_content_publish%2Cthreads_manage_replies&response_type=code&state=st4te", uri.toString());
    }

    @Test
    void textOverThreads500IsRefusedInThreadsOwnWords() {
        PlatformError e = assertThrows(PlatformError.class, () -> provider.publish(credentials, post("x".repeat(501), List.of(), 0)));
        assertEquals(Kind.PERMANENT, e.kind());
        assertEquals("Param text must be at most 500 characters long. (code 100)", e.getMessage());
        assertTrue(threads.posts().isEmpty());
    }

    @Test
    void aTokenThreadsDoesNotKnowAsksForAReconnectAndTheTokenTravelsOnlyInTheBody() {
        PlatformError e = assertThrows(PlatformError.class, () -> provider.publish(credentials("THQW-forged"), post("Hi", List.of(), 0)));
        assertEquals(Kind.AUTH_EXPIRED, e.kind());
        assertTrue(e.getMessage().contains("(code 190)"), e.getMessage());
        provider.publish(credentials, post("Hello", List.of(), 0));
        threads.received().stream().filter(r -> r.method().equals("POST")).forEach(r -> {
            assertFalse(r.query() != null && r.query().contains("access_token"), r.path() + " has its token in the URL");
            assertTrue(r.form().containsKey("access_token"), r.path());
        });
    }

    @Test
    void aContainerPublishedBeforeItIsFinishedIsAPassingFailureThatPostedNothing() {
        nextLink = URI.create("https://ail.example.com/media/" + "v".repeat(43));
        MediaRef video = provider.uploadMedia(credentials, Media.inMemory("clip.mp4", "video/mp4", new byte[10], null), post("Clip", List.of(), 1));
        assertFalse(video.ready());
        PlatformError e = assertThrows(PlatformError.class, () -> provider.publish(credentials, post("Clip", List.of(video), 1)));
        assertEquals(Kind.TRANSIENT, e.kind());
        assertFalse(e.mayHaveArrived());
        assertTrue(threads.posts().isEmpty());
    }

    @Test
    void aPictureThreadsCannotFetchFailsItsContainerAndItsLinkEnds() {
        MediaRef picture = provider.uploadMedia(credentials, Media.inMemory("cat.png", "image/png", new byte[10], "a cat"),
                post("Cat", List.of(), 1));
        PlatformError e = assertThrows(PlatformError.class, () -> provider.mediaStatus(credentials, picture));
        assertEquals(Kind.PERMANENT, e.kind());
        assertEquals("Threads could not process it (FAILED_DOWNLOADING_IMAGE)", e.getMessage());
        assertEquals(List.of(nextLink), revoked);
        Map<String, String> sent = threads.received("POST", "/v1.0/" + FakeThreads.USER_ID + "/threads").get(0).form();
        assertEquals("IMAGE", sent.get("media_type"));
        assertEquals("Cat", sent.get("text"));
        assertEquals("a cat", sent.get("alt_text"));
        assertNull(sent.get("is_carousel_item"));
    }

    @Test
    void aThrottledCallWaitsAsLongAsThreadsEstimates() {
        threads.throttleNext("/v1.0/" + FakeThreads.USER_ID + "/threads_publishing_limit", 42);
        Instant before = Instant.now();
        PlatformError e = assertThrows(PlatformError.class, () -> provider.publish(credentials, post("Hi", List.of(), 0)));
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertFalse(e.retryAt().isBefore(before.plus(Duration.ofMinutes(42))), e.retryAt().toString());
        assertTrue(e.retryAt().isBefore(Instant.now().plus(Duration.ofMinutes(43))), e.retryAt().toString());
    }

    @Test
    void theProfileIsTheTokensThreadsUser() {
        var profile = provider.profile(credentials);
        assertEquals(FakeThreads.USER_ID, profile.accountId());
        assertEquals(FakeThreads.USERNAME, profile.handle());
        assertEquals("https://www.threads.com/@" + FakeThreads.USERNAME, profile.url());
    }
}
