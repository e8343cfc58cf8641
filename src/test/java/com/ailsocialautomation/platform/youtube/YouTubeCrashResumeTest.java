package com.ailsocialautomation.platform.youtube;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.engine.EngineRig;
import com.ailsocialautomation.fakes.FakeYouTube;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.platform.ClientApp;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.DirectApiClient;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.PlatformApp;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.MediaUploads;
import com.ailsocialautomation.store.NewAccount;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.PublishQueue;
import com.ailsocialautomation.store.StoredTokens;
import com.ailsocialautomation.store.Target;
import com.ailsocialautomation.store.TargetState;
import com.ailsocialautomation.testing.PostgresExtension;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An engine that dies in the middle of a YouTube upload: the session it opened was stored before its first byte
 * left, so the engine that takes the target over asks the session where it stands and sends only the rest, in the
 * same session: one videos.insert, one video, every byte once after the point Google named.
 */
class YouTubeCrashResumeTest {
    private static final int Q = FakeYouTube.QUANTUM;
    private static final byte[] VIDEO = video();

    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static EngineRig rig;
    static HttpServer files;
    FakeYouTube youtube;

    private static byte[] video() {
        byte[] bytes = new byte[5 * Q + 1000];
        new Random(5).nextBytes(bytes);
        byte[] ftyp = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p', '4', '1'};
        System.arraycopy(ftyp, 0, bytes, 0, ftyp.length);
        return bytes;
    }

    @BeforeAll
    static void wire() throws IOException {
        rig = new EngineRig(pg.dataSource(), pg.vault());
        files = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        files.createContext("/launch.mp4", exchange -> {
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

    @AfterEach
    void stop() {
        rig.stopEngines();
        youtube.close();
    }

    @Test
    void theEngineThatTakesOverGoesOnInTheSameSessionFromWhereGoogleIs() throws Exception {
        youtube = FakeYouTube.start();
        List<String> tokens = youtube.issue();
        UUID ws = rig.workspaces.ensure(FrontEnd.CONSOLE, "ws-" + UUID.randomUUID(), "Test");
        ChatUser owner = rig.workspaces.ensureUser(ws, "u-" + UUID.randomUUID(), "Ana");
        Account account = rig.accounts.connect(ws, owner.id(), new NewAccount(PlatformId.YOUTUBE, FakeYouTube.CHANNEL_ID,
                FakeYouTube.HANDLE, "AIL Team", null, null, FakeYouTube.UPLOAD + " " + FakeYouTube.READONLY, null),
                new StoredTokens(Secret.of(tokens.get(0)), Secret.of(tokens.get(1)), Instant.now().plusSeconds(3599), null));
        String link = "http://127.0.0.1:" + files.getAddress().getPort() + "/launch.mp4";
        Post post = rig.posts.create(ws, owner.id(), "Crash course", List.of(link), Instant.now().plusSeconds(3600), null,
                List.of(account));
        Target target = rig.reload(post).targets().get(0);

        // What the engine that died did: it opened the session (stored before any byte left) and sent one chunk.
        YouTubeProvider provider = provider();
        Credentials credentials = new Credentials(Secret.of(tokens.get(0)), null, null, null, FakeYouTube.CHANNEL_ID,
                FakeYouTube.HANDLE, new ClientApp(FakeYouTube.CLIENT_ID, Secret.of(FakeYouTube.CLIENT_SECRET)));
        PublishRequest draft = new PublishRequest(post.shortId(), post.text(), List.of(), List.of(), target.idempotencyKey(), Instant.now());
        MediaRef session = provider.uploadMedia(credentials, Media.inMemory("launch.mp4", "video/mp4", VIDEO, null), draft);
        new MediaUploads(rig.sql, pg.vault()).save(ws, target.id(), new MediaUploads.Upload(0,
                MediaUploads.sourceHash(link + "\u0000" + provider.uploadCarries(draft)), session.id(), false, "launch.mp4",
                session.payload(), Instant.now()));
        HttpResponse<Void> first = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(session.payload()))
                .header("Authorization", "Bearer " + tokens.get(0)).header("Content-Range", "bytes 0-" + (2 * Q - 1) + "/" + VIDEO.length)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOf(VIDEO, 2 * Q))).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(308, first.statusCode());
        rig.sql.update("update post_targets set state = 'publishing', due_at = now(), started_at = now(), attempts = 1, "
                + "sent_at = null where id = ?", target.id());
        rig.sql.update("update scheduled_tasks set execution_time = now(), picked = true, picked_by = 'dead-engine', "
                + "last_heartbeat = now() - interval '10 minutes' where task_name = ? and task_instance = ?",
                PublishQueue.TASK_NAME, PublishQueue.instanceId(ws, target.id()));

        rig.startEngine(EngineRig.settings(5), http -> List.of(provider()));

        assertTrue(eventually(Duration.ofSeconds(30), () -> rig.reload(post).targets().get(0).state() == TargetState.PUBLISHED),
                () -> "published, not " + rig.reload(post).targets().get(0));
        FakeYouTube.Video video = youtube.videos().get(0);
        assertEquals(1, youtube.videos().size());
        assertEquals(1, youtube.insertsToday(), "the same session, not a second upload");
        assertEquals(List.of("0-524287/1311720", "524288-1048575/1311720", "1048576-1311719/1311720"), youtube.chunkRanges(),
                "after the dead engine's chunk, only the rest");
        assertArrayEquals(VIDEO, youtube.bytesOf(video.id()));
        assertEquals("https://www.youtube.com/watch?v=" + video.id(), rig.reload(post).targets().get(0).url());
        assertEquals("Crash course", video.title());
    }

    private YouTubeProvider provider() {
        return new YouTubeProvider(new DirectApiClient(Duration.ofSeconds(3)), new PlatformApp(FakeYouTube.CLIENT_ID,
                Secret.of(FakeYouTube.CLIENT_SECRET), youtube.url(), youtube.url(), null), Clock.systemUTC(), 2 * Q);
    }
}
