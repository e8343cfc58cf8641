package com.ailsocialautomation.platform.youtube;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeYouTube;
import com.ailsocialautomation.message.PostOptions;
import com.ailsocialautomation.message.Privacy;
import com.ailsocialautomation.net.MediaType;
import com.ailsocialautomation.platform.ClientApp;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.DirectApiClient;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaFacts;
import com.ailsocialautomation.platform.MediaItem;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.PlatformApp;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PublishRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The resumable upload against the strict fake: chunks in whole 256 KiB multiples with their ranges, a chunk whose
 * connection drops mid-way resumed from the byte YouTube names (not from the start), an upload that cannot go on
 * now left holding its session for a later run, the project's quota and Google's refusals in their own words.
 */
class YouTubeUploadTest {
    private static final int Q = FakeYouTube.QUANTUM;
    private FakeYouTube youtube;
    private YouTubeProvider provider;
    private Credentials credentials;

    @BeforeEach
    void start() {
        youtube = FakeYouTube.start();
        provider = new YouTubeProvider(new DirectApiClient(Duration.ofSeconds(5)), new PlatformApp(FakeYouTube.CLIENT_ID,
                Secret.of(FakeYouTube.CLIENT_SECRET), youtube.url(), youtube.url(), null), Clock.systemUTC(), 2 * Q);
        List<String> issued = youtube.issue();
        credentials = new Credentials(Secret.of(issued.get(0)), Secret.of(issued.get(1)), null, null, FakeYouTube.CHANNEL_ID,
                FakeYouTube.HANDLE, new ClientApp(FakeYouTube.CLIENT_ID, Secret.of(FakeYouTube.CLIENT_SECRET)));
    }

    @AfterEach
    void stop() {
        youtube.close();
    }

    private static Media video(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Media.inMemory("launch.mp4", "video/mp4", bytes, null);
    }

    /** What the engine does: open the session (kept as a not-ready item), then send the bytes on its next run. */
    private MediaRef upload(Media clip, String text) {
        MediaRef session = provider.uploadMedia(credentials, clip, post(text));
        assertFalse(session.ready(), "the session is kept before any byte is sent");
        assertEquals(YouTubeProvider.SESSION, session.id());
        assertTrue(session.payload().startsWith(youtube.url() + "/upload/youtube/v3/videos?uploadType=resumable&upload_id="));
        assertTrue(youtube.chunkRanges().isEmpty());
        return provider.mediaStatus(credentials, session, clip);
    }

    private static PublishRequest post(String text) {
        return new PublishRequest("p1", text, List.of(), List.of(), UUID.randomUUID(), Instant.now());
    }

    @Test
    void theVideoGoesUpInWholeChunksWithItsTitleDescriptionAndPrivateByDefault() {
        Media clip = video(5 * Q + 1000);
        MediaRef ref = upload(clip, "Launch day\nEverything we shipped this week.");

        assertTrue(ref.ready());
        assertEquals(List.of("0-524287/1311720", "524288-1048575/1311720", "1048576-1311719/1311720"), youtube.chunkRanges());
        FakeYouTube.Video video = youtube.videos().get(0);
        assertEquals(ref.id(), video.id());
        assertEquals("Launch day", video.title(), "the text's first line");
        assertEquals("Launch day\nEverything we shipped this week.", video.description());
        assertEquals("private", video.privacy());
        assertArrayEquals(clip.bytes(), youtube.bytesOf(video.id()));
        assertEquals(1, youtube.insertsToday());
        assertEquals("https://www.youtube.com/watch?v=" + video.id(), provider.publish(credentials, new PublishRequest("p1",
                "x", List.of(ref), List.of(MediaItem.of(clip, null)), UUID.randomUUID(), Instant.now())).url());
    }

    @Test
    void aChunkWhoseConnectionDropsIsResumedFromTheByteYouTubeHoldsNotFromTheStart() {
        Media clip = video(5 * Q + 1000);
        youtube.dropChunk(2); // YouTube keeps the first 256 KiB of bytes 524288-1048575, then the connection drops

        MediaRef ref = upload(clip, "Resumed");

        assertTrue(ref.ready());
        assertEquals(List.of("0-524287/1311720", "524288-1048575/1311720", "786432-1310719/1311720",
                "1310720-1311719/1311720"), youtube.chunkRanges(), "the second chunk again from 786432, not from 0");
        assertEquals(2, youtube.sessionQuestions(), "bytes */total before the first chunk and after the lost one");
        assertEquals(1, youtube.insertsToday(), "one session, one videos.insert");
        assertArrayEquals(clip.bytes(), youtube.bytesOf(ref.id()));
    }

    @Test
    void anUploadThatCannotGoOnNowKeepsItsSessionAndALaterRunFinishesItFromWhereYouTubeIs() {
        Media clip = video(5 * Q + 1000);
        MediaRef session = provider.uploadMedia(credentials, clip, post("Later"));
        youtube.dropChunk(2);
        youtube.failQuestionsAfterDrop(1);

        PlatformError e = assertThrows(PlatformError.class, () -> provider.mediaStatus(credentials, session, clip));
        assertEquals(PlatformError.Kind.TRANSIENT, e.kind(), "the engine tries again later, with the session it keeps");
        assertTrue(youtube.videos().isEmpty());

        MediaRef done = provider.mediaStatus(credentials, session, clip);

        assertTrue(done.ready());
        assertEquals(youtube.videos().get(0).id(), done.id());
        assertEquals(1, youtube.insertsToday(), "the same session went on");
        assertEquals("786432-1310719/1311720", youtube.chunkRanges().get(2));
        assertArrayEquals(clip.bytes(), youtube.bytesOf(done.id()));
    }

    @Test
    void aLostAnswerToTheLastChunkFindsTheVideoInsteadOfUploadingItAgain() {
        Media clip = video(Q + 10);
        youtube.dropChunk(2); // the last chunk (10 bytes) is kept whole, and its answer is lost
        MediaRef ref = upload(clip, "Once");
        assertTrue(ref.ready());
        assertEquals(1, youtube.videos().size(), "the session answered with the video it made");
        assertEquals(youtube.videos().get(0).id(), ref.id());
    }

    @Test
    void aRateLimitedChunkLeavesTheSessionForWhenYouTubeSays() {
        youtube.rateLimitNextChunk(120);
        MediaRef held = upload(video(3 * Q), "Slow down");
        assertFalse(held.ready());
        assertEquals(YouTubeProvider.SESSION, held.id());
        assertTrue(held.checkAfter().compareTo(Duration.ofSeconds(100)) > 0, "about Retry-After: " + held.checkAfter());
    }

    @Test
    void theProjectsQuotaUsedUpHoldsTheUploadUntilMidnightPacificTime() {
        youtube.dailyInserts(0);
        PlatformError e = assertThrows(PlatformError.class, () -> provider.uploadMedia(credentials, video(Q), post("Too many")));
        assertTrue(e.isAllowanceUsedUp());
        ZonedDateTime reset = e.retryAt().atZone(ZoneId.of("America/Los_Angeles"));
        assertEquals(0, reset.getHour());
        assertEquals(0, reset.getMinute());
        assertTrue(e.retryAt().isAfter(Instant.now()) && e.retryAt().isBefore(Instant.now().plus(Duration.ofHours(25))));
        assertTrue(e.getMessage().startsWith("YouTube's daily quota for this server's Google project is used up"), e.getMessage());
    }

    @Test
    void googlesRefusalsComeInTheirOwnKinds() {
        Credentials stale = new Credentials(Secret.of("ya29.not-issued"), null, null, null, null, null, credentials.app());
        assertEquals(PlatformError.Kind.AUTH_EXPIRED, assertThrows(PlatformError.class,
                () -> provider.uploadMedia(stale, video(Q), post("x"))).kind());

        youtube.revokeGrant(credentials.refreshToken().reveal());
        PlatformError revoked = assertThrows(PlatformError.class, () -> provider.refresh(credentials));
        assertEquals(PlatformError.Kind.AUTH_EXPIRED, revoked.kind());
        assertEquals("Google refused the refresh token (Token has been expired or revoked.); reconnect the channel", revoked.getMessage());

        PlatformError image = assertThrows(PlatformError.class, () -> provider.uploadMedia(credentials,
                Media.inMemory("cat.png", "image/png", new byte[10], null), post("x")));
        assertEquals("YouTube takes videos only", image.getMessage());
    }

    @Test
    void aFirstLineLongerThanYouTubesTitleLimitIsCutToIt() {
        MediaRef ref = upload(video(Q), "a".repeat(120));
        String title = youtube.videos().get(0).title();
        assertEquals(100, title.codePointCount(0, title.length()));
        assertTrue(title.endsWith("…"), title);
        assertTrue(ref.ready());
    }

    @Test
    void aVerticalVideoOfThreeMinutesOrLessIsLinkedAsAShort() {
        MediaFacts vertical = new MediaFacts(MediaType.MP4, Q, 1080, 1920, Duration.ofSeconds(170));
        MediaFacts wide = new MediaFacts(MediaType.MP4, Q, 1920, 1080, Duration.ofSeconds(170));
        MediaFacts long_ = new MediaFacts(MediaType.MP4, Q, 1080, 1920, Duration.ofSeconds(181));
        assertTrue(VideoDetails.isShort(vertical));
        assertFalse(VideoDetails.isShort(wide));
        assertFalse(VideoDetails.isShort(long_));
        MediaRef ref = new MediaRef("abcdefghijk", true, null);
        assertEquals("https://www.youtube.com/shorts/abcdefghijk", provider.publish(credentials, new PublishRequest("p1", "x",
                List.of(ref), List.of(new MediaItem("s.mp4", vertical, null, null)), UUID.randomUUID(), Instant.now())).url());
    }

    @Test
    void aDescriptionIsCountedInBytesAsYouTubeCountsItAndAnglesAreRefusedBeforeAnythingIsSent() {
        com.ailsocialautomation.platform.PostRule rule = com.ailsocialautomation.platform.Platform.YOUTUBE.rule();
        String accented = "é".repeat(2600); // 2,600 characters, 5,200 bytes
        List<String> problems = rule.problems(new com.ailsocialautomation.platform.TextLengths(accented), List.of(), "YouTube (@ailteam)", 5000);
        assertTrue(problems.get(0).contains("5200/5000 bytes"), problems.toString());
        assertTrue(rule.problems(new com.ailsocialautomation.platform.TextLengths("a <b> tag"), List.of(), "YouTube (@ailteam)", 5000)
                .get(0).contains("<"));
    }

    @Test
    void thePostsTitleTagsAndPrivacyOptionsGoWithTheVideo() {
        PublishRequest post = new PublishRequest("p1", "What we shipped", List.of(), List.of(), UUID.randomUUID(), Instant.now(),
                new PostOptions("Spring release", Privacy.UNLISTED, List.of("launch", "spring sale"), List.of(), List.of()));
        Media clip = video(Q);
        provider.mediaStatus(credentials, provider.uploadMedia(credentials, clip, post), clip);
        FakeYouTube.Video video = youtube.videos().get(0);
        assertEquals("Spring release", video.title());
        assertEquals("What we shipped", video.description());
        assertEquals(List.of("launch", "spring sale"), video.tags());
        assertEquals("unlisted", video.privacy());
    }

    @Test
    void aChunkGoogleFailsWith503IsFollowedByOneQuestionAndTheUploadGoesOn() {
        Media clip = video(3 * Q);
        MediaRef session = provider.uploadMedia(credentials, clip, post("Backend error"));
        youtube.failNextChunk();
        MediaRef done = provider.mediaStatus(credentials, session, clip);
        assertTrue(done.ready());
        assertEquals(List.of("0-524287/786432", "0-524287/786432", "524288-786431/786432"), youtube.chunkRanges(),
                "Google kept nothing of the failed chunk, so it goes again from where Google is");
        assertEquals(2, youtube.sessionQuestions());
        assertArrayEquals(clip.bytes(), youtube.bytesOf(done.id()));
    }
}
