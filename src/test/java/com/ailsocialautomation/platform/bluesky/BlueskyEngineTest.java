package com.ailsocialautomation.platform.bluesky;

import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.engine.EngineRig;
import com.ailsocialautomation.fakes.FakeBluesky;
import com.ailsocialautomation.platform.GuardedApiClient;
import com.ailsocialautomation.platform.TokenSet;
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

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bluesky through the real engine over a real database; only the PDS is a fake. */
class BlueskyEngineTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static EngineRig rig;

    FakeBluesky pds;
    UUID workspace;
    ChatUser user;
    Account account;

    @BeforeAll
    static void wire() {
        rig = new EngineRig(pg.dataSource(), pg.vault());
    }

    @AfterAll
    static void unwire() {
        rig.close();
    }

    @BeforeEach
    void connect() {
        pds = FakeBluesky.start().knows("bob.example.org", "did:plc:bob7777777777777777777");
    }

    @AfterEach
    void stop() {
        rig.stopEngines();
        pds.close();
    }

    /** Signs in as the connect flow does and stores the session, in a workspace of its own. */
    private void connectAccount() {
        BlueskyProvider provider = new BlueskyProvider(new GuardedApiClient(rig.http), pds.url(), Clock.systemUTC());
        TokenSet tokens = provider.logIn(pds.url(), FakeBluesky.HANDLE, Secret.of(FakeBluesky.APP_PASSWORD)).tokens();
        workspace = rig.workspaces.ensure(FrontEnd.SLACK, "T-" + UUID.randomUUID(), "Test");
        user = rig.workspaces.ensureUser(workspace, "U-" + UUID.randomUUID(), "Ana");
        account = rig.accounts.connect(workspace, user.id(), new NewAccount(PlatformId.BLUESKY, FakeBluesky.DID, FakeBluesky.HANDLE,
                FakeBluesky.DISPLAY_NAME, null, pds.url(), null, null),
                new StoredTokens(tokens.accessToken(), tokens.refreshToken(), tokens.expiresAt(), tokens.refreshExpiresAt()));
    }

    private void startEngine(int maxAttempts) {
        rig.startEngine(EngineRig.settings(maxAttempts),
                http -> List.of(new BlueskyProvider(new GuardedApiClient(http), pds.url(), Clock.systemUTC())));
    }

    private Post post(String text, List<String> media) {
        return rig.posts.create(workspace, user.id(), text, media, Instant.now(), null, List.of(account));
    }

    private Target target(Post post) {
        return rig.reload(post).targets().get(0);
    }

    private boolean published(Post post) throws InterruptedException {
        return eventually(Duration.ofSeconds(20), () -> TargetState.PUBLISHED.equals(target(post).state()));
    }

    @Test
    void aPostGoesOutWithItsFacetsAndTheTargetKeepsTheLinkToIt() throws Exception {
        connectAccount();
        Post post = post("Spring is here 🌷 @bob.example.org https://example.com/spring #Frühling", List.of());
        startEngine(3);

        assertTrue(published(post), () -> "published, not " + target(post));
        Target done = target(post);
        String rkey = done.externalId().substring(done.externalId().lastIndexOf('/') + 1);
        assertEquals("https://bsky.app/profile/ana.bsky.social/post/" + rkey, done.url());
        assertEquals(3, pds.posts().get(0).path("facets").size());
        assertEquals(1, pds.sessionsCreated(), "the connect flow's sign-in only");
    }

    @Test
    void manyPostsUseTheStoredSessionAndNeverSignInAgain() throws Exception {
        connectAccount();
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            posts.add(post("post number " + i, List.of()));
        }
        startEngine(3);
        startEngine(3);

        assertTrue(eventually(Duration.ofSeconds(30), () -> posts.stream().allMatch(p -> TargetState.PUBLISHED.equals(target(p).state()))));
        assertEquals(12, pds.posts().size());
        assertEquals(1, pds.sessionsCreated());
        assertTrue(pds.received("com.atproto.server.refreshSession").isEmpty(), "a two-hour token needs no refresh");
    }

    @Test
    void shortLivedTokensAreRefreshedOneAtATimeAcrossTwoEnginesSoNoRefreshTokenIsUsedTwice() throws Exception {
        pds.accessLifetime(Duration.ofMinutes(3)); // always inside the engine's 5-minute refresh-ahead window
        connectAccount();
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            posts.add(post("rotating " + i, List.of()));
        }
        startEngine(3);
        startEngine(3);

        assertTrue(eventually(Duration.ofSeconds(30), () -> posts.stream().allMatch(p -> TargetState.PUBLISHED.equals(target(p).state()))),
                () -> posts.stream().map(p -> target(p).state() + " " + target(p).error()).toList().toString());
        assertEquals(1, pds.sessionsCreated());
        List<String> used = pds.received("com.atproto.server.refreshSession").stream().map(r -> r.header("Authorization")).toList();
        assertFalse(used.isEmpty());
        assertEquals(used.size(), new java.util.HashSet<>(used).size(), "each refresh token was used once: " + used.size() + " refreshes");
        assertTrue(rig.accounts.find(workspace, account.id()).orElseThrow().active(), "no reused refresh token was refused");
    }

    @Test
    void anAccessTokenThatExpiredEarlyIsRefreshedOnceAndThePostSucceeds() throws Exception {
        connectAccount();
        StoredTokens before = rig.accounts.tokens(workspace, account.id());
        pds.expireAccessTokens(); // the stored expiry still says two hours: only the PDS's answer tells
        Post post = post("after expiry", List.of());
        startEngine(3);

        assertTrue(published(post), () -> "published, not " + target(post));
        assertEquals(1, pds.received("com.atproto.server.refreshSession").size());
        assertEquals(2, pds.received("com.atproto.repo.createRecord").size(), "refused once with ExpiredToken, then accepted");
        StoredTokens after = rig.accounts.tokens(workspace, account.id());
        assertNotEquals(before.refresh(), after.refresh(), "the rotated refresh token was saved");
        assertTrue(pds.refreshTokenValid(after.refresh().reveal()));
        assertFalse(pds.refreshTokenValid(before.refresh().reveal()));
        assertEquals(1, pds.sessionsCreated());
    }

    @Test
    void anImagePostUploadsTheBlobAndEmbedsItEvenWhenTheTokenExpiresAtTheUpload() throws Exception {
        connectAccount();
        byte[] png = Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'}, 3000);
        HttpServer images = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        images.createContext("/cat.png", exchange -> {
            exchange.sendResponseHeaders(200, png.length);
            exchange.getResponseBody().write(png);
            exchange.close();
        });
        images.start();
        try {
            pds.expireAccessTokens();
            Post post = post("A cat", List.of("http://127.0.0.1:" + images.getAddress().getPort() + "/cat.png"));
            startEngine(3);

            assertTrue(published(post), () -> "published, not " + target(post));
            assertEquals(2, pds.received("com.atproto.repo.uploadBlob").size(), "refused with ExpiredToken, then uploaded");
            assertEquals("image/png", pds.received("com.atproto.repo.uploadBlob").get(1).header("Content-Type"));
            assertEquals(1, pds.received("com.atproto.repo.createRecord").size());
            assertEquals(3000, pds.posts().get(0).path("embed").path("images").get(0).path("image").path("size").asInt());
        } finally {
            images.stop(0);
        }
    }

    @Test
    void aRateLimitedPostIsTriedAgainAfterBlueskysResetAndThenPublished() throws Exception {
        connectAccount();
        Instant reset = Instant.now().plusSeconds(3).truncatedTo(java.time.temporal.ChronoUnit.SECONDS); // the header has whole seconds
        pds.rateLimitNext("/xrpc/com.atproto.repo.createRecord", reset);
        Post post = post("patience", List.of());
        startEngine(3);

        assertTrue(published(post), () -> "published, not " + target(post));
        List<Attempt> attempts = rig.attempts.forTarget(workspace, target(post).id());
        assertEquals(List.of(AttemptOutcome.RATE_LIMITED, AttemptOutcome.PUBLISHED), attempts.stream().map(Attempt::outcome).toList());
        assertEquals(429, attempts.get(0).httpStatus());
        assertFalse(attempts.get(1).startedAt().isBefore(reset.minusMillis(600)), "not tried before the reset");
    }

    @Test
    void aSessionThatCannotBeRenewedMarksTheAccountForReconnectingAndTellsItsOwner() throws Exception {
        connectAccount();
        StoredTokens tokens = rig.accounts.tokens(workspace, account.id());
        new BlueskyProvider(new GuardedApiClient(rig.http), pds.url(), Clock.systemUTC())
                .revoke(new com.ailsocialautomation.platform.Credentials(tokens.access(), tokens.refresh(), null, pds.url(), FakeBluesky.DID, null, null));
        pds.expireAccessTokens();
        Post post = post("too late", List.of());
        startEngine(3);

        assertTrue(eventually(Duration.ofSeconds(20), () -> TargetState.FAILED.equals(target(post).state())));
        assertTrue(target(post).error().startsWith("The account's access was refused (Bluesky refused to renew the session"), target(post).error());
        assertFalse(rig.accounts.find(workspace, account.id()).orElseThrow().active());
        assertEquals(0, pds.sessionsCreated() - 1, "no sign-in attempt without the person's app password");
        assertTrue(pds.posts().isEmpty());
    }
}
