package com.ailsocialautomation.platform.x;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeX;
import com.ailsocialautomation.net.MediaType;
import com.ailsocialautomation.platform.ClientApp;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.DirectApiClient;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.platform.Published;
import com.ailsocialautomation.platform.RawRequest;
import com.ailsocialautomation.platform.StreamOnlyMedia;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XPublishTest {
    private static final int CHUNK = 1000;

    private FakeX x;
    private XProvider provider;
    private Credentials credentials;

    @BeforeEach
    void start() {
        x = FakeX.start();
        provider = new XProvider(new DirectApiClient(Duration.ofSeconds(5)), x.url(), x.url(), Clock.systemUTC(), CHUNK);
        credentials = credentials(x.issue());
    }

    @AfterEach
    void stop() {
        x.close();
    }

    private static Credentials credentials(FakeX.Issued issued) {
        return new Credentials(Secret.of(issued.accessToken()), Secret.ofNullable(issued.refreshToken()), null, null,
                FakeX.USER_ID, FakeX.USERNAME, new ClientApp(FakeX.CLIENT_ID, Secret.of(FakeX.CLIENT_SECRET)));
    }

    private static PublishRequest post(String text, List<MediaRef> media) {
        return new PublishRequest("p1", text, media, List.of(), UUID.randomUUID(), Instant.now());
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes); // every byte value, including CR and LF, must survive the multipart body
        return bytes;
    }

    /** What the engine's MediaPipeline does: upload, then poll mediaStatus until ready. */
    private MediaRef uploadAndWait(Media media, int maxPolls) {
        MediaRef ref = provider.uploadMedia(credentials, media);
        for (int i = 0; !ref.ready() && i < maxPolls; i++) {
            ref = provider.mediaStatus(credentials, ref);
        }
        return ref;
    }

    @Test
    void aTextPostIsSentAsJsonAndLinksToTheAuthorsStatus() {
        Published published = provider.publish(credentials, post("Hello from AIL", List.of()));

        assertEquals(201, published.httpStatus());
        assertEquals("https://x.com/" + FakeX.USERNAME + "/status/" + published.externalId(), published.url());
        FakeX.Received call = x.received("POST", "/2/tweets").get(0);
        assertEquals("Bearer " + credentials.accessToken().reveal(), call.header("Authorization"));
        assertEquals("Hello from AIL", call.json().path("text").asText());
        assertTrue(call.json().path("media").isMissingNode());
    }

    @Test
    void anImagePostUploadsInChunksWaitsForProcessingAndAttachesTheMediaId() {
        x.imageProcessing(FakeX.Processing.SUCCEEDS);
        byte[] image = bytes(2500);

        MediaRef first = provider.uploadMedia(credentials, Media.inMemory("cat.png", "image/png", image, "a cat"));
        assertFalse(first.ready(), "X said pending after finalize");
        MediaRef ref = first;
        int polls = 0;
        while (!ref.ready()) {
            ref = provider.mediaStatus(credentials, ref);
            polls++;
        }
        Published published = provider.publish(credentials, post("A cat", List.of(ref)));

        assertEquals(2, polls, "pending, then in_progress, then succeeded");
        assertEquals("tweet_image", x.received("POST", "/2/media/upload/initialize").get(0).json().path("media_category").asText());
        assertEquals(2500, x.received("POST", "/2/media/upload/initialize").get(0).json().path("total_bytes").asInt());
        assertEquals(3, x.received("POST", "/2/media/upload/" + ref.id() + "/append").size());
        assertArrayEquals(image, x.uploadedBytes(ref.id()));
        assertEquals(ref.id(), x.posts().get(0).path("media").path("media_ids").get(0).asText());
        assertTrue(published.url().endsWith(published.externalId()));
    }

    @Test
    void altTextReachesXsMediaMetadataAfterTheUpload() {
        MediaRef ref = provider.uploadMedia(credentials, Media.inMemory("cat.png", "image/png", bytes(10), "a cat on a keyboard"));
        provider.publish(credentials, post("A cat", List.of(ref)));

        assertEquals("a cat on a keyboard", x.altText(ref.id()));
        JsonNode metadata = x.received("POST", "/2/media/metadata").get(0).json();
        assertEquals(ref.id(), metadata.path("id").asText());
    }

    @Test
    void aVideoIsAppendedChunkByChunkFromItsStreamInOrderAndNeverLoadedWhole() {
        byte[] content = bytes(4500);
        StreamOnlyMedia clip = new StreamOnlyMedia("clip.mp4", MediaType.MP4, content, 1280, 720, "a clip");
        MediaRef ref = uploadAndWait(clip, 5);

        assertTrue(ref.ready());
        List<FakeX.Received> appends = x.received("POST", "/2/media/upload/" + ref.id() + "/append");
        assertEquals(5, appends.size(), "4500 bytes in chunks of 1000");
        assertArrayEquals(content, x.uploadedBytes(ref.id()));
        assertEquals(1, clip.timesOpened());
        assertEquals("tweet_video", x.category(ref.id()));
        assertTrue(x.received("POST", "/2/media/metadata").isEmpty(), "X documents alt text for images and GIFs only");
    }

    @Test
    void xsCheckAfterSecsTellsTheEngineWhenToLookAgain() {
        x.videoProcessing(FakeX.Processing.STAYS_PENDING);
        x.checkAfterSecs(7);
        MediaRef ref = provider.uploadMedia(credentials, Media.inMemory("clip.mp4", "video/mp4", bytes(10), null));
        assertFalse(ref.ready());
        assertEquals(Duration.ofSeconds(7), ref.checkAfter());
        assertEquals(Duration.ofSeconds(7), provider.mediaStatus(credentials, ref).checkAfter());
    }

    @Test
    void theFakeRefusesAppendsOutOfOrderAndASecondFinalizeAsXDoes() {
        String token = x.issue().accessToken();
        String id = RawRequest.send("POST", x.url() + "/2/media/upload/initialize", token, "application/json",
                "{\"media_type\":\"video/mp4\",\"total_bytes\":4,\"media_category\":\"tweet_video\"}").body()
                .replaceAll(".*\"id\":\"([0-9]+)\".*", "$1");
        String chunk = "--b\r\nContent-Disposition: form-data; name=\"segment_index\"\r\n\r\n1\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"media\"; filename=\"blob\"\r\n\r\nabcd\r\n--b--\r\n";
        assertEquals(400, RawRequest.send("POST", x.url() + "/2/media/upload/" + id + "/append", token,
                "multipart/form-data; boundary=b", chunk).statusCode(), "segment 1 before segment 0");
        assertEquals(400, RawRequest.send("POST", x.url() + "/2/media/upload/" + id + "/finalize", token, null, null).statusCode(),
                "nothing appended: the sizes differ");
    }

    @Test
    void emptyAndOverLongTextAndMalformedJsonGetXsOwnRefusals() {
        PlatformError empty = assertThrows(PlatformError.class, () -> provider.publish(credentials, post("", List.of())));
        assertEquals(PlatformError.Kind.PERMANENT, empty.kind());
        PlatformError tooLong = assertThrows(PlatformError.class, () -> provider.publish(credentials, post("a".repeat(281), List.of())));
        assertEquals("Your Post text is too long.", tooLong.getMessage());
        provider.publish(credentials, post("a".repeat(280), List.of()));

        var malformed = RawRequest.send("POST", x.url() + "/2/media/upload/initialize", x.issue().accessToken(), "application/json", "{\"media_type\":");
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.body().contains("not valid JSON"), malformed.body());
    }

    @Test
    void anImageWithoutProcessingInfoIsReadyAtOnce() {
        MediaRef ref = provider.uploadMedia(credentials, Media.inMemory("cat.png", "image/png", bytes(10), null));
        assertTrue(ref.ready());
        assertEquals(ref, provider.mediaStatus(credentials, ref));
        assertTrue(x.received("GET", "/2/media/upload").isEmpty());
    }

    @Test
    void aVideoThatFailsProcessingIsPermanentWithXsReason() {
        x.videoProcessing(FakeX.Processing.FAILS);
        PlatformError e = assertThrows(PlatformError.class,
                () -> uploadAndWait(Media.inMemory("clip.mp4", "video/mp4", bytes(1200), null), 5));
        assertEquals(PlatformError.Kind.PERMANENT, e.kind());
        assertEquals("X could not process the media: Unsupported video format", e.getMessage());
        assertEquals("tweet_video", x.received("POST", "/2/media/upload/initialize").get(0).json().path("media_category").asText());
    }

    @Test
    void aVideoStillPendingStaysNotReadySoTheEngineKeepsPolling() {
        x.videoProcessing(FakeX.Processing.STAYS_PENDING);
        MediaRef ref = uploadAndWait(Media.inMemory("clip.mp4", "video/mp4", bytes(10), null), 3);
        assertFalse(ref.ready());
        assertEquals(3, x.received("GET", "/2/media/upload").size());
    }

    @Test
    void aTokenWithoutMediaWriteGetsXsOwnRefusal() {
        credentials = credentials(x.issue("tweet.read tweet.write users.read offline.access"));
        PlatformError e = assertThrows(PlatformError.class,
                () -> provider.uploadMedia(credentials, Media.inMemory("cat.png", "image/png", bytes(10), null)));
        assertEquals(PlatformError.Kind.PERMANENT, e.kind());
        assertEquals(403, e.httpStatus());
        assertTrue(e.getMessage().contains("media.write"), e.getMessage());
    }

    @Test
    void anExpiredTokenIsAuthExpiredSoTheEngineRefreshesOnce() {
        x.expire(credentials.accessToken().reveal());
        PlatformError e = assertThrows(PlatformError.class, () -> provider.publish(credentials, post("hi", List.of())));
        assertEquals(PlatformError.Kind.AUTH_EXPIRED, e.kind());
        assertTrue(x.posts().isEmpty());
    }

    @Test
    void duplicateContentIsRefusedInXsOwnWords() {
        provider.publish(credentials, post("same words", List.of()));
        PlatformError e = assertThrows(PlatformError.class, () -> provider.publish(credentials, post("same words", List.of())));
        assertEquals(PlatformError.Kind.PERMANENT, e.kind());
        assertEquals(403, e.httpStatus());
        assertEquals("You are not allowed to create a Tweet with duplicate content.", e.getMessage());
    }

    @Test
    void aRateLimitedPostIsRetriedWhenXSaysTheWindowResets() {
        Instant reset = Instant.now().plus(Duration.ofMinutes(12)).truncatedTo(ChronoUnit.SECONDS);
        x.rateLimitNext("/2/tweets", reset);

        PlatformError e = assertThrows(PlatformError.class, () -> provider.publish(credentials, post("hi", List.of())));

        assertEquals(PlatformError.Kind.RATE_LIMITED, e.kind());
        assertEquals(reset, e.retryAt());
        assertTrue(e.getMessage().startsWith("X's rate limit for posting is used up until "), e.getMessage());
        assertTrue(e.getMessage().contains("(100 posts per 15 minutes)"), e.getMessage());
    }

    @Test
    void aUsedUpDailyCapWinsOverTheShortWindowAndIsNamedInTheMessage() {
        Instant reset = Instant.now().plus(Duration.ofHours(9)).truncatedTo(ChronoUnit.SECONDS);
        x.dailyCapNext("/2/tweets", 17, reset);

        PlatformError e = assertThrows(PlatformError.class, () -> provider.publish(credentials, post("hi", List.of())));

        assertEquals(PlatformError.Kind.RATE_LIMITED, e.kind());
        assertEquals(reset, e.retryAt());
        assertTrue(e.getMessage().contains("(17 posts per 24 h for this account)"), e.getMessage());
    }

    @Test
    void aMalformedAnswerToAPostIsPermanentAndSaysThePostMayBeLive() {
        x.malformNext("/2/tweets");
        PlatformError e = assertThrows(PlatformError.class, () -> provider.publish(credentials, post("hi", List.of())));
        assertEquals(PlatformError.Kind.PERMANENT, e.kind());
        assertTrue(e.getMessage().contains("could not read"), e.getMessage());
        assertTrue(e.getMessage().contains("check X before retrying"), e.getMessage());
    }

    @Test
    void aMalformedProfileAnswerIsPermanentNotACrash() {
        x.malformNext("/2/users/me");
        PlatformError e = assertThrows(PlatformError.class, () -> provider.profile(credentials));
        assertEquals(PlatformError.Kind.PERMANENT, e.kind());
        assertEquals("X sent an answer AIL could not read (HTTP 200)", e.getMessage());
    }

    @Test
    void aSlowXIsTransient() {
        x.slow(Duration.ofMillis(800));
        XProvider impatient = new XProvider(new DirectApiClient(Duration.ofMillis(200)), x.url(), x.url(), Clock.systemUTC());
        PlatformError e = assertThrows(PlatformError.class, () -> impatient.publish(credentials, post("hi", List.of())));
        assertEquals(PlatformError.Kind.TRANSIENT, e.kind());
    }

    @Test
    void xsLimitsAre280CharactersAndFourMedia() {
        assertEquals(280, provider.platform().rule().textLimit());
        assertEquals(4, provider.platform().rule().media().maxItems());
    }
}
