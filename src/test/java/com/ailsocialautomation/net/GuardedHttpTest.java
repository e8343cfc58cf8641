package com.ailsocialautomation.net;

import com.ailsocialautomation.UserError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.ailsocialautomation.net.LocalServer.answer;
import static com.ailsocialautomation.net.LocalServer.redirectTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real HTTP, but only ever to 127.0.0.1: every made-up name resolves there or is refused before connecting. */
class GuardedHttpTest {
    private static final long MAX = 64 * 1024;

    private final FakeDns dns = new FakeDns().with("media.test", "127.0.0.1");
    private LocalServer server;
    private GuardedHttp http;

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
        http = new GuardedHttp(new UrlGuard(true, dns), new HttpLimits(Duration.ofSeconds(1), Duration.ofSeconds(2), 1024));
    }

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    @Test
    void theRequestGoesToTheCheckedAddressWithTheRealHostName() {
        server.on("/cat.png", exchange -> answer(exchange, 200, Samples.PNG));
        Download download = http.download(server.url("http", "media.test", "/cat.png"), MAX, MediaType.IMAGES);
        assertEquals(MediaType.PNG, download.type());
        assertArrayEquals(Samples.PNG, download.bytes());
        assertEquals("media.test:" + server.port(), server.seen.get(0).headers().getFirst("Host"));
        assertEquals(null, server.seen.get(0).headers().getFirst("Accept-Encoding"), "bytes are counted as sent");
        // resolved once, by our resolver: media.test exists in no real DNS, so nothing else could have found it
        assertEquals(List.of("media.test"), dns.lookups);
    }

    @Test
    void aNameThatRebindsAfterTheCheckStillReachesOnlyTheCheckedAddress() {
        FakeDns rebinding = new FakeDns().with("rebind.test", "127.0.0.1").with("rebind.test", "169.254.169.254");
        try (GuardedHttp pinned = new GuardedHttp(new UrlGuard(true, rebinding), HttpLimits.defaults())) {
            server.on("/a.gif", exchange -> answer(exchange, 200, Samples.GIF));
            assertEquals(MediaType.GIF, pinned.download(server.url("http", "rebind.test", "/a.gif"), MAX, MediaType.IMAGES).type());
            assertEquals(List.of("rebind.test"), rebinding.lookups, "a second lookup would have answered 169.254.169.254");
        }
    }

    @Test
    void redirectsAreFollowedHopByHopEachTargetChecked() {
        dns.with("hop.test", "127.0.0.1").with("evil.test", "127.0.0.1", "169.254.169.254");
        server.on("/1", redirectTo(server.url("http", "hop.test", "/2")));
        server.on("/2", redirectTo("/3")); // relative, resolved against hop.test
        server.on("/3", redirectTo(server.url("http", "evil.test", "/4")));
        server.on("/4", exchange -> answer(exchange, 200, Samples.PNG));
        UserError error = assertThrows(UserError.class,
                () -> http.download(server.url("http", "media.test", "/1"), MAX, MediaType.IMAGES));
        assertEquals("That URL points to a link-local address (169.254.169.254); use a public https URL.", error.getMessage());
        assertEquals(List.of("/1", "/2", "/3"), paths());
        assertEquals(List.of("media.test", "hop.test", "hop.test", "evil.test"), dns.lookups);
    }

    @Test
    void threeRedirectsAreFollowedAndAFourthIsRefused() {
        server.on("/r1", redirectTo("/r2")).on("/r2", redirectTo("/r3")).on("/r3", redirectTo("/ok"));
        server.on("/r0", redirectTo("/r1"));
        server.on("/ok", exchange -> answer(exchange, 200, Samples.JPEG));
        assertEquals(MediaType.JPEG, http.download(server.url("http", "media.test", "/r1"), MAX, MediaType.IMAGES).type());
        server.seen.clear();
        UserError error = assertThrows(UserError.class,
                () -> http.download(server.url("http", "media.test", "/r0"), MAX, MediaType.IMAGES));
        assertEquals("That URL redirects more than 3 times; link directly to the file.", error.getMessage());
        assertEquals(List.of("/r0", "/r1", "/r2", "/r3"), paths());
    }

    @Test
    void aRedirectToAPrivateAddressOrToPlainHttpIsRefusedBeforeConnecting() {
        dns.with("internal.test", "10.0.0.5").with("public.test", "93.184.215.14");
        server.on("/private", redirectTo("https://internal.test/admin"));
        server.on("/plain", redirectTo("http://public.test/cat.png"));
        assertEquals("That URL points to a private network address (10.0.0.5); use a public https URL.",
                assertThrows(UserError.class, () -> http.download(server.url("http", "media.test", "/private"), MAX,
                        MediaType.IMAGES)).getMessage());
        assertTrue(assertThrows(UserError.class, () -> http.download(server.url("http", "media.test", "/plain"), MAX,
                MediaType.IMAGES)).getMessage().contains("must start with https://"));
    }

    @Test
    void aChunkedAnswerLargerThanTheCapIsCutOffWhileItArrives() {
        server.on("/endless.jpg", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length to trust or distrust
            byte[] block = Samples.concat(Samples.JPEG, new byte[16 * 1024]);
            for (int i = 0; i < 4096; i++) { // 64 MB if nobody stops it
                exchange.getResponseBody().write(block);
            }
        });
        UserError error = assertThrows(UserError.class,
                () -> http.download(server.url("http", "media.test", "/endless.jpg"), MAX, MediaType.IMAGES));
        assertEquals("That file is larger than the limit of 64 KB; use a smaller file.", error.getMessage());
    }

    @Test
    void anAnswerWithoutLengthThatRunsUntilCloseIsCappedToo() throws Exception {
        try (RawServer raw = new RawServer(socket -> {
            RawServer.write(socket.getOutputStream(), "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
            for (int i = 0; i < 1000; i++) {
                socket.getOutputStream().write(new byte[16 * 1024]);
            }
        })) {
            String url = "http://media.test:" + raw.port() + "/file.png";
            assertThrows(UserError.class, () -> http.download(url, MAX, MediaType.IMAGES));
        }
    }

    @Test
    void anHonestContentLengthOverTheCapIsRefusedBeforeReading() {
        server.on("/big.png", exchange -> answer(exchange, 200, Samples.concat(Samples.PNG, new byte[(int) MAX])));
        assertThrows(UserError.class, () -> http.download(server.url("http", "media.test", "/big.png"), MAX, MediaType.IMAGES));
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (RawServer silent = new RawServer(socket -> Thread.sleep(10_000))) {
            long start = System.nanoTime();
            UserError error = assertThrows(UnreachableUrl.class,
                    () -> http.download("http://media.test:" + silent.port() + "/x.png", MAX, MediaType.IMAGES));
            assertEquals("Could not reach media.test: it did not answer in time.", error.getMessage());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 5000);
        }
    }

    @Test
    void aServerThatTricklesItsBodyTimesOutOnTheTotalTimeout() throws Exception {
        try (RawServer slow = new RawServer(socket -> {
            RawServer.write(socket.getOutputStream(), "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
            for (int i = 0; i < 1000; i++) {
                socket.getOutputStream().write(Samples.PNG, 0, 1);
                socket.getOutputStream().flush();
                Thread.sleep(100); // always within the idle timeout, never within the total one
            }
        })) {
            long start = System.nanoTime();
            assertThrows(UnreachableUrl.class,
                    () -> http.download("http://media.test:" + slow.port() + "/x.png", MAX, MediaType.IMAGES));
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 5000);
        }
    }

    @Test
    void aConnectionThatCannotBeOpenedHitsTheConnectTimeoutNotTheTotalOne() throws Exception {
        // a listening socket that never accepts: once its queue is full the kernel drops further SYNs
        try (java.net.ServerSocket full = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             GuardedHttp patient = new GuardedHttp(new UrlGuard(true, dns),
                     new HttpLimits(Duration.ofMillis(500), Duration.ofSeconds(20), 1024))) {
            List<java.nio.channels.SocketChannel> fillers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                java.nio.channels.SocketChannel filler = java.nio.channels.SocketChannel.open();
                filler.configureBlocking(false);
                filler.connect(full.getLocalSocketAddress());
                fillers.add(filler);
            }
            long start = System.nanoTime();
            UserError error = assertThrows(UnreachableUrl.class,
                    () -> patient.download("http://media.test:" + full.getLocalPort() + "/", MAX, MediaType.IMAGES));
            assertEquals("Could not reach media.test: the connection timed out.", error.getMessage());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 5000);
            for (java.nio.channels.SocketChannel filler : fillers) {
                filler.close();
            }
        }
    }

    @Test
    void noCookieOrCredentialIsEverSent() {
        server.on("/login", exchange -> answer(exchange, 302, new byte[0],
                "Set-Cookie", "session=s3cr3t; Path=/", "Location", "/next"));
        server.on("/next", exchange -> answer(exchange, 200, Samples.PNG, "Set-Cookie", "more=s3cr3t; Path=/"));
        server.on("/private", exchange -> answer(exchange, 401, new byte[0], "WWW-Authenticate", "Basic realm=\"x\""));
        http.download(server.url("http", "media.test", "/login"), MAX, MediaType.IMAGES);
        http.download(server.url("http", "media.test", "/next"), MAX, MediaType.IMAGES);
        UserError error = assertThrows(UserError.class,
                () -> http.download(server.url("http", "media.test", "/private"), MAX, MediaType.IMAGES));
        assertEquals("The server at media.test answered HTTP 401 for that file; check that the link is public and direct.",
                error.getMessage());
        assertEquals(List.of("/login", "/next", "/next", "/private"), paths(), "a 401 is not retried with credentials");
        for (LocalServer.Seen seen : server.seen) {
            for (String header : List.of("Cookie", "Cookie2", "Authorization", "Proxy-Authorization")) {
                assertEquals(null, seen.headers().getFirst(header), header + " on " + seen.path());
            }
        }
    }

    @Test
    void aJpgLinkThatServesHtmlIsRejected() {
        server.on("/photo.jpg", exchange -> answer(exchange, 200, Samples.HTML, "Content-Type", "image/jpeg"));
        UserError error = assertThrows(UserError.class,
                () -> http.download(server.url("http", "media.test", "/photo.jpg"), MAX, MediaType.IMAGES));
        assertTrue(error.getMessage().startsWith("That link gives a web page"), error.getMessage());
    }

    @Test
    void postJsonSendsTheBodyAndTheCallersHeadersAndReturnsTheAnswer() {
        server.on("/hook", exchange -> answer(exchange, 202, Samples.ascii("{\"ok\":true}"), "X-Reply", "yes"));
        byte[] body = "{\"text\":\"hello\"}".getBytes(StandardCharsets.UTF_8);
        Response response = http.postJson(server.url("http", "media.test", "/hook"), body,
                Map.of("X-AIL-Signature", "sha256=abc"));
        assertEquals(202, response.status());
        assertEquals("{\"ok\":true}", response.bodyText());
        assertEquals(List.of("yes"), response.headers().get("x-reply"));
        LocalServer.Seen seen = server.seen.get(0);
        assertEquals("POST", seen.method());
        assertArrayEquals(body, seen.body());
        assertEquals("sha256=abc", seen.headers().getFirst("X-AIL-Signature"));
        assertTrue(seen.headers().getFirst("Content-Type").startsWith("application/json"));
        assertEquals(null, seen.headers().getFirst("Cookie"));
    }

    @Test
    void postJsonDoesNotFollowRedirectsRefusesCookiesAndCapsTheAnswer() {
        server.on("/moved", redirectTo("/elsewhere"));
        server.on("/chatty", exchange -> answer(exchange, 200, new byte[4096]));
        String moved = server.url("http", "media.test", "/moved");
        assertEquals(302, http.postJson(moved, new byte[0], Map.of()).status());
        assertEquals(List.of("/moved"), paths());
        assertThrows(IllegalArgumentException.class, () -> http.postJson(moved, new byte[0], Map.of("cookie", "a=b")));
        assertThrows(IllegalArgumentException.class, () -> http.postJson(moved, new byte[0], Map.of("Host", "x")));
        assertThrows(UserError.class, () -> http.postJson(server.url("http", "media.test", "/chatty"), new byte[0], Map.of()));
    }

    @Test
    void exchangeSendsAnyMethodWithTheCallersContentTypeAndBearerAndReturnsTheAnswer() {
        server.on("/xrpc/com.atproto.repo.uploadBlob", exchange -> answer(exchange, 200, Samples.ascii("{\"blob\":{}}")));
        server.on("/xrpc/app.bsky.actor.getProfile", exchange -> answer(exchange, 400, Samples.ascii("{\"error\":\"ExpiredToken\"}")));
        Response upload = http.exchange("POST", server.url("http", "media.test", "/xrpc/com.atproto.repo.uploadBlob"),
                Map.of("Authorization", "Bearer jwt-1", "Content-Type", "image/png"), Samples.PNG);
        Response profile = http.exchange("GET", server.url("http", "media.test", "/xrpc/app.bsky.actor.getProfile?actor=did:plc:a"),
                Map.of("Authorization", "Bearer jwt-1"), null);
        assertEquals(200, upload.status());
        assertEquals(400, profile.status(), "any status is the caller's to read");
        assertEquals("{\"error\":\"ExpiredToken\"}", profile.bodyText());
        LocalServer.Seen sent = server.seen.get(0);
        assertEquals("POST", sent.method());
        assertArrayEquals(Samples.PNG, sent.body());
        assertEquals("image/png", sent.headers().getFirst("Content-Type"));
        assertEquals("Bearer jwt-1", sent.headers().getFirst("Authorization"));
        LocalServer.Seen read = server.seen.get(1);
        assertEquals("GET", read.method());
        assertEquals(0, read.body().length);
        assertEquals(null, read.headers().getFirst("Content-Type"));
    }

    @Test
    void exchangeFollowsNoRedirectRefusesCookiesAndChecksTheUrlFirst() {
        server.on("/moved", redirectTo(server.url("http", "media.test", "/elsewhere")));
        String moved = server.url("http", "media.test", "/moved");
        assertEquals(302, http.exchange("GET", moved, Map.of("Authorization", "Bearer jwt-1"), null).status());
        assertEquals(List.of("/moved"), paths(), "the bearer token did not follow the redirect");
        assertThrows(IllegalArgumentException.class, () -> http.exchange("GET", moved, Map.of("Cookie", "a=b"), null));
        assertThrows(IllegalArgumentException.class, () -> http.exchange("get; rm", moved, Map.of(), null));
        dns.with("metadata.test", "169.254.169.254");
        UserError refused = assertThrows(UserError.class,
                () -> http.exchange("GET", "http://metadata.test/xrpc/x", Map.of(), null));
        assertTrue(refused.getMessage().startsWith("That URL points to a link-local address"), refused.getMessage());
    }

    @Test
    void exchangeSendsAnyMethodWithTheBodysOwnTypeAndABearerToken() {
        server.on("/api/v1/media/7", exchange -> answer(exchange, 206, Samples.ascii("{}")));
        server.on("/api/v2/media", exchange -> answer(exchange, 202, Samples.ascii("{\"id\":\"7\"}")));
        String base = server.url("http", "media.test", "");
        Response polled = http.exchange("GET", base + "/api/v1/media/7", Map.of("Authorization", "Bearer t0k"), null);
        Response uploaded = http.exchange("POST", base + "/api/v2/media",
                Map.of("Content-Type", "multipart/form-data; boundary=b"), Samples.ascii("--b--\r\n"));
        assertEquals(206, polled.status());
        assertEquals(202, uploaded.status());
        assertEquals("GET", server.seen.get(0).method());
        assertEquals("Bearer t0k", server.seen.get(0).headers().getFirst("Authorization"));
        assertEquals(0, server.seen.get(0).body().length);
        assertEquals("multipart/form-data; boundary=b", server.seen.get(1).headers().getFirst("Content-Type"));
        assertEquals(1, server.seen.get(1).headers().get("Content-Type").size());
    }

    @Test
    void exchangeFollowsNoRedirectRefusesCookiesAndChecksEveryUrl() {
        server.on("/moved", redirectTo("/elsewhere"));
        String moved = server.url("http", "media.test", "/moved");
        assertEquals(302, http.exchange("DELETE", moved, Map.of(), null).status());
        assertEquals(List.of("/moved"), paths());
        assertThrows(IllegalArgumentException.class, () -> http.exchange("GET", moved, Map.of("Cookie", "a=b"), null));
        dns.with("inside.test", "10.0.0.7");
        UserError refused = assertThrows(UserError.class,
                () -> http.exchange("GET", "http://inside.test/api/v1/instance", Map.of(), null));
        assertTrue(refused.getMessage().startsWith("That URL points to a private"), refused.getMessage());
    }

    @Test
    void aRefusedConnectionIsAnUnreachableUrl() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        UserError error = assertThrows(UnreachableUrl.class,
                () -> http.download("http://media.test:" + closedPort + "/", MAX, MediaType.IMAGES));
        assertEquals("Could not reach media.test: the connection was refused.", error.getMessage());
    }

    private List<String> paths() {
        return server.seen.stream().map(LocalServer.Seen::path).toList();
    }
}
