package com.ailsocialautomation.platform.bluesky;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeBluesky;
import com.ailsocialautomation.fakes.LoopbackApi.Received;
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
import com.ailsocialautomation.platform.TokenSet;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A video to Bluesky: service-auth token, the video service's upload and job, the post's video embed. */
class BlueskyVideoTest {
    private FakeBluesky pds;
    private GuardedHttp http;
    private BlueskyProvider provider;
    private Credentials credentials;

    @BeforeEach
    void start() {
        pds = FakeBluesky.start();
        http = new GuardedHttp(new UrlGuard(true, Resolver.system()), new HttpLimits(Duration.ofSeconds(2), Duration.ofSeconds(3), 1 << 20));
        // the fake serves the video service on the PDS's own port
        provider = new BlueskyProvider(new GuardedApiClient(http), pds.url(), pds.url(), Clock.systemUTC());
        TokenSet tokens = provider.logIn(pds.url(), FakeBluesky.HANDLE, Secret.of(FakeBluesky.APP_PASSWORD)).tokens();
        credentials = new Credentials(tokens.accessToken(), tokens.refreshToken(), tokens.expiresAt(), pds.url(),
                FakeBluesky.DID, FakeBluesky.HANDLE, null);
    }

    @AfterEach
    void stop() {
        http.close();
        pds.close();
    }

    private static Media video(int size, String alt) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return new Media.InMemory("holiday.mp4", new MediaFacts(MediaType.MP4, size, 1080, 1920, Duration.ofSeconds(42)), alt, bytes);
    }

    private MediaRef untilReady(MediaRef ref) {
        for (int polls = 0; !ref.ready(); polls++) {
            assertTrue(polls < 5, "the job never finished");
            ref = provider.mediaStatus(credentials, ref);
        }
        return ref;
    }

    @Test
    void aVideoGoesThroughTheVideoServiceWithAServiceTokenForThePdsAndIsEmbeddedWithAltAndAspectRatio() {
        Media clip = video(300_000, "waves at dusk");
        Instant before = Instant.now();
        MediaRef uploading = provider.uploadMedia(credentials, clip);
        assertFalse(uploading.ready(), "the service is still encoding");

        Received auth = pds.received("com.atproto.server.getServiceAuth").get(0);
        Map<String, String> query = form(auth.query());
        assertEquals(pds.serviceDid(), query.get("aud"));
        assertEquals("com.atproto.repo.uploadBlob", query.get("lxm"));
        long exp = Long.parseLong(query.get("exp"));
        assertTrue(exp > before.getEpochSecond() && exp <= Instant.now().plusSeconds(1800).getEpochSecond(), "exp " + exp);
        Received upload = pds.received("app.bsky.video.uploadVideo").get(0);
        assertEquals("video/mp4", upload.header("Content-Type"));
        assertEquals("300000", upload.header("Content-Length"));
        assertEquals(FakeBluesky.DID, form(upload.query()).get("did"));
        assertArrayEquals(((Media.InMemory) clip).content(), upload.body());
        assertTrue(upload.header("Authorization").startsWith("Bearer "));
        assertFalse(upload.header("Authorization").contains(credentials.accessToken().reveal()),
                "the PDS session token never goes to the video service");

        MediaRef ready = untilReady(uploading);
        provider.publish(credentials, new PublishRequest("p1", "Summer", List.of(ready), List.of(), UUID.randomUUID(), Instant.now()));

        JsonNode embed = pds.posts().get(0).path("embed");
        assertEquals("app.bsky.embed.video", embed.path("$type").asText());
        assertEquals("video/mp4", embed.path("video").path("mimeType").asText());
        assertEquals(300_000, embed.path("video").path("size").asInt());
        assertEquals("waves at dusk", embed.path("alt").asText());
        assertEquals(1080, embed.path("aspectRatio").path("width").asInt());
        assertEquals(1920, embed.path("aspectRatio").path("height").asInt());
    }

    @Test
    void aJobTheServiceFailsIsPermanentWithTheServicesOwnReason() {
        pds.videoProcessing(FakeBluesky.VideoProcessing.FAILS);
        MediaRef uploading = provider.uploadMedia(credentials, video(1000, null));

        PlatformError e = assertThrows(PlatformError.class, () -> untilReady(uploading));
        assertEquals(PlatformError.Kind.PERMANENT, e.kind());
        assertEquals("Bluesky could not process the video: Video is longer than 3 minutes", e.getMessage());
    }

    @Test
    void aVideoTheServiceAlreadyHasResumesItsEarlierJobInsteadOfFailing() {
        Media clip = video(2000, null);
        MediaRef first = untilReady(provider.uploadMedia(credentials, clip));

        MediaRef again = untilReady(provider.uploadMedia(credentials, clip));

        assertEquals(first.id(), again.id(), "the 409 already_exists names the earlier job");
        provider.publish(credentials, new PublishRequest("p1", "again", List.of(again), List.of(), UUID.randomUUID(), Instant.now()));
        assertEquals("app.bsky.embed.video", pds.posts().get(0).path("embed").path("$type").asText());
    }

    @Test
    void anExpiredSessionIsAuthExpiredBeforeAnyByteGoesToTheVideoService() {
        pds.expireAccessTokens();
        PlatformError e = assertThrows(PlatformError.class, () -> provider.uploadMedia(credentials, video(1000, null)));
        assertEquals(PlatformError.Kind.AUTH_EXPIRED, e.kind());
        assertTrue(pds.received("app.bsky.video.uploadVideo").isEmpty());
    }

    @Test
    void aVideoAndImagesInOnePostAreRefusedAsBlueskyTakesOneVideoAlone() {
        MediaRef clip = untilReady(provider.uploadMedia(credentials, video(1000, null)));
        MediaRef image = provider.uploadMedia(credentials, Media.inMemory("a.png", "image/png", new byte[10], null));
        PlatformError e = assertThrows(PlatformError.class, () -> provider.publish(credentials,
                new PublishRequest("p1", "mixed", List.of(clip, image), List.of(), UUID.randomUUID(), Instant.now())));
        assertEquals("Bluesky takes one video per post, without images", e.getMessage());
    }

    private static Map<String, String> form(String query) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            out.put(java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        return out;
    }
}
