package com.ailsocialautomation.slack;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Requests to {@code POST /slack/events} exactly as Slack sends them: slash commands as forms, interactivity as a
 * form with one {@code payload} field of JSON, events as JSON; each signed with
 * {@code v0=hex(HMAC-SHA256(signing secret, "v0:" + timestamp + ":" + body))} at the time the clock says.
 */
final class SignedRequests {
    static final String SECRET = "test-signing-secret-0123456789abcdef";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final int port;
    private final Clock clock;

    SignedRequests(int port, Clock clock) {
        this.port = port;
        this.clock = clock;
    }

    /** {@code /ail <text>} from {@code userId} in team {@code teamId}. */
    HttpResponse<String> command(String teamId, String userId, String text, String responseUrl) {
        return command(null, teamId, userId, text, responseUrl);
    }

    /** As from a workspace of Enterprise Grid organisation {@code enterpriseId} where the app is installed org-wide. */
    HttpResponse<String> command(String enterpriseId, String teamId, String userId, String text, String responseUrl) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "deprecated-verification-token");
        form.put("team_id", teamId);
        form.put("team_domain", "ail-test");
        form.put("channel_id", "C0GENERAL");
        form.put("channel_name", "general");
        form.put("user_id", userId);
        form.put("user_name", userId.toLowerCase());
        form.put("command", "/ail");
        form.put("text", text);
        form.put("api_app_id", "A0AIL");
        if (enterpriseId != null) {
            form.put("enterprise_id", enterpriseId);
            form.put("enterprise_name", "Big Org");
        }
        form.put("is_enterprise_install", Boolean.toString(enterpriseId != null));
        form.put("response_url", responseUrl);
        form.put("trigger_id", "1337.42.trigger" + userId);
        return post(form(form), "application/x-www-form-urlencoded");
    }

    HttpResponse<String> interactivity(String payloadJson) {
        return post("payload=" + URLEncoder.encode(payloadJson, StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
    }

    HttpResponse<String> event(String json, Integer retryNum) {
        String ts = Long.toString(clock.instant().getEpochSecond());
        HttpRequest.Builder b = request(json, "application/json", ts, sign(ts, json));
        if (retryNum != null) {
            b.header("X-Slack-Retry-Num", retryNum.toString()).header("X-Slack-Retry-Reason", "http_timeout");
        }
        return send(b.build());
    }

    HttpResponse<String> post(String body, String contentType) {
        String ts = Long.toString(clock.instant().getEpochSecond());
        return send(request(body, contentType, ts, sign(ts, body)).build());
    }

    /**
     * Sends only the headers of a POST that declares {@code declaredLength} body bytes, and returns the status line
     * the server answers with before any body byte arrives (the JDK client would be cut off mid-body instead).
     */
    String statusForDeclaredLength(long declaredLength) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String ts = Long.toString(clock.instant().getEpochSecond());
            String head = "POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nX-Slack-Request-Timestamp: " + ts + "\r\n"
                    + "X-Slack-Signature: v0=00\r\nContent-Length: " + declaredLength + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the server did not answer the declared length", e);
        }
    }

    HttpResponse<String> postWith(String body, String timestamp, String signature) {
        return send(request(body, "application/x-www-form-urlencoded", timestamp, signature).build());
    }

    HttpResponse<String> get(String pathAndQuery, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return send(b.build());
    }

    private HttpRequest.Builder request(String body, String contentType, String ts, String signature) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", contentType)
                .header("User-Agent", "Slackbot 1.0 (+https://api.slack.com/robots)")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (ts != null) {
            b.header("X-Slack-Request-Timestamp", ts);
        }
        if (signature != null) {
            b.header("X-Slack-Signature", signature);
        }
        return b;
    }

    static String sign(String timestamp, String body) {
        return sign(SECRET, timestamp, body);
    }

    static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        }
    }
}
