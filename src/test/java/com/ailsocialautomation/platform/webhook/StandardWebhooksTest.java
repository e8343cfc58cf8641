package com.ailsocialautomation.platform.webhook;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeWebhookReceiver;
import com.ailsocialautomation.net.GuardedHttp;
import com.ailsocialautomation.net.HttpLimits;
import com.ailsocialautomation.net.Resolver;
import com.ailsocialautomation.net.UrlGuard;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.testing.TestClock;
import com.sun.net.httpserver.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deliveries signed by the Standard Webhooks scheme, checked by {@link FakeWebhookReceiver} exactly as a receiver
 * library checks them: the secret as shown at connect, the id stable across retries, replays refused.
 */
class StandardWebhooksTest {
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private final TestClock clock = new TestClock(Instant.now());
    private FakeWebhookReceiver hook;
    private GuardedHttp http;

    @BeforeEach
    void start() throws Exception {
        hook = new FakeWebhookReceiver();
        hook.expectSecret(SECRET);
        http = new GuardedHttp(new UrlGuard(true, Resolver.system()), new HttpLimits(Duration.ofSeconds(2), Duration.ofSeconds(5), 1 << 20));
    }

    @AfterEach
    void stop() {
        hook.close();
        http.close();
    }

    private Credentials credentials(String secret) {
        return new Credentials(Secret.of(secret), null, null, hook.url(), "fp", "127.0.0.1/…ab", null);
    }

    private static PublishRequest post(UUID key) {
        return new PublishRequest("p3ph9", "Hello receivers", List.of(), List.of(), key, Instant.parse("2026-12-24T09:00:00Z"));
    }

    @Test
    void aDeliveryVerifiesWithTheSecretAsShownAndARetryKeepsItsWebhookId() {
        WebhookProvider provider = new WebhookProvider(http, clock);
        UUID key = UUID.randomUUID();
        provider.publish(credentials(SECRET), post(key));
        clock.advance(Duration.ofMinutes(2));
        provider.publish(credentials(SECRET), post(key)); // a retry of the same target
        assertEquals(0, hook.rejectedSignatures());
        assertEquals(List.of(key.toString(), key.toString()), hook.accepted().stream().map(FakeWebhookReceiver.Delivery::deliveryId).toList());
    }

    @Test
    void aCapturedDeliveryReplayedLaterIsRefusedByTheReceiver() {
        clock.set(Instant.now().minus(Duration.ofMinutes(10))); // as if captured ten minutes ago and sent again now
        PlatformError e = assertThrows(PlatformError.class, () -> new WebhookProvider(http, clock).publish(credentials(SECRET), post(UUID.randomUUID())));
        assertEquals(401, e.httpStatus());
        assertEquals(1, hook.rejectedSignatures());
    }

    @Test
    void aSecretShownBeforeThisSchemeSignsWithTheSameKeyOnceConvertedAsTheReadmeSays() {
        byte[] raw = new byte[32];
        Arrays.fill(raw, (byte) 0xFB); // encodes with the characters that differ between the two alphabets
        String old = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        assertTrue(old.contains("-") || old.contains("_"), old);
        String converted = "whsec_" + padded(old.substring(6).replace('-', '+').replace('_', '/'));
        byte[] body = "{\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8);
        Headers headers = new Headers();
        headers.add("webhook-id", "msg_1");
        headers.add("webhook-timestamp", "1796544000");
        headers.add("webhook-signature", WebhookSignature.standard(Secret.of(old), "msg_1", 1796544000, body));
        assertTrue(FakeWebhookReceiver.standardWebhooksVerify(converted, headers, body, 1796544000));
        assertFalse(FakeWebhookReceiver.standardWebhooksVerify(old, headers, body, 1796544000), "libraries refuse the URL-safe form");
        assertFalse(FakeWebhookReceiver.standardWebhooksVerify(converted, headers, "{\"text\":\"hi!\"}".getBytes(StandardCharsets.UTF_8), 1796544000));
    }

    private static String padded(String base64) {
        return base64 + "=".repeat((4 - base64.length() % 4) % 4);
    }
}
