package com.ailsocialautomation.platform.mastodon;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeMastodon;
import com.ailsocialautomation.net.GuardedHttp;
import com.ailsocialautomation.net.HttpLimits;
import com.ailsocialautomation.net.MediaType;
import com.ailsocialautomation.net.Resolver;
import com.ailsocialautomation.net.UrlGuard;
import com.ailsocialautomation.platform.ClientApp;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.GuardedApiClient;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.PlatformError.Kind;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.platform.Published;
import com.ailsocialautomation.platform.RawRequest;
import com.ailsocialautomation.platform.StreamOnlyMedia;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MastodonPublishTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    private FakeMastodon mastodon;
    private GuardedHttp http;
    private MastodonProvider provider;
    private Credentials credentials;
    private String token;

    @BeforeEach
    void start() {
        mastodon = FakeMastodon.start();
        http = new GuardedHttp(new UrlGuard(true, Resolver.system()), new HttpLimits(Duration.ofSeconds(1), Duration.ofSeconds(2), 1 << 20));
        provider = new MastodonProvider(new GuardedApiClient(http));
        token = mastodon.issue(MastodonConnectTest.REDIRECT, "write:statuses write:media profile");
        FakeMastodon.App app = mastodon.appFor(token);
        credentials = new Credentials(Secret.of(token), null, null, mastodon.url(), "109300000000000001", "@ana@127.0.0.1",
                new ClientApp(app.clientId(), Secret.of(app.clientSecret())));
    }

    @AfterEach
    void stop() {
        http.close();
        mastodon.close();
    }

    private static PublishRequest request(String text, List<MediaRef> media, UUID key) {
        return new PublishRequest("p1", text, media, List.of(), key, Instant.now());
    }

    @Test
    void aStatusGoesOutAsJsonWithTheBearerTokenAndTheTargetsIdempotencyKey() {
        UUID key = UUID.randomUUID();
        Published published = provider.publish(credentials, request("Hello, fediverse ✨", List.of(), key));
        FakeMastodon.Received sent = mastodon.received("POST", "/api/v1/statuses").get(0);
        assertEquals(key.toString(), sent.header("Idempotency-Key"));
        assertEquals("Bearer " + token, sent.header("Authorization"));
        assertTrue(sent.header("Content-Type").startsWith("application/json"));
        JsonNode status = mastodon.statuses().get(0);
        assertEquals("Hello, fediverse ✨", status.path("text_sent").asText());
        assertEquals(status.path("id").asText(), published.externalId());
        assertEquals(mastodon.url() + "/@ana/" + published.externalId(), published.url());
        assertFalse(sent.text().contains("visibility"), "the account's own default visibility applies");
        assertTrue(provider.idempotent());
    }

    @Test
    void sendingTheSameKeyAgainGivesTheSameStatusAndNoDuplicate() {
        UUID key = UUID.randomUUID();
        Published first = provider.publish(credentials, request("Once only", List.of(), key));
        Published again = provider.publish(credentials, request("Once only", List.of(), key));
        assertEquals(first.externalId(), again.externalId());
        assertEquals(1, mastodon.statuses().size());
        provider.publish(credentials, request("Once only", List.of(), UUID.randomUUID()));
        assertEquals(2, mastodon.statuses().size(), "another target's key is another status");
    }

    @Test
    void anImageProcessedAtOnceIsReadyAndAttachedWithItsTypeAndDescription() {
        MediaRef ref = provider.uploadMedia(credentials, Media.inMemory("cat.png", "image/png", PNG, "A cat"));
        assertTrue(ref.ready());
        FakeMastodon.Received upload = mastodon.received("POST", "/api/v2/media").get(0);
        assertTrue(upload.header("Content-Type").startsWith("multipart/form-data; boundary="));
        String body = new String(upload.body(), StandardCharsets.ISO_8859_1);
        assertTrue(body.contains("name=\"file\"; filename=\"media.png\"\r\nContent-Type: image/png"), body);
        assertTrue(body.contains("name=\"description\"\r\n\r\nA cat"), body);
        provider.publish(credentials, request("With a cat", List.of(ref), UUID.randomUUID()));
        assertEquals(ref.id(), mastodon.statuses().get(0).path("media_attachments").path(0).path("id").asText());
    }

    @Test
    void mediaStillProcessingIsPolledUntilReady() {
        mastodon.processing(FakeMastodon.Processing.AFTER_POLLS);
        MediaRef ref = provider.uploadMedia(credentials, Media.inMemory("clip.mp4", "video/mp4", PNG, null));
        assertFalse(ref.ready(), "202 means still processing");
        assertThrows(PlatformError.class, () -> provider.publish(credentials, request("Too early", List.of(ref), UUID.randomUUID())));
        MediaRef polled = provider.mediaStatus(credentials, ref);
        assertFalse(polled.ready(), "206 means still processing");
        MediaRef ready = provider.mediaStatus(credentials, polled);
        assertTrue(ready.ready());
        assertEquals(2, mastodon.received().stream().filter(r -> r.path().equals("/api/v1/media/" + ref.id())).count());
        provider.publish(credentials, request("Now", List.of(ready), UUID.randomUUID()));
    }

    @Test
    void mediaThatFailsProcessingIsAPermanentErrorWithMastodonsReason() {
        mastodon.processing(FakeMastodon.Processing.FAILS);
        MediaRef ref = provider.uploadMedia(credentials, Media.inMemory("clip.mp4", "video/mp4", PNG, null));
        MediaRef polled = provider.mediaStatus(credentials, ref);
        PlatformError e = assertThrows(PlatformError.class, () -> provider.mediaStatus(credentials, polled));
        assertEquals(Kind.PERMANENT, e.kind());
        assertEquals("The Mastodon server could not process the media: Error processing thumbnail for uploaded media", e.getMessage());
    }

    @Test
    void anExpiredTokenIsAuthExpired() {
        mastodon.expire(token);
        PlatformError e = assertThrows(PlatformError.class, () -> provider.publish(credentials, request("Hi", List.of(), UUID.randomUUID())));
        assertEquals(Kind.AUTH_EXPIRED, e.kind());
        assertEquals(401, e.httpStatus());
        assertEquals("Mastodon no longer accepts the access token (The access token is invalid)", e.getMessage());
    }

    @Test
    void aRateLimitWaitsUntilTheIsoResetTime() {
        Instant reset = Instant.now().plus(7, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        mastodon.rateLimitNext("/api/v1/statuses", reset);
        PlatformError e = assertThrows(PlatformError.class, () -> provider.publish(credentials, request("Hi", List.of(), UUID.randomUUID())));
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(reset, e.retryAt());
        assertTrue(e.getMessage().startsWith("Mastodon's rate limit for posting is used up until "), e.getMessage());
    }

    @Test
    void serverErrorsAndTimeoutsAreTransient() {
        mastodon.failNext("/api/v1/statuses", 503);
        PlatformError down = assertThrows(PlatformError.class, () -> provider.publish(credentials, request("Hi", List.of(), UUID.randomUUID())));
        assertEquals(Kind.TRANSIENT, down.kind());
        assertEquals("The Mastodon server had a problem while posting (HTTP 503)", down.getMessage());
        mastodon.slow(Duration.ofSeconds(4));
        PlatformError slow = assertThrows(PlatformError.class, () -> provider.publish(credentials, request("Hi", List.of(), UUID.randomUUID())));
        assertEquals(Kind.TRANSIENT, slow.kind());
        assertTrue(slow.getMessage().startsWith("Could not reach 127.0.0.1"), slow.getMessage());
    }

    @Test
    void otherRefusalsArePermanentWithMastodonsOwnWords() {
        mastodon.maxCharacters(10);
        PlatformError tooLong = assertThrows(PlatformError.class,
                () -> provider.publish(credentials, request("This is more than ten", List.of(), UUID.randomUUID())));
        assertEquals(Kind.PERMANENT, tooLong.kind());
        assertEquals(422, tooLong.httpStatus());
        assertEquals("Validation failed: Text character limit of 10 exceeded", tooLong.getMessage());
        String readOnly = mastodon.issue(MastodonConnectTest.REDIRECT, "profile");
        Credentials weak = new Credentials(Secret.of(readOnly), null, null, mastodon.url(), null, null, null);
        PlatformError scope = assertThrows(PlatformError.class, () -> provider.publish(weak, request("Hi", List.of(), UUID.randomUUID())));
        assertEquals("This action is outside the authorized scopes", scope.getMessage());
    }

    @Test
    void aVideoIsStreamedInTheMultipartBodyWithItsAltTextAsDescriptionAndPolledUntilReady() {
        mastodon.processing(FakeMastodon.Processing.AFTER_POLLS);
        byte[] content = new byte[70_000];
        new java.util.Random(5).nextBytes(content);
        StreamOnlyMedia clip = new StreamOnlyMedia("clip.mp4", MediaType.MP4, content, 1280, 720, "a short clip");
        MediaRef ref = provider.uploadMedia(credentials, clip);
        assertFalse(ref.ready(), "202: still processing");
        while (!ref.ready()) {
            ref = provider.mediaStatus(credentials, ref);
        }
        provider.publish(credentials, request("Clip", List.of(ref), UUID.randomUUID()));

        org.junit.jupiter.api.Assertions.assertArrayEquals(content, mastodon.uploadedBytes(ref.id()));
        assertEquals("a short clip", mastodon.description(ref.id()));
        JsonNode attachment = mastodon.statuses().get(0).path("media_attachments").get(0);
        assertEquals("video", attachment.path("type").asText());
        assertEquals("a short clip", attachment.path("description").asText());
    }

    @Test
    void theFakeKeepsEveryMediaIdOfAFormAndForgetsIdempotencyKeysAfterAnHour() {
        MediaRef a = provider.uploadMedia(credentials, Media.inMemory("a.png", "image/png", PNG, null));
        MediaRef b = provider.uploadMedia(credentials, Media.inMemory("b.png", "image/png", PNG, null));
        var form = RawRequest.send("POST", mastodon.url() + "/api/v1/statuses", token, "application/x-www-form-urlencoded",
                "status=two&media_ids%5B%5D=" + a.id() + "&media_ids%5B%5D=" + b.id());
        assertEquals(200, form.statusCode(), form.body());
        assertEquals(2, mastodon.statuses().get(0).path("media_attachments").size());

        UUID key = UUID.randomUUID();
        provider.publish(credentials, request("once", List.of(), key));
        provider.publish(credentials, request("once", List.of(), key));
        assertEquals(2, mastodon.statuses().size(), "the same key within the hour gives the first status back");
        mastodon.passTime(Duration.ofMinutes(61));
        provider.publish(credentials, request("once", List.of(), key));
        assertEquals(3, mastodon.statuses().size(), "after an hour the key is forgotten");

        var malformed = RawRequest.send("POST", mastodon.url() + "/api/v1/statuses", token, "application/json", "{\"status\":");
        assertEquals(400, malformed.statusCode());
        assertEquals("{\"error\":\"Error occurred while parsing request parameters.\"}", malformed.body());
    }
}
