package com.ailsocialautomation.platform.linkedin;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeLinkedIn;
import com.ailsocialautomation.platform.ClientApp;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.DirectApiClient;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.platform.Published;
import com.ailsocialautomation.platform.ReplyTo;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A first comment under a LinkedIn post through the Comments API, against the strict FakeLinkedIn. */
class LinkedInCommentTest {
    private FakeLinkedIn linkedin;
    private LinkedInProvider provider;
    private Credentials credentials;

    @BeforeEach
    void start() {
        linkedin = FakeLinkedIn.start();
        provider = new LinkedInProvider(new DirectApiClient(Duration.ofSeconds(5)), linkedin.url(), linkedin.url(), "202603", Clock.systemUTC());
        credentials = new Credentials(Secret.of(linkedin.issue().accessToken()), null, null, null, FakeLinkedIn.MEMBER_ID, "Ada Lovelace",
                new ClientApp(FakeLinkedIn.CLIENT_ID, Secret.of(FakeLinkedIn.CLIENT_SECRET)));
    }

    @AfterEach
    void stop() {
        linkedin.close();
    }

    private static PublishRequest text(String text) {
        return new PublishRequest("p1", text, List.of(), List.of(), UUID.randomUUID(), Instant.now());
    }

    @Test
    void theCommentNamesThePostInThePathAndAsObjectWithTheMemberAsActor() {
        Published post = provider.publish(credentials, text("We are hiring"));
        Published comment = provider.comment(credentials, text("Apply here: https://example.com/jobs"), ReplyTo.post(post));

        JsonNode sent = linkedin.comments().get(0);
        assertEquals(FakeLinkedIn.MEMBER_URN, sent.path("actor").asText());
        assertEquals(post.externalId(), sent.path("object").asText());
        assertEquals("Apply here: https://example.com/jobs", sent.path("message").path("text").asText());
        assertEquals(sent.path("commentUrn").asText(), comment.externalId());
        assertTrue(comment.url().startsWith("https://www.linkedin.com/feed/update/" + post.externalId() + "/?commentUrn="
                + URLEncoder.encode(comment.externalId(), StandardCharsets.UTF_8)), comment.url());
        String path = linkedin.received().stream().filter(r -> r.path().endsWith("/comments")).findFirst().orElseThrow().rawPath();
        assertEquals("/rest/socialActions/" + URLEncoder.encode(post.externalId(), StandardCharsets.UTF_8) + "/comments", path);
    }

    @Test
    void aCommentOnAPostThatDoesNotExistOrOverLinkedInsLengthIsRefused() {
        Published post = provider.publish(credentials, text("Quarterly results"));
        PlatformError missing = assertThrows(PlatformError.class, () -> provider.comment(credentials, text("Details"),
                ReplyTo.post(new Published("urn:li:share:999", null, 201))));
        assertEquals(PlatformError.Kind.PERMANENT, missing.kind(), missing.getMessage());
        PlatformError tooLong = assertThrows(PlatformError.class, () -> provider.comment(credentials, text("x".repeat(1251)),
                ReplyTo.post(post)));
        assertEquals(PlatformError.Kind.PERMANENT, tooLong.kind(), tooLong.getMessage());
        assertEquals(List.of(), linkedin.comments());
    }
}
