package com.ailsocialautomation.engine;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeX;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.platform.DirectApiClient;
import com.ailsocialautomation.platform.x.XProvider;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Attempt;
import com.ailsocialautomation.store.AttemptOutcome;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.NewAccount;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.StoredTokens;
import com.ailsocialautomation.store.Target;
import com.ailsocialautomation.store.TargetState;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.QueuedMessages;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Media the platform processes, through the real engine and database against the strict X fake: waiting is scheduled
 * work (the target goes back to the scheduler between checks, and no check is an attempt), what X already holds is
 * never uploaded again, and an item X cannot take ends in one message naming the file, X and X's reason.
 */
class MediaProcessingTest {
    private static final byte[] VIDEO = video();

    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static EngineRig rig;
    static HttpServer files;
    FakeX x;
    Account account;
    ChatUser owner;

    private static byte[] video() {
        byte[] bytes = new byte[2_500_000];
        new Random(11).nextBytes(bytes);
        byte[] ftyp = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p', '4', '1'};
        System.arraycopy(ftyp, 0, bytes, 0, ftyp.length);
        return bytes;
    }

    @BeforeAll
    static void wire() throws IOException {
        rig = new EngineRig(pg.dataSource(), pg.vault());
        files = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        files.createContext("/clip.mp4", exchange -> {
            exchange.sendResponseHeaders(200, VIDEO.length);
            exchange.getResponseBody().write(VIDEO);
            exchange.close();
        });
        files.start();
    }

    @AfterAll
    static void unwire() {
        rig.close();
        files.stop(0);
    }

    @BeforeEach
    void connect() {
        x = FakeX.start();
        FakeX.Issued issued = x.issue();
        UUID ws = rig.workspaces.ensure(FrontEnd.CONSOLE, "ws-" + UUID.randomUUID(), "Test");
        owner = rig.workspaces.ensureUser(ws, "u-" + UUID.randomUUID(), "Ana");
        account = rig.accounts.connect(ws, owner.id(), new NewAccount(PlatformId.X, FakeX.USER_ID, FakeX.USERNAME, "AIL Team",
                null, null, FakeX.ALL_SCOPES, null), new StoredTokens(Secret.of(issued.accessToken()), null, null, null));
        rig.startEngine(EngineRig.settings(5), http -> List.of(new XProvider(new DirectApiClient(Duration.ofSeconds(3)),
                x.url(), x.url(), Clock.systemUTC())));
    }

    @AfterEach
    void stop() {
        rig.stopEngines();
        x.close();
    }

    private Post post(String text) {
        return rig.posts.create(account.workspaceId(), owner.id(), text,
                List.of("http://127.0.0.1:" + files.getAddress().getPort() + "/clip.mp4"), Instant.now(), null, List.of(account));
    }

    private Target target(Post post) {
        return rig.reload(post).targets().get(0);
    }

    private Target settled(Post post) throws InterruptedException {
        assertTrue(eventually(Duration.ofSeconds(30), () -> {
            TargetState state = target(post).state();
            return state != TargetState.SCHEDULED && state != TargetState.PUBLISHING;
        }), () -> "the target settles, not " + target(post));
        return target(post);
    }

    private List<Attempt> attempts(Target target) {
        return rig.attempts.forTarget(target.workspaceId(), target.id());
    }

    private List<String> failures() {
        return QueuedMessages.where(rig.sql, pg.vault(), "user_id = ? and event_key like 'failed:%'", owner.id());
    }

    @Test
    void whileXProcessesTheVideoTheTargetWaitsAsScheduledWorkAndIsUploadedOnce() throws Exception {
        x.videoProcessing(FakeX.Processing.STAYS_PENDING);
        x.checkAfterSecs(1);
        Post post = post("Our launch video");

        // between X's checks no engine thread holds the target: it is back in the scheduler's hands
        java.util.concurrent.atomic.AtomicReference<Target> seen = new java.util.concurrent.atomic.AtomicReference<>();
        assertTrue(eventually(Duration.ofSeconds(20), () -> {
            seen.set(target(post));
            return x.statusChecks() >= 2 && seen.get().state() == TargetState.SCHEDULED;
        }), () -> "waiting as scheduled work after X's second check, not " + seen.get() + " after " + x.statusChecks() + " checks");
        Target waiting = seen.get();
        assertTrue(waiting.dueAt().isAfter(Instant.now().minusSeconds(2)), "due again after X's check_after_secs");
        assertEquals(0, waiting.attempts(), "a processing check is not an attempt");
        assertTrue(attempts(waiting).isEmpty());

        x.finishProcessing();
        Target done = settled(post);

        assertEquals(TargetState.PUBLISHED, done.state(), done.error());
        assertEquals(1, x.received("POST", "/2/media/upload/initialize").size(), "the video went up once");
        assertTrue(eventually(Duration.ofSeconds(5), () -> !attempts(done).isEmpty()));
        String mediaId = x.posts().get(0).path("media").path("media_ids").get(0).asText();
        assertArrayEquals(VIDEO, x.uploadedBytes(mediaId));
        assertEquals(List.of(AttemptOutcome.PUBLISHED), attempts(done).stream().map(Attempt::outcome).toList());
        assertEquals(0, (long) rig.sql.one("select count(*) from media_uploads where target_id = ?", rs -> rs.getLong(1), done.id())
                .orElseThrow(), "what X held is forgotten once the post is out");
    }

    /**
     * As an engine leaves a post whose video X holds when it dies while it asks X about the video ({@code sent}: or
     * with its post request out): publishing, its execution picked; X then finishes the video and a survivor revives it.
     */
    private Target revivedWhileXHeldTheVideo(String text, boolean sent) throws Exception {
        x.videoProcessing(FakeX.Processing.STAYS_PENDING);
        Post post = post(text);
        assertTrue(eventually(Duration.ofSeconds(20), () -> x.statusChecks() >= 1 && target(post).state() == TargetState.SCHEDULED));
        rig.stopEngines();
        Target t = target(post);
        rig.sql.update("update post_targets set state = 'publishing', started_at = now(), sent_at = " + (sent ? "now()" : "null")
                + ", attempts = 1 where id = ?", t.id());
        rig.pickedByADeadEngine(t);
        x.finishProcessing();
        rig.startEngine(EngineRig.settings(5), http -> List.of(new XProvider(new DirectApiClient(Duration.ofSeconds(3)),
                x.url(), x.url(), Clock.systemUTC())));
        return settled(post);
    }

    @Test
    void anEngineThatDiedBeforeThePostLeftIsRevivedAsAnotherAttemptThatReusesWhatXHolds() throws Exception {
        Target done = revivedWhileXHeldTheVideo("Revived", false);
        assertEquals(TargetState.PUBLISHED, done.state(), done.error());
        assertEquals(1, x.posts().size());
        assertEquals(1, x.received("POST", "/2/media/upload/initialize").size(), "the video X held was not uploaded again");
    }

    /**
     * The same, but the engine died with its post request out: that X still holds the video does not make a retry
     * safe (X has no idempotency, and only platforms that post on upload are asked again), so it is unknown.
     */
    @Test
    void anEngineThatDiedWithThePostRequestOutIsUnknownEvenThoughXHoldsTheVideoAndNothingIsPostedAgain() throws Exception {
        Target done = revivedWhileXHeldTheVideo("Maybe out", true);
        assertEquals(TargetState.UNKNOWN, done.state(), done.error());
        Thread.sleep(500);
        assertEquals(0, x.received("POST", "/2/tweets").size(), "nothing sent blindly");
    }

    /** X took the video and then the post, but its answer was lost: unknown, and a Retry starts afresh. */
    @Test
    void aPostWhoseAnswerWasLostAfterTheUploadIsUnknownAndWhatXHeldIsForgotten() throws Exception {
        x.videoProcessing(FakeX.Processing.NONE);
        x.actThenStaySilent("/2/tweets", Duration.ofSeconds(5));
        Post post = post("Did it go out?");
        assertTrue(eventually(Duration.ofSeconds(30), () -> x.received("POST", "/2/tweets").size() == 1), "the post request left");
        Target out = target(post);
        assertEquals(TargetState.PUBLISHING, out.state());
        assertTrue(out.sentAt() != null, "marked sent before the post request left, so a revival would not send it again");
        Target done = settled(post);

        assertEquals(TargetState.UNKNOWN, done.state(), done.error());
        assertEquals(1, x.received("POST", "/2/tweets").size(), "not sent again");
        assertEquals(0, (long) rig.sql.one("select count(*) from media_uploads where target_id = ?", rs -> rs.getLong(1), done.id())
                .orElseThrow(), "Retry uploads afresh");
    }

    @Test
    void aRateLimitAfterTheUploadRetriesThePostWithoutUploadingTheVideoAgain() throws Exception {
        x.videoProcessing(FakeX.Processing.NONE);
        x.rateLimitNext("/2/tweets", Instant.now().plusSeconds(1));
        Target done = settled(post("After the limit"));

        assertEquals(TargetState.PUBLISHED, done.state(), done.error());
        // an attempt's row is written just after the target's state
        assertTrue(eventually(Duration.ofSeconds(5), () -> attempts(done).size() == 2), () -> attempts(done).toString());
        assertEquals(List.of(AttemptOutcome.RATE_LIMITED, AttemptOutcome.PUBLISHED), attempts(done).stream().map(Attempt::outcome).toList());
        assertEquals(1, x.received("POST", "/2/media/upload/initialize").size(), "X already had the video");
        assertEquals(2, x.received("POST", "/2/tweets").size());
    }

    @Test
    void aVideoXCannotProcessEndsInOneMessageNamingTheFileXAndItsReasonWithRetryAndCancel() throws Exception {
        x.videoProcessing(FakeX.Processing.FAILS);
        Target failed = settled(post("Broken video"));

        assertEquals(TargetState.FAILED, failed.state());
        assertEquals("X did not take clip.mp4: X could not process the media: Unsupported video format", failed.error());
        // the message is queued just after the state is written
        assertTrue(eventually(Duration.ofSeconds(5), () -> !failures().isEmpty()), "the author is told");
        Thread.sleep(500); // time enough for a second message to show
        List<String> messages = failures();
        assertEquals(1, messages.size(), "one message: " + messages);
        String dm = messages.get(0);
        assertTrue(dm.contains("clip.mp4") && dm.contains("Unsupported video format") && dm.contains("on x"), dm);
        assertTrue(dm.contains("retry:") && dm.contains("cancel:"), dm);
        assertEquals(0, x.posts().size());
        assertEquals(0, (long) rig.sql.one("select count(*) from media_uploads where target_id = ?", rs -> rs.getLong(1), failed.id())
                .orElseThrow(), "Retry uploads afresh");
    }
}
