package com.ailsocialautomation.web;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.store.Database;
import com.ailsocialautomation.testing.Http;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.TcpProxy;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthRoutesTest {

    @Test
    void readinessIs503WhileTheDatabaseHasNeverAnsweredAndLivenessStays200() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (Database db = Database.over("jdbc:postgresql://127.0.0.1:" + closedPort + "/ail", "ail", null, null);
             WebServer web = server(db)) {
            HttpResponse<String> ready = Http.get(web.port(), "/readyz");
            assertEquals(503, ready.statusCode());
            assertTrue(ready.body().contains("not ready"), ready.body());
            assertEquals(200, Http.get(web.port(), "/healthz").statusCode());
        }
    }

    @Test
    void readinessTurns503WhenTheDatabaseStopsAnsweringAndTheProbeStillAnswersWithinSeconds() throws Exception {
        String name = PostgresExtension.newDatabase();
        URI url = URI.create(PostgresExtension.jdbcUrl(name).substring("jdbc:".length()));
        try (TcpProxy network = new TcpProxy(url.getHost(), url.getPort());
             Database db = Database.over("jdbc:postgresql://127.0.0.1:" + network.port() + "/" + name, "postgres", null, null);
             WebServer web = server(db)) {
            db.migrate();
            assertEquals(200, Http.get(web.port(), "/readyz").statusCode());

            network.freeze();
            for (int probe = 0; probe < 3; probe++) {
                long start = System.nanoTime();
                HttpResponse<String> ready = Http.get(web.port(), "/readyz");
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertEquals(503, ready.statusCode());
                assertTrue(millis < 2_500, "a probe must not wait for the pool's timeouts, took " + millis + " ms");
            }
        }
    }

    @Test
    void metricsAreServedOnlyToAScraperWithTheTokenAndAreOffWithoutOne() throws Exception {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        metrics.counter("ail.test.visible").increment();
        String token = "scrape-token-0123456789abcdef";
        try (WebServer web = new WebServer("127.0.0.1", 0, metrics,
                     List.of(new HealthRoutes(() -> true, metrics, Secret.of(token)))).start();
             WebServer off = new WebServer("127.0.0.1", 0, metrics, List.of(new HealthRoutes(() -> true, metrics, null))).start()) {
            HttpResponse<String> anonymous = Http.get(web.port(), "/metrics");
            assertEquals(401, anonymous.statusCode());
            assertEquals("Bearer", anonymous.headers().firstValue("WWW-Authenticate").orElse(""));
            assertFalse(anonymous.body().contains("ail_test_visible"));
            assertEquals(401, scrape(web.port(), "wrong-token-0123456789abcdef").statusCode());
            HttpResponse<String> scraped = scrape(web.port(), token);
            assertEquals(200, scraped.statusCode());
            assertTrue(scraped.body().contains("ail_test_visible_total 1.0"), scraped.body());

            HttpResponse<String> disabled = scrape(off.port(), token);
            assertEquals(404, disabled.statusCode());
            assertEquals("Metrics are off: set AIL_METRICS_TOKEN and scrape with that bearer token.", disabled.body());
        }
    }

    /** Answers are copied through a buffer smaller than Javalin's default (WebServer): a large one still arrives whole. */
    @Test
    void aScrapeManyTimesLargerThanTheResponseBufferArrivesWhole() throws Exception {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        for (int i = 0; i < 2_000; i++) {
            metrics.counter("ail.test.many", "n", Integer.toString(i)).increment(i);
        }
        String token = "scrape-token-0123456789abcdef";
        try (WebServer web = new WebServer("127.0.0.1", 0, metrics,
                List.of(new HealthRoutes(() -> true, metrics, Secret.of(token)))).start()) {
            HttpResponse<String> scraped = scrape(web.port(), token);
            assertEquals(200, scraped.statusCode());
            assertTrue(scraped.body().length() > 8 * 8 * 1024, "a large answer: " + scraped.body().length());
            for (int i = 0; i < 2_000; i++) {
                assertTrue(scraped.body().contains("ail_test_many_total{n=\"" + i + "\"} " + i + ".0"), "counter " + i);
            }
        }
    }

    private static HttpResponse<String> scrape(int port, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static WebServer server(Database db) {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        return new WebServer("127.0.0.1", 0, metrics, List.of(new HealthRoutes(db::ready, metrics, null))).start();
    }
}
