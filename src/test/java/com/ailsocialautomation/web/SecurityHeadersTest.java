package com.ailsocialautomation.web;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class SecurityHeadersTest {
    /** The headers a browser must get on any response of AIL's, whatever its status. */
    public static void assertStrict(HttpResponse<?> response, String what) {
        String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
        for (String directive : List.of("default-src 'none'", "frame-ancestors 'none'", "form-action 'self'", "base-uri 'none'")) {
            assertTrue(csp.contains(directive), what + " lacks " + directive + ": " + csp);
        }
        assertFalse(csp.contains("script-src") || csp.contains("unsafe-inline"), what + ": " + csp);
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), what);
        assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(null), what);
    }

    public static HttpResponse<String> send(int port, String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded").build();
        // a client per request: a refused POST may close its connection, which a pooled client would reuse
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static WebServer server(boolean https) {
        PrivacyPolicy policy = PrivacyPolicy.load(null, "dpo@example.org");
        WebRoutes failing = routes -> routes.get("/boom", ctx -> {
            throw new IllegalStateException("a bug");
        });
        WebRoutes echo = routes -> routes.post("/echo", ctx -> ctx.result(ctx.body()));
        return new WebServer("127.0.0.1", 0, https, new SimpleMeterRegistry(),
                List.of(new PageRoutes(policy, null, null), failing, echo)).start();
    }

    @Test
    void pagesErrorsAndUnknownAddressesAllCarryTheStrictHeadersButNoHstsOverPlainHttp() throws Exception {
        try (WebServer web = server(false)) {
            HttpResponse<String> landing = send(web.port(), "GET", "/", null);
            assertEquals(200, landing.statusCode());
            assertStrict(landing, "the landing page");
            assertStrict(send(web.port(), "GET", "/privacy", null), "the privacy page");
            HttpResponse<String> missing = send(web.port(), "GET", "/nothing-here", null);
            assertEquals(404, missing.statusCode());
            assertStrict(missing, "a 404");
            HttpResponse<String> bug = send(web.port(), "GET", "/boom", null);
            assertEquals(500, bug.statusCode());
            assertStrict(bug, "a 500 page");
            HttpResponse<String> tooLarge = send(web.port(), "POST", "/echo", "a".repeat((int) WebServer.MAX_REQUEST_BYTES + 1));
            assertEquals(413, tooLarge.statusCode());
            assertStrict(tooLarge, "a 413 page");
            assertTrue(landing.headers().firstValue("Strict-Transport-Security").isEmpty(), "HSTS over plain http would be ignored");
        }
    }

    @Test
    void overHttpsBrowsersAreToldToUseNothingElse() throws Exception {
        try (WebServer web = server(true)) {
            for (String path : List.of("/", "/nothing-here", "/boom")) {
                HttpResponse<String> page = send(web.port(), "GET", path, null);
                assertStrict(page, path);
                assertEquals("max-age=31536000", page.headers().firstValue("Strict-Transport-Security").orElse(null), path);
            }
        }
    }

    @Test
    void theOnlyInlineStyleIsTheOneThePolicyAllowsByItsHash() throws Exception {
        try (WebServer web = server(false)) {
            HttpResponse<String> page = send(web.port(), "GET", "/", null);
            String body = page.body();
            String style = body.substring(body.indexOf("<style>") + 7, body.indexOf("</style>"));
            String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8)));
            assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("style-src 'sha256-" + hash + "'"));
            assertFalse(body.contains("<script") || body.contains(" style=") || body.matches("(?s).*\\son[a-z]+=.*"), "no script and no inline handlers");
        }
    }
}
