package com.ailsocialautomation.net;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.platform.ApiRequest;
import com.ailsocialautomation.platform.ApiResponse;
import com.ailsocialautomation.platform.GuardedApiClient;
import com.ailsocialautomation.platform.PlatformError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import static com.ailsocialautomation.net.LocalServer.answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Lives beside the net tests for their loopback server and made-up DNS; the client itself is in platform. */
class GuardedApiClientTest {
    private final FakeDns dns = new FakeDns().with("pds.test", "127.0.0.1").with("inside.test", "10.0.0.7");
    private LocalServer server;
    private GuardedHttp http;
    private GuardedApiClient client;

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
        http = new GuardedHttp(new UrlGuard(true, dns), new HttpLimits(Duration.ofMillis(500), Duration.ofMillis(800), 4096));
        client = new GuardedApiClient(http);
    }

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    @Test
    void aRequestGoesOutWithItsHeadersAndAnyStatusComesBack() {
        server.on("/xrpc/com.atproto.repo.createRecord", exchange ->
                answer(exchange, 429, Samples.ascii("{\"error\":\"RateLimitExceeded\"}"), "RateLimit-Reset", "1700000000"));
        ApiResponse response = client.send(ApiRequest.post(server.url("http", "pds.test", "/xrpc/com.atproto.repo.createRecord"))
                .json(Map.of("repo", "did:plc:a")).bearer(Secret.of("jwt-1")));
        assertEquals(429, response.status());
        assertEquals("1700000000", response.header("RateLimit-Reset"));
        assertEquals("Bearer jwt-1", server.seen.get(0).headers().getFirst("Authorization"));
        assertEquals("application/json", server.seen.get(0).headers().getFirst("Content-Type"));
    }

    @Test
    void aUrlTheGuardRefusesIsPermanentAndNamesOnlyTheHost() {
        PlatformError e = assertThrows(PlatformError.class,
                () -> client.send(ApiRequest.get("https://inside.test/xrpc/secret-path?token=abc")));
        assertEquals(PlatformError.Kind.PERMANENT, e.kind());
        assertEquals("That URL points to a private network address (10.0.0.7); use a public https URL.", e.getMessage());
        assertFalse(e.getMessage().contains("secret-path"));
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsTransient() {
        server.on("/slow", exchange -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        PlatformError e = assertThrows(PlatformError.class, () -> client.send(ApiRequest.get(server.url("http", "pds.test", "/slow"))));
        assertEquals(PlatformError.Kind.TRANSIENT, e.kind());
        assertEquals("Could not reach pds.test: it did not answer in time.", e.getMessage());
    }

    @Test
    void anAnswerOverTheCapIsPermanent() {
        server.on("/big", exchange -> answer(exchange, 200, new byte[8192]));
        PlatformError e = assertThrows(PlatformError.class, () -> client.send(ApiRequest.get(server.url("http", "pds.test", "/big"))));
        assertEquals(PlatformError.Kind.PERMANENT, e.kind());
    }
}
