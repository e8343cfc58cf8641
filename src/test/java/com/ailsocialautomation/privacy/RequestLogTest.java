package com.ailsocialautomation.privacy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.ailsocialautomation.testing.Http;
import com.ailsocialautomation.web.WebServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A request that fails is logged by its route, never by the path it came with: paths can carry one-time tokens. */
class RequestLogTest {
    @Test
    void aFailedRequestIsLoggedWithItsRouteTemplateNotItsTokenOrQuery() {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        try (WebServer web = new WebServer("127.0.0.1", 0, new SimpleMeterRegistry(), List.of(routes -> routes.get("/connect/{token}", ctx -> {
            throw new IllegalStateException("a bug in a handler");
        }))).start()) {
            java.net.http.HttpResponse<String> failed = Http.get(web.port(), "/connect/one-time-token-5q5q?code=oauth-code-6r6r");
            assertEquals(500, failed.statusCode());
            String requestId = failed.headers().firstValue("X-Request-Id").orElseThrow();
            assertTrue(failed.body().contains("quote error id " + requestId), "the page quotes the request's id: " + failed.body());
            assertTrue(logged.list.stream().anyMatch(e -> requestId.equals(e.getMDCPropertyMap().get("request_id"))),
                    "the log line carries the same id");
        } finally {
            root.detachAppender(logged);
        }
        List<String> lines = logged.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Request GET /connect/{token} failed (error id ")), lines.toString());
        assertFalse(lines.stream().anyMatch(l -> l.contains("one-time-token-5q5q") || l.contains("oauth-code-6r6r")), lines.toString());
    }
}
