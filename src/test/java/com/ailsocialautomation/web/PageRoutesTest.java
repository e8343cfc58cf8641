package com.ailsocialautomation.web;

import com.ailsocialautomation.testing.Http;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageRoutesTest {
    @TempDir
    Path tmp;

    @Test
    void theOperatorsPolicyFileIsShownEscapedWithTheContactFilledIn() throws Exception {
        Path file = Files.writeString(tmp.resolve("policy.txt"),
                "Example Corp policy <script>alert(1)</script>\nWrite to legal@ailsocialautomation.com.\n");
        PrivacyPolicy policy = PrivacyPolicy.load(file, "dpo@example.org");
        try (WebServer web = new WebServer("127.0.0.1", 0, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                List.of(new PageRoutes(policy, "https://ail.example.org/slack/install", null))).start()) {
            HttpResponse<String> page = Http.get(web.port(), "/privacy");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("Example Corp policy &lt;script&gt;"), page.body());
            assertTrue(page.body().contains("Write to dpo@example.org."));
            assertFalse(page.body().contains("<script>"));
            assertFalse(page.body().contains("Information We Collect"), "not the default policy");

            String landing = Http.get(web.port(), "/").body();
            assertTrue(landing.contains("href=\"https://ail.example.org/slack/install\">Add to Slack"), landing);
            assertTrue(landing.contains("Discord is not configured on this server."));
        }
    }
}
