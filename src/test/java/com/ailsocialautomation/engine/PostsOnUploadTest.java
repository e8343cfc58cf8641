package com.ailsocialautomation.engine;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeTikTok;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.message.PostOptions;
import com.ailsocialautomation.message.Privacy;
import com.ailsocialautomation.platform.DirectApiClient;
import com.ailsocialautomation.platform.tiktok.TikTokProvider;
import com.ailsocialautomation.store.Account;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A platform whose upload is the post (TikTok, against its strict fake): while TikTok processes, the target stays
 * publishing, and an engine that stops then is followed by one that asks the status again and uploads nothing; a
 * target found publishing after its upload was sent but before anything was recorded is unknown, never sent again.
 */
class PostsOnUploadTest {
    private static final byte[] VIDEO = new byte[200_000];

    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static EngineRig rig;
    static HttpServer files;
    FakeTikTok tiktok;
    Account account;
    ChatUser owner;

    @BeforeAll
    static void wire() throws IOException {
        rig = new EngineRig(pg.dataSource(), pg.vault());
        byte[] ftyp = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p', '4', '1'};
        System.arraycopy(ftyp, 0, VIDEO, 0, ftyp.length);
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
        tiktok = FakeTikTok.start();
        FakeTikTok.Issued issued = tiktok.issue("user.info.basic,video.publish");
        UUID ws = rig.workspaces.ensure(FrontEnd.CONSOLE, "ws-" + UUID.randomUUID(), "Test");
        owner = rig.workspaces.ensureUser(ws, "u-" + UUID.randomUUID(), "Ana");
        account = rig.accounts.connect(ws, owner.id(), new NewAccount(PlatformId.TIKTOK, FakeTikTok.OPEN_ID, FakeTikTok.USERNAME,
                "AIL Team", null, null, "user.info.basic,video.publish", null), new StoredTokens(Secret.of(issued.accessToken()), null, null, null));
    }

    @AfterEach
    void stop() {
        rig.stopEngines();
        tiktok.close();
    }

    private void startEngine() {
        rig.startEngine(EngineRig.settings(5), http -> List.of(new TikTokProvider(new DirectApiClient(Duration.ofSeconds(3)),
                tiktok.url(), tiktok.url(), Clock.systemUTC())));
    }

    private Post post(String text) {
        return rig.posts.create(account.workspaceId(), owner.id(), text, new PostOptions(null, Privacy.PUBLIC, null, null, null),
                List.of("http://127.0.0.1:" + files.getAddress().getPort() + "/clip.mp4"), null, Instant.now(), null, List.of(account),
                (tx, id) -> {});
    }

    private Target target(Post post) {
        return rig.reload(post).targets().get(0);
    }

    @Test
    void whileTikTokProcessesTheTargetStaysPublishingUntilItGivesUpAsUnknownNeverUploadingTwice() throws Exception {
        tiktok.processing(1_000_000, null);
        startEngine();
        Post post = post("Processing at TikTok");
        assertTrue(eventually(Duration.ofSeconds(30), () -> tiktok.posts().size() == 1), "the upload posted");
        assertEquals(TargetState.PUBLISHING, target(post).state(), "the post has left: it stays publishing, beyond edit and cancel");
        assertTrue(target(post).sentAt() != null, "marked sent before the upload that posts it, so a revival would not upload again");
        // the rig gives up after 5 s: TikTok has the post and may still publish it, so it is unknown, not failed
        assertTrue(eventually(Duration.ofSeconds(90), () -> target(post).state() == TargetState.UNKNOWN), () -> String.valueOf(target(post)));
        assertEquals(1, tiktok.uploadsStarted(), "nothing was uploaded again");
        assertEquals(1, tiktok.posts().size());
    }

    @Test
    void aTargetFoundPublishingAfterItsUploadLeftWithNothingRecordedIsUnknownAndNotSentAgain() throws Exception {
        Post post = post("Died mid-upload");
        Target t = post.targets().get(0);
        // an engine died while its last chunk was on the way: the target is publishing and sent, nothing is recorded
        rig.sql.update("update post_targets set state = 'publishing', started_at = now(), sent_at = now(), attempts = 1 where id = ?", t.id());
        startEngine();
        assertTrue(eventually(Duration.ofSeconds(30), () -> target(post).state() == TargetState.UNKNOWN), () -> String.valueOf(target(post)));
        Thread.sleep(500);
        assertEquals(0, tiktok.uploadsStarted(), "AIL asks the author to check instead of posting again");
    }
}
