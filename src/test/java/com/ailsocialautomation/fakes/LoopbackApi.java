package com.ailsocialautomation.fakes;

import com.ailsocialautomation.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A fake platform API served on 127.0.0.1 by the JDK's HttpServer. It records every request, waits first when told
 * to be slow, gives a path's queued one-off answer (a 429, a failure) instead of routing, spoils the next 2xx
 * answer of a path when told to, and writes the answer. Subclasses route, and say how their platform's answers
 * look when spoilt and what headers every answer carries.
 */
public abstract class LoopbackApi implements AutoCloseable {
    /** One request as the fake received it; {@code rawPath} keeps the encoding the client used. */
    public record Received(String method, String path, String rawPath, String query, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        /** The token of an {@code Authorization: Bearer} header; null without one. */
        public String bearer() {
            String header = header("Authorization");
            return header == null || !header.startsWith("Bearer ") ? null : header.substring(7);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public Map<String, String> form() {
            return parseForm(text());
        }

        /** The body as JSON; a body that is not JSON ends the route with the platform's 400 ({@link #badJson}). */
        public JsonNode json() {
            try {
                JsonNode node = Json.MAPPER.readTree(body);
                if (node == null || node.isMissingNode()) {
                    throw new MalformedJson("empty body");
                }
                return node;
            } catch (IOException e) {
                throw new MalformedJson("not JSON: " + text());
            }
        }
    }

    /** A request body a route read as JSON was not JSON: the platform answers 400, it does not drop the connection. */
    public static final class MalformedJson extends RuntimeException {
        MalformedJson(String message) {
            super(message);
        }
    }

    /** An answer: status, headers, body (null: none). */
    protected record Answer(int status, Map<String, String> headers, String body) {
        /** {@code value} as JSON, with that Content-Type (null: none). */
        static Answer json(int status, String contentType, Object value) {
            try {
                return new Answer(status, contentType == null ? Map.of() : Map.of("Content-Type", contentType),
                        Json.MAPPER.writeValueAsString(value));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** No answer at all: the connection closes as if it dropped mid-request. */
        static Answer dropped() {
            return new Answer(-1, Map.of(), null);
        }

        /** This answer with {@code more} headers too. */
        Answer with(Map<String, String> more) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.putAll(more);
            return new Answer(status, all, body);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answerOnce = new ConcurrentHashMap<>();
    private final Set<String> malformedOnce = ConcurrentHashMap.newKeySet();
    private final Map<String, Duration> lateOnce = new ConcurrentHashMap<>();
    private final Map<String, Integer> deferred = new ConcurrentHashMap<>();
    private volatile Duration delay = Duration.ZERO;

    /** Binds a free port on 127.0.0.1; {@link #serve} starts answering on it. */
    protected LoopbackApi(String name) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("could not start the fake " + name, e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    protected static <T extends LoopbackApi> T serve(T fake) {
        ((LoopbackApi) fake).server.start();
        return fake;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every answer waits this long first. */
    public void slow(Duration delay) {
        this.delay = delay;
    }

    /** The next request to {@code path} gets a 2xx that is not what the API promises (see {@link #malformed}). */
    public void malformNext(String path) {
        malformedOnce.add(path);
    }

    /**
     * The next request to {@code path} is carried out (a post is stored), then its answer waits {@code silence}:
     * the platform acted, and a client with a shorter timeout never hears of it.
     */
    public void actThenStaySilent(String path, Duration silence) {
        lateOnce.put(path, silence);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String method, String path) {
        return received.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * The one-time controls set for {@code path} (the next request's answer, its malformed or late answer, a fake's
     * slowNext) wait for {@code requests} more requests to it, answered as usual: "the third part of a thread is slow".
     */
    public void afterRequests(String path, int requests) {
        deferred.put(path, requests);
    }

    /** Whether the one-time controls apply to this request (see {@link #afterRequests}). */
    private boolean onceApplies(String path) {
        boolean[] applies = {true};
        deferred.computeIfPresent(path, (p, left) -> {
            applies[0] = left == 0;
            return left == 0 ? null : left - 1;
        });
        return applies[0];
    }

    /** The next request to {@code path} gets {@code answer} without being routed. */
    protected final void answerNext(String path, Answer answer) {
        answerOnce.put(path, answer);
    }

    protected abstract Answer route(Received request);

    /** How long to wait before answering {@code request}. */
    protected Duration delay(Received request) {
        return delay;
    }

    /** What a spoilt 2xx looks like. */
    protected Answer malformed(Answer answer) {
        return new Answer(answer.status(), answer.headers(), "<html>upstream error</html>");
    }

    /** What the platform answers to a body that should be JSON and is not: its own 400. */
    protected Answer badJson(Received request) {
        return Answer.json(400, "application/json", Map.of("error", "malformed JSON"));
    }

    /** The answer as it goes out: here the platform adds the headers every answer carries. */
    protected Answer finish(Received request, Answer answer) {
        return answer;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            URI uri = exchange.getRequestURI();
            Received request = new Received(exchange.getRequestMethod(), uri.getPath(), uri.getRawPath(), uri.getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes());
            received.add(request);
            boolean once = onceApplies(request.path());
            Duration wait = once ? delay(request) : delay;
            if (!wait.isZero()) {
                Thread.sleep(wait.toMillis());
            }
            Answer given = once ? answerOnce.remove(request.path()) : null;
            Answer answer;
            try {
                answer = given != null ? given : route(request);
            } catch (MalformedJson e) {
                answer = badJson(request);
            }
            if (answer.status() < 0) {
                return; // closed below without a status line: the client sees the connection drop
            }
            if (once && answer.status() / 100 == 2 && malformedOnce.remove(request.path())) {
                answer = malformed(answer);
            }
            answer = finish(request, answer);
            Duration silence = once ? lateOnce.remove(request.path()) : null;
            if (silence != null) {
                Thread.sleep(silence.toMillis());
            }
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] out = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed while slow: nobody waits for the answer
        } catch (RuntimeException e) {
            e.printStackTrace(); // a bug in a fake must fail a test, not hang a connection
            exchange.sendResponseHeaders(500, -1);
        } finally {
            exchange.close();
        }
    }

    /** Where a platform's consent page sent the browser back: AIL's callback with the code and state. */
    public record Callback(String code, String state) {}

    /**
     * Opens an authorize URL as the person's browser would, consents, and returns the Location of the redirect
     * back to AIL; anything but a 302 fails the test with the platform's answer.
     */
    static String consent(URI authorizeUrl, String platform) {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        try {
            java.net.http.HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(authorizeUrl).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 302) {
                throw new AssertionError(platform + " refused the authorize request: " + response.statusCode() + " " + response.body());
            }
            return response.headers().firstValue("Location").orElseThrow();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The code and state in a callback URL. */
    static Callback callback(String location) {
        Map<String, String> query = parseForm(URI.create(location).getRawQuery());
        return new Callback(query.get("code"), query.get("state"));
    }

    static Map<String, String> parseForm(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
