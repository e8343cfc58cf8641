package com.ailsocialautomation.fakes;

import com.ailsocialautomation.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook endpoint on 127.0.0.1, as strict as a careful receiver: it requires POST, application/json, a valid
 * Standard Webhooks signature checked as the libraries check it (the secret's base64 after {@code whsec_} decoded
 * strictly, {@code v1,<base64 HMAC-SHA256 of id.timestamp.body>} among the space-separated signatures, a timestamp
 * within five minutes), the deprecated X-AIL-Signature and X-AIL-Delivery still present and right, and the
 * documented JSON fields. It records what it accepted, and
 * can be told to answer 5xx or 429, or to hang, for a number of requests.
 */
public final class FakeWebhookReceiver implements AutoCloseable {
    /** A delivery the receiver accepted. */
    public record Delivery(JsonNode body, String deliveryId, long receivedAtMillis) {}

    private final HttpServer server;
    private final List<Delivery> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger rejectedSignatures = new AtomicInteger();
    private volatile String secret;
    private volatile int failNext;
    private volatile int failStatus = 503;
    private volatile String retryAfter;
    private volatile String failBody = "{\"error\":\"try later\"}";
    private volatile CountDownLatch hang;
    private volatile CountDownLatch requestArrived = new CountDownLatch(1);
    private volatile long delayMillis;
    private volatile boolean dedupe;

    public FakeWebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public void expectSecret(String signingSecret) {
        this.secret = signingSecret;
    }

    /** The next {@code n} requests get {@code status} (with Retry-After when given). */
    public void failNext(int n, int status, String retryAfterSeconds) {
        this.failStatus = status;
        this.retryAfter = retryAfterSeconds;
        this.failNext = n;
    }

    /** Like {@link #failNext(int, int, String)}, answering {@code body} (what the receiver says about the failure). */
    public void failNext(int n, int status, String retryAfterSeconds, String body) {
        this.failBody = body;
        failNext(n, status, retryAfterSeconds);
    }

    /** Requests hang (never answer) until {@link #release()}. */
    public void hang() {
        hang = new CountDownLatch(1);
    }

    public void release() {
        if (hang != null) {
            hang.countDown();
        }
    }

    /** Remember delivery ids and answer a repeated one without posting again, as idempotent platforms do. */
    public void dedupeByDeliveryId() {
        this.dedupe = true;
    }

    public void delay(long millis) {
        this.delayMillis = millis;
    }

    public boolean awaitRequest(long seconds) throws InterruptedException {
        return requestArrived.await(seconds, TimeUnit.SECONDS);
    }

    public List<Delivery> accepted() {
        return List.copyOf(accepted);
    }

    public int requests() {
        return requests.get();
    }

    public int rejectedSignatures() {
        return rejectedSignatures.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        requestArrived.countDown();
        byte[] body = ex.getRequestBody().readAllBytes();
        try {
            if (hang != null) {
                hang.await(120, TimeUnit.SECONDS);
            }
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!"POST".equals(ex.getRequestMethod())) {
            answer(ex, 405, "{\"error\":\"POST only\"}");
            return;
        }
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            answer(ex, 415, "{\"error\":\"application/json required\"}");
            return;
        }
        String signature = ex.getRequestHeaders().getFirst("X-AIL-Signature");
        String deliveryId = ex.getRequestHeaders().getFirst("webhook-id");
        if (secret == null || !standardWebhooksVerify(secret, ex.getRequestHeaders(), body, System.currentTimeMillis() / 1000)
                || !deliveryId.equals(ex.getRequestHeaders().getFirst("X-AIL-Delivery"))
                || signature == null || !MessageDigest.isEqual(
                signature.getBytes(StandardCharsets.UTF_8), sign(body).getBytes(StandardCharsets.UTF_8))) {
            rejectedSignatures.incrementAndGet();
            answer(ex, 401, "{\"error\":\"bad signature\"}");
            return;
        }
        if (failNext > 0) {
            failNext--;
            if (retryAfter != null) {
                ex.getResponseHeaders().add("Retry-After", retryAfter);
            }
            answer(ex, failStatus, failBody);
            return;
        }
        JsonNode json = Json.MAPPER.readTree(body);
        for (String field : List.of("text", "media", "post_id", "scheduled_at")) {
            if (!json.has(field)) {
                answer(ex, 422, "{\"error\":\"missing " + field + "\"}");
                return;
            }
        }
        if (dedupe && accepted.stream().anyMatch(d -> d.deliveryId().equals(deliveryId))) {
            answer(ex, 200, "{\"ok\":true,\"duplicate\":true}"); // like Mastodon's Idempotency-Key
            return;
        }
        accepted.add(new Delivery(json, deliveryId, System.currentTimeMillis()));
        answer(ex, 200, "{\"ok\":true}");
    }

    /**
     * A receiver's check, as the Standard Webhooks libraries do it (and as the README shows): false for a missing
     * header, a timestamp more than five minutes away, a secret that is not {@code whsec_} + standard base64, or no
     * matching {@code v1} signature.
     */
    public static boolean standardWebhooksVerify(String secret, com.sun.net.httpserver.Headers headers, byte[] body, long nowSeconds) {
        String id = headers.getFirst("webhook-id");
        String timestamp = headers.getFirst("webhook-timestamp");
        String signatures = headers.getFirst("webhook-signature");
        if (id == null || timestamp == null || signatures == null || !timestamp.matches("\\d{1,12}")
                || Math.abs(nowSeconds - Long.parseLong(timestamp)) > 300) {
            return false;
        }
        byte[] key;
        try {
            key = java.util.Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = java.util.Base64.getEncoder().encode(mac.doFinal(
                    (id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
            for (String versioned : signatures.split(" ")) {
                String[] parts = versioned.split(",", 2);
                if (parts.length == 2 && parts[0].equals("v1") && MessageDigest.isEqual(expected, parts[1].getBytes(StandardCharsets.UTF_8))) {
                    return true;
                }
            }
            return false;
        } catch (IllegalArgumentException | java.security.GeneralSecurityException e) {
            return false;
        }
    }

    private String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
