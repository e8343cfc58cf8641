package com.ailsocialautomation.platform.tiktok;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeTikTok;
import com.ailsocialautomation.platform.DirectApiClient;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.PlatformError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Direct Post with FILE_UPLOAD against the strict fake: TikTok's chunk rules, Content-Range order and the status. */
class TikTokUploadTest {
    private static final long MB = 1024L * 1024;
    private static final TikTokPost FOLLOWERS = new TikTokPost(TikTokPrivacy.PUBLIC, false, true, false, false, false);

    private FakeTikTok tiktok;
    private Secret token;

    @BeforeEach
    void start() {
        tiktok = FakeTikTok.start();
        token = Secret.of(tiktok.issue("user.info.basic,video.publish").accessToken());
    }

    @AfterEach
    void stop() {
        tiktok.close();
    }

    private TikTokUpload upload(long chunk) {
        return new TikTokUpload(new DirectApiClient(Duration.ofSeconds(10)), tiktok.url(), new TikTokAnswers(Clock.systemUTC()), chunk);
    }

    private static Media video(int bytes) {
        byte[] content = new byte[bytes];
        new Random(bytes).nextBytes(content);
        return Media.inMemory("clip.mp4", "video/mp4", content, null);
    }

    private static CreatorInfo creator(boolean commentsDisabled) {
        return new CreatorInfo("ail.team", "AIL Team", null, List.of(TikTokPrivacy.PUBLIC, TikTokPrivacy.PRIVATE),
                commentsDisabled, false, true, Duration.ofMinutes(10));
    }

    @Test
    void aSmallVideoGoesWholeAndIsPublishedAfterProcessing() {
        Media clip = video(300_000);
        MediaRef ref = upload(ChunkPlan.CHUNK).post(token, clip, "Launch day #ail", FOLLOWERS, creator(true));
        assertFalse(ref.ready());

        FakeTikTok.Post post = tiktok.posts().get(0);
        assertArrayEquals(((Media.InMemory) clip).content(), post.video());
        assertEquals("Launch day #ail", post.title());
        assertEquals("PUBLIC_TO_EVERYONE", post.privacy());
        assertTrue(post.disableComment(), "the creator turned comments off in TikTok: that wins");
        assertTrue(post.disableDuet(), "the person turned duets off");
        assertTrue(post.disableStitch(), "the creator turned stitches off");
        assertEquals("bytes 0-299999/300000", tiktok.received("PUT", "/upload/").get(0).header("Content-Range"));

        TikTokUpload upload = upload(ChunkPlan.CHUNK);
        MediaRef processing = upload.status(token, ref);
        assertFalse(processing.ready(), "PROCESSING_UPLOAD first");
        MediaRef done = upload.status(token, processing);
        assertTrue(done.ready());
        assertEquals("7400000000000000001", done.payload());
    }

    @Test
    void aLargerVideoGoesInOrderedChunksTheLastTakingTheRest() {
        Media clip = video((int) (12 * MB + 123));
        upload(5 * MB).post(token, clip, "", FOLLOWERS, creator(false));

        List<String> ranges = tiktok.received("PUT", "/upload/").stream().map(r -> r.header("Content-Range")).toList();
        long size = 12 * MB + 123;
        assertEquals(List.of("bytes 0-" + (5 * MB - 1) + "/" + size, "bytes " + 5 * MB + "-" + (size - 1) + "/" + size), ranges);
        assertArrayEquals(((Media.InMemory) clip).content(), tiktok.posts().get(0).video());
        assertEquals(2, tiktok.received("POST", "/v2/post/publish/video/init/").get(0).json()
                .path("source_info").path("total_chunk_count").asInt());
    }

    @Test
    void chunkPlansKeepTikToksRules() {
        assertNull(broken(ChunkPlan.of(3 * MB, ChunkPlan.CHUNK)));
        assertNull(broken(ChunkPlan.of(64 * MB, ChunkPlan.CHUNK)));
        assertNull(broken(ChunkPlan.of(64 * MB + 1, ChunkPlan.CHUNK)));
        assertNull(broken(ChunkPlan.of(4000 * MB, ChunkPlan.CHUNK)));
        ChunkPlan big = ChunkPlan.of(200 * MB + 5, ChunkPlan.CHUNK);
        assertEquals(3, big.count());
        assertEquals(200 * MB + 5 - 128 * MB, big.length(2));
    }

    private static String broken(ChunkPlan plan) {
        return FakeTikTok.chunkRules(plan.videoSize(), plan.chunkSize(), plan.count());
    }

    @Test
    void aFailedProcessingNamesTikToksReason() {
        tiktok.processing(0, "frame_rate_check_failed");
        MediaRef ref = upload(ChunkPlan.CHUNK).post(token, video(100_000), "", FOLLOWERS, creator(false));
        PlatformError e = assertThrows(PlatformError.class, () -> upload(ChunkPlan.CHUNK).status(token, ref));
        assertEquals(PlatformError.Kind.PERMANENT, e.kind());
        assertTrue(e.getMessage().contains("frame rate") && e.getMessage().contains("frame_rate_check_failed"), e.getMessage());
    }

    @Test
    void aLostAnswerToTheStartIsSafeToRepeatButOneToTheLastChunkMayHavePosted() {
        TikTokUpload slowClient = new TikTokUpload(new DirectApiClient(Duration.ofMillis(500)), tiktok.url(),
                new TikTokAnswers(Clock.systemUTC()), ChunkPlan.CHUNK);
        tiktok.actThenStaySilent("/v2/post/publish/video/init/", Duration.ofSeconds(2));
        PlatformError start = assertThrows(PlatformError.class, () -> slowClient.post(token, video(1000), "", FOLLOWERS, creator(false)));
        assertEquals(PlatformError.Kind.TRANSIENT, start.kind());
        assertFalse(start.mayHaveArrived(), "nothing is posted before the last chunk");

        tiktok.actThenStaySilent("/upload/", Duration.ofSeconds(2));
        PlatformError last = assertThrows(PlatformError.class, () -> slowClient.post(token, video(1000), "", FOLLOWERS, creator(false)));
        assertTrue(last.mayHaveArrived(), "the last chunk posts");
        assertEquals(1, tiktok.posts().size());
    }

    @Test
    void theUnauditedAppsLimitIsExplainedNotHidden() {
        tiktok.audited(false);
        PlatformError e = assertThrows(PlatformError.class, () -> upload(ChunkPlan.CHUNK).post(token, video(1000), "", FOLLOWERS, creator(false)));
        assertEquals(PlatformError.Kind.PERMANENT, e.kind());
        assertTrue(e.getMessage().contains("has not audited this server's TikTok app") && e.getMessage().contains("privacy:private"), e.getMessage());
    }

    @Test
    void tikToksRateLimitWaitsAMinuteAndTheDailyCapSaysSo() {
        tiktok.rateLimitNext("/v2/post/publish/video/init/");
        PlatformError limited = assertThrows(PlatformError.class, () -> upload(ChunkPlan.CHUNK).post(token, video(1000), "", FOLLOWERS, creator(false)));
        assertEquals(PlatformError.Kind.RATE_LIMITED, limited.kind());
        assertTrue(limited.retryAt().isAfter(java.time.Instant.now().plusSeconds(50)));

        tiktok.refuseNext("/v2/post/publish/video/init/", 403, "spam_risk_too_many_posts");
        PlatformError cap = assertThrows(PlatformError.class, () -> upload(ChunkPlan.CHUNK).post(token, video(1000), "", FOLLOWERS, creator(false)));
        assertEquals(PlatformError.Kind.PERMANENT, cap.kind());
        assertTrue(cap.getMessage().contains("tomorrow"), cap.getMessage());
    }
}
