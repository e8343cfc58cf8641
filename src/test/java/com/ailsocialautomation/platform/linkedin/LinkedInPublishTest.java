package com.ailsocialautomation.platform.linkedin;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeLinkedIn;
import com.ailsocialautomation.net.MediaType;
import com.ailsocialautomation.platform.ApiRequest;
import com.ailsocialautomation.platform.ApiResponse;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinkedInPublishTest {
    private FakeLinkedIn linkedin;
    private DirectApiClient http;
    private LinkedInProvider provider;
    private Credentials credentials;

    @BeforeEach
    void start() {
        linkedin = FakeLinkedIn.start();
        http = new DirectApiClient(Duration.ofSeconds(5));
        provider = provider("202603");
        FakeLinkedIn.Issued issued = linkedin.issue();
        credentials = new Credentials(Secret.of(issued.accessToken()), null, null, null, FakeLinkedIn.MEMBER_ID, "Ada Lovelace",
                new ClientApp(FakeLinkedIn.CLIENT_ID, Secret.of(FakeLinkedIn.CLIENT_SECRET)));
    }

    @AfterEach
    void stop() {
        linkedin.close();
    }

    private LinkedInProvider provider(String version) {
        return new LinkedInProvider(http, linkedin.url(), linkedin.url(), version, Clock.systemUTC());
    }

    private static PublishRequest post(String text, List<MediaRef> media) {
        return new PublishRequest("p1", text, media, List.of(), UUID.randomUUID(), Instant.now());
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(3).nextBytes(bytes);
        return bytes;
    }

    private MediaRef uploadAndWait(Media media, int maxPolls) {
        MediaRef ref = provider.uploadMedia(credentials, media);
        for (int i = 0; !ref.ready() && i < maxPolls; i++) {
            ref = provider.mediaStatus(credentials, ref);
        }
        return ref;
    }

    @Test
    void aTextPostCarriesBothHeadersAndEscapedCommentaryAndLinksToTheFeedUpdate() {
        Published published = provider.publish(credentials, post("Launch (v2) #news @team", List.of()));

        assertEquals(201, published.httpStatus());
        assertTrue(published.externalId().startsWith("urn:li:share:"));
        assertEquals("https://www.linkedin.com/feed/update/" + published.externalId() + "/", published.url());
        FakeLinkedIn.Received call = linkedin.received("POST", "/rest/posts").get(0);
        assertEquals("202603", call.header("LinkedIn-Version"));
        assertEquals("2.0.0", call.header("X-Restli-Protocol-Version"));
        assertEquals("Bearer " + credentials.accessToken().reveal(), call.header("Authorization"));
        JsonNode body = call.json();
        assertEquals(FakeLinkedIn.MEMBER_URN, body.path("author").asText());
        assertEquals("Launch \\(v2\\) \\#news \\@team", body.path("commentary").asText());
        assertEquals("PUBLIC", body.path("visibility").asText());
        assertEquals("MAIN_FEED", body.path("distribution").path("feedDistribution").asText());
        assertEquals("PUBLISHED", body.path("lifecycleState").asText());
        assertTrue(body.path("content").isMissingNode());
    }

    @Test
    void anImageIsInitializedPutWithTheBearerPolledUntilAvailableAndAttached() {
        MediaRef first = provider.uploadMedia(credentials, Media.inMemory("cat.png", "image/png", bytes(3000), "a cat"));
        assertFalse(first.ready());
        MediaRef ready = uploadAndWait(Media.inMemory("dog.png", "image/png", bytes(10), null), 5);
        Published published = provider.publish(credentials, post("Dog", List.of(ready)));

        assertTrue(ready.ready());
        assertTrue(ready.id().startsWith("urn:li:image:"));
        assertEquals(FakeLinkedIn.MEMBER_URN, linkedin.received("POST", "/rest/images").get(0).json()
                .path("initializeUploadRequest").path("owner").asText());
        FakeLinkedIn.Received put = linkedin.received().stream().filter(r -> r.method().equals("PUT")).findFirst().orElseThrow();
        assertEquals(3000, put.body().length);
        assertEquals("Bearer " + credentials.accessToken().reveal(), put.header("Authorization"));
        assertTrue(linkedin.received().stream().anyMatch(r -> r.rawPath().startsWith("/rest/images/urn%3Ali%3Aimage%3A")));
        assertEquals(ready.id(), linkedin.posts().get(0).path("content").path("media").path("id").asText());
        assertTrue(published.url().contains("urn:li:share:"));
    }

    @Test
    void severalImagesBecomeAMultiImagePost() {
        MediaRef a = uploadAndWait(Media.inMemory("a.png", "image/png", bytes(10), null), 5);
        MediaRef b = uploadAndWait(Media.inMemory("b.jpg", "image/jpeg", bytes(20), null), 5);
        provider.publish(credentials, post("Two", List.of(a, b)));
        JsonNode images = linkedin.posts().get(0).path("content").path("multiImage").path("images");
        assertEquals(a.id(), images.get(0).path("id").asText());
        assertEquals(b.id(), images.get(1).path("id").asText());
    }

    /** Breakage tried: sending the PUT whatever host the answer names (the check removed) makes both fail. */
    @Test
    void anImageUploadAddressOutsideLinkedInsHostsIsRefusedAndNothingIsSentThere() {
        linkedin.uploadBase(linkedin.url().replace("127.0.0.1", "localhost")); // same fake, a host that is not LinkedIn's
        PlatformError e = assertThrows(PlatformError.class,
                () -> provider.uploadMedia(credentials, Media.inMemory("cat.png", "image/png", bytes(30), null)));
        assertEquals("LinkedIn sent an upload address AIL could not use", e.getMessage());
        assertEquals(PlatformError.Kind.PERMANENT, e.kind());
        assertEquals(0, linkedin.received().stream().filter(r -> r.method().equals("PUT")).count());
    }

    @Test
    void aVideoUploadAddressOutsideLinkedInsHostsIsRefusedAndNothingIsSentThere() {
        linkedin.uploadBase(linkedin.url().replace("127.0.0.1", "localhost"));
        assertThrows(PlatformError.class, () -> provider.uploadMedia(credentials, Media.inMemory("clip.mp4", "video/mp4", bytes(300), null)));
        assertEquals(0, linkedin.received().stream().filter(r -> r.method().equals("PUT")).count());
    }

    @Test
    void aVideoIsPutInTheGivenPartsFinalizedWithTheirEtagsAndPolledUntilAvailable() {
        linkedin.videoPartBytes(1000);
        MediaRef video = uploadAndWait(Media.inMemory("clip.mp4", "video/mp4", bytes(2500), null), 5);
        provider.publish(credentials, post("Clip", List.of(video)));

        assertTrue(video.ready());
        assertEquals(2500, linkedin.received("POST", "/rest/videos").get(0).json().path("initializeUploadRequest").path("fileSizeBytes").asInt());
        assertEquals(3, linkedin.received().stream().filter(r -> r.method().equals("PUT")).count());
        JsonNode finalize = linkedin.received("POST", "/rest/videos").get(1).json().path("finalizeUploadRequest");
        assertEquals(3, finalize.path("uploadedPartIds").size());
        assertEquals(video.id(), linkedin.posts().get(0).path("content").path("media").path("id").asText());
    }

    @Test
    void aVideoIsReadInOnePassFromItsStreamAndCarriesItsAltTextToThePost() {
        linkedin.videoPartBytes(1000);
        byte[] content = bytes(2500);
        StreamOnlyMedia clip = new StreamOnlyMedia("clip.mp4", MediaType.MP4, content, 1920, 1080, "our launch");
        MediaRef video = uploadAndWait(clip, 5);
        provider.publish(credentials, post("Clip", List.of(video)));

        assertEquals(1, clip.timesOpened());
        List<FakeLinkedIn.Received> puts = linkedin.received().stream().filter(r -> r.method().equals("PUT")).toList();
        java.io.ByteArrayOutputStream sent = new java.io.ByteArrayOutputStream();
        puts.forEach(put -> sent.writeBytes(put.body()));
        assertArrayEquals(content, sent.toByteArray());
        assertEquals("our launch", linkedin.posts().get(0).path("content").path("media").path("altText").asText());
    }

    @Test
    void eachImageOfAMultiImagePostKeepsItsOwnAltText() {
        MediaRef first = uploadAndWait(Media.inMemory("a.png", "image/png", bytes(10), "first"), 5);
        MediaRef second = uploadAndWait(Media.inMemory("b.png", "image/png", bytes(10), null), 5);
        provider.publish(credentials, post("Two", List.of(first, second)));

        JsonNode images = linkedin.posts().get(0).path("content").path("multiImage").path("images");
        assertEquals("first", images.get(0).path("altText").asText());
        assertTrue(images.get(1).path("altText").isMissingNode());
    }

    @Test
    void theFakeRefusesWhatLinkedInRefusesWithItsOwnErrors() {
        String token = linkedin.issue().accessToken();
        String valid = "{\"author\":\"" + FakeLinkedIn.MEMBER_URN + "\",\"commentary\":\"%s\",\"visibility\":\"%s\","
                + "\"distribution\":{\"feedDistribution\":\"%s\"},\"lifecycleState\":\"%s\"}";
        assertEquals(422, postRaw(token, String.format(valid, "hi", "EVERYONE", "MAIN_FEED", "PUBLISHED")).statusCode());
        assertEquals(422, postRaw(token, String.format(valid, "hi", "PUBLIC", "FEED", "PUBLISHED")).statusCode());
        assertEquals(422, postRaw(token, String.format(valid, "hi", "PUBLIC", "MAIN_FEED", "LIVE")).statusCode());
        assertEquals(422, postRaw(token, String.format(valid, "x".repeat(3001), "PUBLIC", "MAIN_FEED", "PUBLISHED")).statusCode());
        var malformed = postRaw(token, "{\"author\":");
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.body().contains("\"status\":400"), malformed.body());
        assertEquals(201, postRaw(token, String.format(valid, "hi", "PUBLIC", "MAIN_FEED", "PUBLISHED")).statusCode());

        linkedin.grantScope("w_member_social");
        LinkedInProvider p = provider("202603");
        String narrow = linkedin.approve(p.authorizeUrl(new com.ailsocialautomation.platform.AuthorizeRequest(
                "state-1", null, FakeLinkedIn.REDIRECT_URI, null, credentials.app()))).code();
        String narrowToken = p.exchangeCode(new com.ailsocialautomation.platform.CodeExchange(Secret.of(narrow),
                null, FakeLinkedIn.REDIRECT_URI, null, credentials.app())).accessToken().reveal();
        assertEquals(403, RawRequest.send("GET", linkedin.url() + "/v2/userinfo", narrowToken, null, null).statusCode(),
                "userinfo needs openid and profile");
    }

    private java.net.http.HttpResponse<String> postRaw(String token, String body) {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(linkedin.url() + "/rest/posts"))
                .header("Authorization", "Bearer " + token).header("LinkedIn-Version", "202603")
                .header("X-Restli-Protocol-Version", "2.0.0").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aVideoLinkedInCannotProcessIsPermanentWithItsReason() {
        linkedin.videoProcessing(FakeLinkedIn.Processing.FAILS);
        PlatformError e = assertThrows(PlatformError.class, () -> uploadAndWait(Media.inMemory("clip.mp4", "video/mp4", bytes(100), null), 5));
        assertEquals(PlatformError.Kind.PERMANENT, e.kind());
        assertEquals("LinkedIn could not process the media: Media format is not supported", e.getMessage());
    }

    @Test
    void anImageStillProcessingStaysNotReadySoTheEngineKeepsPolling() {
        linkedin.imageProcessing(FakeLinkedIn.Processing.STAYS_PROCESSING);
        assertFalse(uploadAndWait(Media.inMemory("a.png", "image/png", bytes(10), null), 4).ready());
    }

    @Test
    void mixingAVideoWithImagesIsRefusedBeforeSending() {
        PlatformError e = assertThrows(PlatformError.class, () -> provider.publish(credentials, post("Mix",
                List.of(new MediaRef("urn:li:image:1", true, null), new MediaRef("urn:li:video:2", true, null)))));
        assertEquals(PlatformError.Kind.PERMANENT, e.kind());
        assertTrue(linkedin.received().isEmpty());
    }

    @Test
    void aRetiredVersionTellsTheAuthorToAskTheOperatorAndTellsTheOperatorWhatToSet() {
        linkedin.activeVersions("202612", "202612"); // LinkedIn has retired AIL's default by now
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(LinkedInAnswers.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged = new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        PlatformError e;
        try {
            e = assertThrows(PlatformError.class, () -> provider(null).publish(credentials, post("hi", List.of())));
        } finally {
            logger.detachAppender(logged);
        }
        assertEquals(PlatformError.Kind.PERMANENT, e.kind());
        assertEquals(426, e.httpStatus());
        assertEquals("LinkedIn no longer accepts the API version this AIL server uses (" + LinkedInVersion.DEFAULT + "). "
                + "This is for your AIL operator to fix (AIL_LINKEDIN_VERSION); ask them, then Retry", e.getMessage());
        assertEquals(List.of("LinkedIn refused API version " + LinkedInVersion.DEFAULT + " as retired (HTTP 426) while posting: "
                        + "set AIL_LINKEDIN_VERSION to a current version (YYYYMM; AIL's default is " + LinkedInVersion.DEFAULT
                        + ") or update AIL, restart, then authors can Retry"),
                logged.list.stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).toList());
    }

    @Test
    void theVersionIsStaleFromTenMonthsOnAndTheWarningSaysWhatToChange() {
        java.time.Clock april2027 = Clock.fixed(java.time.Instant.parse("2027-04-30T12:00:00Z"), java.time.ZoneOffset.UTC);
        assertEquals(9, LinkedInVersion.monthsOld("202607", april2027));
        assertTrue(LinkedInVersion.staleness(null, april2027).isEmpty());
        java.time.Clock may2027 = Clock.fixed(java.time.Instant.parse("2027-05-01T00:00:00Z"), java.time.ZoneOffset.UTC);
        assertEquals("AIL's default LinkedIn API version 202607 is 10 months old: update AIL or set AIL_LINKEDIN_VERSION; "
                + "LinkedIn retires each version about a year after its release and then refuses every post",
                LinkedInVersion.staleness(null, may2027).orElseThrow());
        assertTrue(LinkedInVersion.staleness("202501", may2027).orElseThrow().startsWith("AIL_LINKEDIN_VERSION 202501 is 28 months old: "
                + "set it to a newer version (AIL's default is 202607)"));
    }

    @Test
    void aRequestWithoutTheVersionHeaderIsRefusedByTheFakeAsByLinkedIn() {
        ApiResponse response = http.send(ApiRequest.post(linkedin.url() + "/rest/posts").json(java.util.Map.of("author", FakeLinkedIn.MEMBER_URN))
                .bearer(credentials.accessToken()).header("X-Restli-Protocol-Version", "2.0.0"));
        PlatformError e = new LinkedInAnswers("202603", Clock.systemUTC()).refusal(response, "posting");
        assertEquals(400, response.status());
        assertEquals(PlatformError.Kind.PERMANENT, e.kind());
        assertTrue(e.getMessage().startsWith("VERSION_MISSING: A version must be present"), e.getMessage());
    }

    @Test
    void aRequestWithoutTheRestliHeaderIsRefusedByTheFake() {
        ApiResponse response = http.send(ApiRequest.post(linkedin.url() + "/rest/posts").json(java.util.Map.of("author", FakeLinkedIn.MEMBER_URN))
                .bearer(credentials.accessToken()).header("LinkedIn-Version", "202603"));
        assertEquals(400, response.status());
    }

    @Test
    void aUsedUpDailyLimitWaitsUntilMidnightUtc() {
        linkedin.rateLimitNext("/rest/posts");
        PlatformError e = assertThrows(PlatformError.class, () -> provider.publish(credentials, post("hi", List.of())));
        assertEquals(PlatformError.Kind.RATE_LIMITED, e.kind());
        assertEquals(LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), e.retryAt());
        assertEquals("LinkedIn's daily limit for posting is used up until 00:00 UTC, when LinkedIn resets its daily limits", e.getMessage());
    }

    @Test
    void anExpiredTokenIsAuthExpired() {
        linkedin.expire(credentials.accessToken().reveal());
        PlatformError e = assertThrows(PlatformError.class, () -> provider.publish(credentials, post("hi", List.of())));
        assertEquals(PlatformError.Kind.AUTH_EXPIRED, e.kind());
        assertTrue(linkedin.posts().isEmpty());
    }

    @Test
    void aDuplicatePostIsRefusedInLinkedInsWords() {
        provider.publish(credentials, post("same", List.of()));
        PlatformError e = assertThrows(PlatformError.class, () -> provider.publish(credentials, post("same", List.of())));
        assertEquals(PlatformError.Kind.PERMANENT, e.kind());
        assertTrue(e.getMessage().startsWith("Content is a duplicate of urn:li:share:"), e.getMessage());
    }

    @Test
    void aMalformedAnswerToAnUploadIsPermanentNotACrash() {
        linkedin.malformNext("/rest/images");
        PlatformError e = assertThrows(PlatformError.class, () -> provider.uploadMedia(credentials, Media.inMemory("a.png", "image/png", bytes(10), null)));
        assertEquals(PlatformError.Kind.PERMANENT, e.kind());
        assertEquals("LinkedIn sent an answer AIL could not read (HTTP 200)", e.getMessage());
    }

    @Test
    void aPostAcceptedWithoutAnIdIsStillPublishedButWithoutALink() {
        linkedin.malformNext("/rest/posts");
        Published published = provider.publish(credentials, post("hi", List.of()));
        assertEquals(201, published.httpStatus());
        assertNull(published.url());
    }

    @Test
    void aSlowLinkedInIsTransient() {
        linkedin.slow(Duration.ofMillis(800));
        LinkedInProvider impatient = new LinkedInProvider(new DirectApiClient(Duration.ofMillis(200)), linkedin.url(), linkedin.url(), null, Clock.systemUTC());
        PlatformError e = assertThrows(PlatformError.class, () -> impatient.publish(credentials, post("hi", List.of())));
        assertEquals(PlatformError.Kind.TRANSIENT, e.kind());
    }
}
