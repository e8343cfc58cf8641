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
 * X-AIL-Signature under the secret it is told, and the documented JSON fields. It records what it accepted, and
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
        if (secret == null || signature == null || !MessageDigest.isEqual(
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
            answer(ex, failStatus, "{\"error\":\"try later\"}");
            return;
        }
        JsonNode json = Json.MAPPER.readTree(body);
        for (String field : List.of("text", "media", "post_id", "scheduled_at")) {
            if (!json.has(field)) {
                answer(ex, 422, "{\"error\":\"missing " + field + "\"}");
                return;
            }
        }
        String deliveryId = ex.getRequestHeaders().getFirst("X-AIL-Delivery");
        if (dedupe && accepted.stream().anyMatch(d -> d.deliveryId().equals(deliveryId))) {
            answer(ex, 200, "{\"ok\":true,\"duplicate\":true}"); // like Mastodon's Idempotency-Key
            return;
        }
        accepted.add(new Delivery(json, deliveryId, System.currentTimeMillis()));
        answer(ex, 200, "{\"ok\":true}");
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
