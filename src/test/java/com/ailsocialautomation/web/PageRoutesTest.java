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

    @Test
    void termsAreTheOperatorsFileWhenGivenElseThePlainDefaultAndEveryPageLinksThem() throws Exception {
        Path file = Files.writeString(tmp.resolve("terms.txt"), "Example Corp terms: be kind <b>always</b>.\n");
        try (WebServer web = new WebServer("127.0.0.1", 0, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                List.of(new PageRoutes(PrivacyPolicy.load(null, "dpo@example.org"), null, null),
                        TermsRoutes.load(file, "dpo@example.org"))).start()) {
            HttpResponse<String> terms = Http.get(web.port(), "/terms");
            assertEquals(200, terms.statusCode());
            assertTrue(terms.body().contains("Example Corp terms: be kind &lt;b&gt;always&lt;/b&gt;."), terms.body());
            assertTrue(terms.body().contains("For questions about these terms, contact: dpo@example.org"), terms.body());
            for (String path : List.of("/", "/privacy", "/terms", "/no-such-page")) {
                String body = Http.get(web.port(), path).body();
                assertTrue(body.contains("<a href=\"/terms\">Terms of service</a>"), path + ": " + body);
                assertTrue(body.contains("<a href=\"/privacy\">Privacy policy</a>"), path + ": " + body);
            }
        }
        String shipped = TermsRoutes.load(null, "dpo@example.org").text();
        assertTrue(shipped.startsWith("Terms of Service"), shipped);
        assertTrue(shipped.contains("/ail forget-me deletes your data"), shipped);
        assertTrue(shipped.contains("contact: dpo@example.org"), shipped);
        assertFalse(shipped.contains("legal@ailsocialautomation.com"), shipped);
    }

    @Test
    void theShippedPolicyTellsPeopleTheyCanDeleteTheirDataThemselves() {
        String policy = PrivacyPolicy.load(null, "dpo@example.org").text();
        assertTrue(policy.contains("You can delete your data yourself at any time: /ail forget-me"), policy);
        assertTrue(policy.contains("/ail my-data"), policy);
    }
}
