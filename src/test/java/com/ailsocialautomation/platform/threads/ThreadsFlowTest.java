package com.ailsocialautomation.platform.threads;

import com.ailsocialautomation.fakes.FakeThreads;
import com.ailsocialautomation.media.IsoFixtures;
import com.ailsocialautomation.testing.Eventually;
import com.ailsocialautomation.testing.RealFlows;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Threads through the running service (RealFlows): Ana connects her profile through Threads' authorization window,
 * then posts text, a picture, a video and a carousel from Slack; Threads (the strict fake) fetches each item from
 * AIL's public media link itself and finds the link gone once its container is done. Over-long text is refused at
 * the command by Threads' own count; a container Threads cannot process, a rate limit, the daily publishing limit,
 * a lost publish answer and a revoked token each end as a person would want. The last test revokes the token.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreadsFlowTest {
    @TempDir
    static Path tmp;
    static RealFlows flows;
    static String token;
    static HttpServer files;
    static final Map<String, byte[]> served = new ConcurrentHashMap<>();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String PUBLISH = "/v1.0/" + FakeThreads.USER_ID + "/threads_publish";

    @BeforeAll
    static void connect() throws Exception {
        flows = new RealFlows(tmp);
        flows.installSlack();
        token = flows.connectThreads();
        files = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        files.createContext("/", exchange -> {
            byte[] body = served.get(exchange.getRequestURI().getPath());
            try (exchange) {
                exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
                if (body != null) {
                    exchange.getResponseBody().write(body);
                }
            }
        });
        files.start();
    }

    @AfterAll
    static void stop() throws Exception {
        files.stop(0);
        flows.close();
    }

    private static String serve(byte[] bytes) {
        String path = "/file-" + UUID.randomUUID();
        served.put(path, bytes);
        return "http://127.0.0.1:" + files.getAddress().getPort() + path;
    }

    private static byte[] png(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static byte[] mp4() {
        return IsoFixtures.movie("isom", 6 * 600, 600, 1080, 1920, false);
    }

    /** Posts now to Ana's Threads profile; the reply must accept it. */
    private static void post(String line) {
        String reply = flows.run("post to:threads " + line).toPlainText();
        assertTrue(reply.startsWith("Post "), reply);
    }

    private static FakeThreads.Post published(String text) {
        return flows.threads.posts().stream().filter(p -> text.equals(p.text())).findFirst()
                .orElseThrow(() -> new AssertionError("Threads has no post \"" + text + "\": " + flows.threads.posts()));
    }

    /** The link Threads fetched, asked again from the service as anyone could: its status now. */
    private static int fetchAgain(FakeThreads.Fetch fetch) throws Exception {
        String path = URI.create(fetch.url()).getRawPath();
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + flows.app.port() + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** What AIL recorded against failed or held targets (encrypted; opened with the service's vault). */
    private static String errors() {
        return String.join("\n", flows.decrypted().getOrDefault("post_targets.error_enc", List.of()));
    }

    @Test
    @Order(1)
    void connectingKeepsALongLivedTokenForSixtyDaysAndTheProfileAsTheAccount() {
        assertEquals(FakeThreads.USERNAME, flows.one("select handle from social_accounts where platform = 'threads'"));
        assertEquals(FakeThreads.USER_ID, flows.one("select external_id from social_accounts where platform = 'threads'"));
        Instant expires = Instant.parse(flows.one("select to_char(token_expires_at at time zone 'UTC', "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') from social_accounts where platform = 'threads'"));
        assertTrue(expires.isAfter(Instant.now().plus(Duration.ofDays(59))), expires.toString());
        FakeThreads.Received authorize = flows.threads.received("GET", "/oauth/authorize").get(0);
        assertTrue(authorize.query().contains("scope=threads_basic%2Cthreads_content_publish%2Cthreads_manage_replies"), authorize.query());
        assertEquals(1, flows.threads.received("GET", "/access_token").size(), "the short-lived token was exchanged once");
    }

    @Test
    @Order(2)
    void aTextPostIsPublishedAndTheTargetLinksToIt() throws Exception {
        String text = "Threads text post t1 " + UUID.randomUUID();
        post(text);
        flows.awaitState(text, "published");
        FakeThreads.Post post = published(text);
        assertEquals("TEXT", post.mediaType());
        String url = flows.one("select t.url from post_targets t join posts p on p.id = t.post_id where p.text = ?", text);
        assertTrue(url.startsWith("https://www.threads.com/@" + FakeThreads.USERNAME + "/post/"), url);
        assertEquals(1, flows.threads.received("GET", "/v1.0/" + FakeThreads.USER_ID + "/threads_publishing_limit").size(),
                "the publishing limit was read before publishing");
    }

    @Test
    @Order(3)
    void aPictureIsFetchedByThreadsFromThePublicLinkWhichIsGoneOnceTheContainerIsDone() throws Exception {
        String text = "Threads picture p2 " + UUID.randomUUID();
        post("media:" + serve(png(640, 480)) + " " + text);
        flows.awaitState(text, "published");
        FakeThreads.Post post = published(text);
        assertEquals("IMAGE", post.mediaType());
        FakeThreads.Fetch fetch = post.media().get(0);
        assertTrue(fetch.url().matches(RealFlows.PUBLIC_URL.replace(".", "\\.") + "/media/[A-Za-z0-9_-]{43}"), fetch.url());
        assertEquals(200, fetch.status());
        assertEquals("image/png", fetch.contentType());
        assertEquals(fetch.body().length, fetch.declaredLength());
        assertEquals(404, fetchAgain(fetch));
        assertEquals(0, flows.count("select count(*) from media_grants"));
    }

    @Test
    @Order(4)
    void aVideoIsFetchedInRangesProcessedAndPublished() throws Exception {
        String text = "Threads video v3 " + UUID.randomUUID();
        post("media:" + serve(mp4()) + " " + text);
        flows.awaitState(text, "published");
        FakeThreads.Post post = published(text);
        assertEquals("VIDEO", post.mediaType());
        assertEquals("video/mp4", post.media().get(0).contentType());
        assertTrue(post.media().get(0).rangeHonoured(), "a range request for the video got its 206");
        assertEquals(404, fetchAgain(post.media().get(0)));
    }

    @Test
    @Order(5)
    void aPictureAndAVideoGoOutAsOneCarouselWithTheTextOnTheCarousel() throws Exception {
        String text = "Threads carousel c4 " + UUID.randomUUID();
        post("media:" + serve(png(320, 320)) + " media:" + serve(mp4()) + " " + text);
        flows.awaitState(text, "published");
        FakeThreads.Post post = published(text);
        assertEquals("CAROUSEL", post.mediaType());
        assertEquals(List.of("image/png", "video/mp4"), post.media().stream().map(FakeThreads.Fetch::contentType).toList());
        List<String> itemCreations = flows.threads.received("POST", "/v1.0/" + FakeThreads.USER_ID + "/threads").stream()
                .map(FakeThreads.Received::text).filter(b -> b.contains("is_carousel_item=true")).toList();
        assertEquals(2, itemCreations.size());
        assertTrue(itemCreations.stream().noneMatch(b -> b.contains("text=")), "carousel items carry no text");
    }

    @Test
    @Order(6)
    void textOverThreads500IsRefusedAtTheCommandCountingAnEmojiAsItsBytes() throws Exception {
        String fits = "a".repeat(496) + "\uD83D\uDC4D"; // 496 + 4 bytes of 👍 = 500
        String over = "b".repeat(497) + "\uD83D\uDC4D"; // 501
        String refused = flows.run("post to:threads " + over).toPlainText();
        assertTrue(refused.contains("500"), refused);
        assertFalse(refused.startsWith("Post "), refused);
        assertEquals(0, flows.count("select count(*) from posts where text = ?", over));
        post(fits);
        flows.awaitState(fits, "published");
    }

    @Test
    @Order(7)
    void aVideoThreadsCannotProcessFailsNamingThreadsReason() throws Exception {
        flows.threads.failNextProcessing("INVALID_DURATION");
        String text = "Threads bad video e5 " + UUID.randomUUID();
        post("media:" + serve(mp4()) + " " + text);
        flows.awaitState(text, "failed");
        String error = errors();
        assertTrue(error.contains("INVALID_DURATION"), error);
        assertEquals(0, flows.count("select count(*) from media_grants"), "the link ended with the container");
    }

    @Test
    @Order(8)
    void aRateLimitWaitsAsLongAsThreadsSays() throws Exception {
        flows.threads.throttleNext(PUBLISH, 17);
        String text = "Threads throttled r6 " + UUID.randomUUID();
        Instant before = Instant.now();
        post(text);
        assertTrue(Eventually.eventually(Duration.ofSeconds(30), () -> flows.count("select count(*) from post_targets t "
                + "join posts p on p.id = t.post_id where p.text = ? and t.state = 'scheduled' and t.attempts = 1", text) == 1));
        Instant due = Instant.parse(flows.one("select to_char(t.due_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
                + "from post_targets t join posts p on p.id = t.post_id where p.text = ?", text));
        assertTrue(!due.isBefore(before.plus(Duration.ofMinutes(16))) && due.isBefore(Instant.now().plus(Duration.ofMinutes(18))), due.toString());
        flows.run("cancel " + flows.shortIdOf(text));
    }

    @Test
    @Order(9)
    void aPostOverTheDailyPublishingLimitIsHeldNotFailedAndItsAuthorIsTold() throws Exception {
        flows.threads.quotaUsed(FakeThreads.QUOTA);
        try {
            String text = "Threads over the limit q7 " + UUID.randomUUID();
            int publishesBefore = flows.threads.received("POST", PUBLISH).size();
            post(text);
            assertTrue(Eventually.eventually(Duration.ofSeconds(30), () -> flows.count("select count(*) from post_targets t "
                    + "join posts p on p.id = t.post_id where p.text = ? and t.state = 'scheduled' and t.attempts = 0 "
                    + "and t.due_at > now() + interval '50 minutes'", text) == 1));
            assertEquals(publishesBefore, flows.threads.received("POST", PUBLISH).size(), "nothing was sent to threads_publish");
            assertTrue(errors().contains("250 posts"), errors());
            flows.run("cancel " + flows.shortIdOf(text));
        } finally {
            flows.threads.quotaUsed(0);
        }
    }

    @Test
    @Order(10)
    void aPublishWhoseAnswerIsLostIsUnknownAndNeverSentTwice() throws Exception {
        flows.threads.actThenStaySilent(PUBLISH, Duration.ofSeconds(8)); // AIL waits 5 s
        String text = "Threads lost answer u8 " + UUID.randomUUID();
        post(text);
        flows.awaitState(text, "unknown");
        Thread.sleep(1000);
        assertEquals(1, flows.threads.posts().stream().filter(p -> text.equals(p.text())).count());
    }

    @Test
    @Order(11)
    void aRevokedTokenAsksTheOwnerToReconnectOnce() throws Exception {
        flows.threads.revokeAll();
        String first = "Threads after revoke a9 " + UUID.randomUUID();
        post(first);
        flows.awaitState(first, "failed");
        assertEquals("needs_reconnect", flows.one("select status from social_accounts where platform = 'threads'"));
        String second = "Threads after revoke again b9 " + UUID.randomUUID();
        if (flows.run("post to:threads " + second).toPlainText().startsWith("Post ")) {
            flows.awaitState(second, "failed");
        }
        assertEquals(1, flows.count("select count(*) from notifications where event_key like 'reconnect:%'"));
        assertTrue(errors().contains("/ail connect threads"), errors());
    }
}
