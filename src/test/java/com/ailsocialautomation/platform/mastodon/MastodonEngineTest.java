package com.ailsocialautomation.platform.mastodon;

import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.testing.QueuedMessages;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.engine.EngineRig;
import com.ailsocialautomation.fakes.FakeMastodon;
import com.ailsocialautomation.platform.GuardedApiClient;
import com.ailsocialautomation.store.AccountStatus;
import com.ailsocialautomation.store.AttemptOutcome;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Attempt;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.NewAccount;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.StoredTokens;
import com.ailsocialautomation.store.Target;
import com.ailsocialautomation.store.TargetState;
import com.ailsocialautomation.testing.PostgresExtension;
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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mastodon through the real publishing engine: media processing, the Idempotency-Key across retries, 401, 429, 5xx. */
class MastodonEngineTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 1, 2, 3, 4};

    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static EngineRig rig;
    static HttpServer files;
    static final java.util.concurrent.atomic.AtomicInteger flakyFailures = new java.util.concurrent.atomic.AtomicInteger();
    FakeMastodon mastodon;
    Account account;
    ChatUser owner;
    String token;

    @BeforeAll
    static void wire() throws IOException {
        rig = new EngineRig(pg.dataSource(), pg.vault());
        files = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        files.createContext("/cat.png", exchange -> {
            exchange.sendResponseHeaders(200, PNG.length);
            exchange.getResponseBody().write(PNG);
            exchange.close();
        });
        files.createContext("/flaky.png", exchange -> {
            if (flakyFailures.getAndDecrement() > 0) {
                exchange.sendResponseHeaders(503, -1); // the file host has a bad moment
            } else {
                exchange.sendResponseHeaders(200, PNG.length);
                exchange.getResponseBody().write(PNG);
            }
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
        mastodon = FakeMastodon.start();
        token = mastodon.issue("https://ail.example.com/oauth/mastodon/callback", "write:statuses write:media profile");
        UUID ws = rig.workspaces.ensure(FrontEnd.CONSOLE, "ws-" + UUID.randomUUID(), "Test");
        owner = rig.workspaces.ensureUser(ws, "u-" + UUID.randomUUID(), "Ana");
        account = rig.accounts.connect(ws, owner.id(), new NewAccount(PlatformId.MASTODON, "109300000000000001", "@ana@127.0.0.1", "Ana",
                null, mastodon.url(), "write:statuses write:media profile", 500), new StoredTokens(Secret.of(token), null, null, null));
        rig.startEngine(EngineRig.settings(5), http -> List.of(new MastodonProvider(new GuardedApiClient(http))));
    }

    @AfterEach
    void stop() {
        rig.stopEngines();
        mastodon.close();
    }

    private Post post(String text, List<String> media) {
        return rig.posts.create(account.workspaceId(), owner.id(), text, media, Instant.now(), null, List.of(account));
    }

    private Target settled(Post post) throws InterruptedException {
        assertTrue(eventually(Duration.ofSeconds(20), () -> {
            TargetState state = rig.reload(post).targets().get(0).state();
            return !state.equals(TargetState.SCHEDULED) && !state.equals(TargetState.PUBLISHING);
        }), "the target settles");
        return rig.reload(post).targets().get(0);
    }

    private List<Attempt> attempts(Target target) {
        return rig.attempts.forTarget(target.workspaceId(), target.id());
    }

    @Test
    void anImageStillProcessingIsPolledAndThenAttached() throws Exception {
        mastodon.processing(FakeMastodon.Processing.AFTER_POLLS);
        Target target = settled(post("A cat", List.of("http://127.0.0.1:" + files.getAddress().getPort() + "/cat.png")));
        assertEquals(TargetState.PUBLISHED, target.state(), target.error());
        String mediaId = mastodon.statuses().get(0).path("media_attachments").path(0).path("id").asText();
        assertEquals(2, mastodon.received("GET", "/api/v1/media/" + mediaId).size(), "206, then 200");
        assertTrue(new String(mastodon.received("POST", "/api/v2/media").get(0).body(), java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains("Content-Type: image/png"));
    }

    @Test
    void aThreadsImageGoesWithItsFirstPartAndTheRepliesCarryNone() throws Exception {
        Target target = settled(post("A cat\n---\nMore about the cat", List.of("http://127.0.0.1:" + files.getAddress().getPort() + "/cat.png")));
        assertEquals(TargetState.PUBLISHED, target.state(), target.error());
        List<com.fasterxml.jackson.databind.JsonNode> chain = mastodon.replyChain(target.externalId());
        assertEquals(2, chain.size());
        assertEquals(1, chain.get(0).path("media_attachments").size(), "the image is on the first part: " + chain.get(0));
        assertEquals(0, chain.get(1).path("media_attachments").size(), "and only there: " + chain.get(1));
        assertEquals(1, mastodon.received("POST", "/api/v2/media").size(), "uploaded once");
    }

    @Test
    void aMediaFileWhoseServerFailsForAMomentIsFetchedAgainWithTheEnginesBackoff() throws Exception {
        flakyFailures.set(2);
        Target target = settled(post("A cat, eventually", List.of("http://127.0.0.1:" + files.getAddress().getPort() + "/flaky.png")));
        assertEquals(TargetState.PUBLISHED, target.state(), target.error());
        assertEquals(List.of(AttemptOutcome.TRANSIENT, AttemptOutcome.TRANSIENT, AttemptOutcome.PUBLISHED), attempts(target).stream().map(Attempt::outcome).toList());
        assertEquals("The media could not be fetched: Could not reach 127.0.0.1: it answered HTTP 503.", attempts(target).get(0).message());
        assertEquals(1, mastodon.statuses().size());
    }

    @Test
    void aMediaServerThatCannotBeReachedIsRetriedNotFailedAtOnce() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Target target = settled(post("A cat nobody serves", List.of("http://127.0.0.1:" + closed + "/cat.png")));
        assertEquals(TargetState.FAILED, target.state());
        assertTrue(target.error().startsWith("Gave up after 5 attempts."), target.error());
        assertEquals(5, attempts(target).size(), "each attempt fetched again");
        assertEquals(0, mastodon.statuses().size());
    }

    @Test
    void mediaThatFailsProcessingFailsThePostWithMastodonsReason() throws Exception {
        mastodon.processing(FakeMastodon.Processing.FAILS);
        Target target = settled(post("A cat", List.of("http://127.0.0.1:" + files.getAddress().getPort() + "/cat.png")));
        assertEquals(TargetState.FAILED, target.state());
        assertEquals("Mastodon did not take cat.png: The Mastodon server could not process the media: Error processing thumbnail for uploaded media",
                target.error());
        assertEquals(0, mastodon.statuses().size());
    }

    @Test
    void anAttemptThatTimedOutButWentThroughIsRetriedWithTheSameKeyAndPostsOnce() throws Exception {
        mastodon.slowNext("/api/v1/statuses", Duration.ofSeconds(4)); // longer than the engine's 3 s request timeout
        Target target = settled(post("Exactly once", List.of()));
        assertEquals(TargetState.PUBLISHED, target.state(), target.error());
        List<FakeMastodon.Received> sent = mastodon.received("POST", "/api/v1/statuses");
        assertTrue(sent.size() >= 2, "retried after the timeout");
        sent.forEach(r -> assertEquals(target.idempotencyKey().toString(), r.header("Idempotency-Key")));
        assertEquals(1, mastodon.statuses().size(), "the instance kept one status for the key");
        assertEquals(mastodon.statuses().get(0).path("id").asText(), target.externalId());
        assertEquals(AttemptOutcome.TRANSIENT, attempts(target).get(0).outcome());
    }

    @Test
    void aRateLimitWaitsForTheResetAndA503IsRetried() throws Exception {
        Instant reset = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        mastodon.rateLimitNext("/api/v1/statuses", reset);
        Target limited = settled(post("After the limit", List.of()));
        assertEquals(TargetState.PUBLISHED, limited.state(), limited.error());
        List<Attempt> tries = attempts(limited);
        assertEquals(AttemptOutcome.RATE_LIMITED, tries.get(0).outcome());
        assertEquals(429, tries.get(0).httpStatus());
        assertTrue(!tries.get(1).startedAt().isBefore(reset.minusMillis(50)), "waited until " + reset + ": " + tries);

        mastodon.failNext("/api/v1/statuses", 503);
        Target down = settled(post("After the outage", List.of()));
        assertEquals(TargetState.PUBLISHED, down.state(), down.error());
        assertEquals(503, attempts(down).get(0).httpStatus());
        assertEquals(2, mastodon.statuses().size());
    }

    @Test
    void aRevokedTokenMarksTheAccountNeedsReconnectAndTellsItsOwnerOnce() throws Exception {
        mastodon.expire(token);
        Target first = settled(post("One", List.of()));
        Target second = settled(post("Two", List.of()));
        assertEquals(TargetState.FAILED, first.state());
        assertTrue(first.error().startsWith("The account's access was refused (Mastodon no longer accepts the access token"), first.error());
        assertEquals(TargetState.FAILED, second.state());
        assertEquals(AccountStatus.NEEDS_RECONNECT, rig.accounts.find(account.workspaceId(), account.id()).orElseThrow().status());
        List<String> reminders = QueuedMessages.where(rig.sql, pg.vault(), "user_id = ? and event_key like 'reconnect:%'", owner.id());
        assertEquals(1, reminders.size());
        assertTrue(reminders.get(0).contains("needs to be reconnected"), reminders.get(0));
    }

    @Test
    void theDownloadedBytesAreWhatReachesTheInstance() throws Exception {
        Target target = settled(post("Bytes", List.of("http://127.0.0.1:" + files.getAddress().getPort() + "/cat.png")));
        assertEquals(TargetState.PUBLISHED, target.state(), target.error());
        byte[] body = mastodon.received("POST", "/api/v2/media").get(0).body();
        String text = new String(body, java.nio.charset.StandardCharsets.ISO_8859_1);
        int start = text.indexOf("\r\n\r\n") + 4;
        byte[] sent = java.util.Arrays.copyOfRange(body, start, start + PNG.length);
        assertArrayEquals(PNG, sent);
    }

    @Test
    void anAccountsMediaUploadsKeepMastodonsOwnLimitAndPostsBeyondItWaitTheirTurnSayingSo() throws Exception {
        // Mastodon takes 30 uploads per account in 30 minutes: AIL sends 15 at once, then one about every two minutes
        String png = "http://127.0.0.1:" + files.getAddress().getPort() + "/cat.png?";
        List<Post> posts = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posts.add(post("four cats, " + i, List.of(png + i + "a", png + i + "b", png + i + "c", png + i + "d")));
        }
        String why = "waiting for its turn: Mastodon takes at most 30 media uploads in 30 minutes from one account";
        assertTrue(eventually(Duration.ofSeconds(30), () -> posts.stream().map(p -> rig.reload(p).targets().get(0))
                .filter(t -> t.state() == TargetState.PUBLISHED).count() == 3
                && posts.stream().map(p -> rig.reload(p).targets().get(0))
                .filter(t -> t.state() == TargetState.SCHEDULED && why.equals(t.error())).count() == 2),
                () -> "three posts' twelve uploads go at once, the other two wait: " + posts.stream()
                        .map(p -> rig.reload(p).targets().get(0)).map(t -> t.state() + " " + t.error()).toList());
        Thread.sleep(1000);
        assertEquals(12, mastodon.received("POST", "/api/v2/media").size(), "no upload beyond the allowance was sent");
        assertEquals(3, mastodon.statuses().size());
        for (Post p : posts) {
            Target t = rig.reload(p).targets().get(0);
            if (t.state() == TargetState.SCHEDULED) {
                assertTrue(t.dueAt().isAfter(Instant.now().plusSeconds(60)), "its turn is minutes away: " + t.dueAt());
                assertEquals(0, t.attempts(), "waiting for its turn is not an attempt");
                assertEquals(1, rig.posts.cancel(account.workspaceId(), p.id()));
            }
        }
    }

    @Test
    void mastodonRefusesAnAccountsThirtyFirstUploadInHalfAnHourUntilItsWindowResets() {
        MastodonProvider provider = new MastodonProvider(new GuardedApiClient(rig.http));
        com.ailsocialautomation.platform.Credentials creds = new com.ailsocialautomation.platform.Credentials(
                Secret.of(token), null, null, mastodon.url(), "109300000000000001", "@ana@127.0.0.1", null);
        for (int i = 0; i < 30; i++) {
            provider.uploadMedia(creds, com.ailsocialautomation.platform.Media.inMemory("cat" + i + ".png", "image/png", PNG, null));
        }
        com.ailsocialautomation.platform.PlatformError e = org.junit.jupiter.api.Assertions.assertThrows(
                com.ailsocialautomation.platform.PlatformError.class,
                () -> provider.uploadMedia(creds, com.ailsocialautomation.platform.Media.inMemory("cat30.png", "image/png", PNG, null)));
        assertEquals(429, e.httpStatus());
        assertTrue(e.retryAt() != null && e.retryAt().isAfter(Instant.now().plus(Duration.ofMinutes(29))),
                "not before the window resets: " + e.retryAt());
    }
}
