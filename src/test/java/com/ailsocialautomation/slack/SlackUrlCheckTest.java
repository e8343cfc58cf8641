package com.ailsocialautomation.slack;

import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.testing.TestClock;
import com.ailsocialautomation.web.WebServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Slack's own order: create the app, copy its signing secret, verify the request URL, and only then install.
 * With only SLACK_SIGNING_SECRET set, /slack/events already answers the signed URL check.
 */
class SlackUrlCheckTest {
    private final TestClock clock = new TestClock(Instant.now());

    @Test
    void withOnlyTheSigningSecretSetSlacksSignedUrlCheckIsAnsweredAndEverythingElseSaysWhatIsMissing() {
        Config.Slack partial = Config.from(Map.of("SLACK_SIGNING_SECRET", SignedRequests.SECRET)).slack();
        assertFalse(partial.complete());
        try (WebServer web = new WebServer("127.0.0.1", 0, new SimpleMeterRegistry(), List.of(new SlackUrlCheck(partial, clock))).start()) {
            SignedRequests requests = new SignedRequests(web.port(), clock);
            String challenge = "{\"token\":\"x\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}";
            HttpResponse<String> verified = requests.event(challenge, null);
            assertEquals(200, verified.statusCode());
            assertEquals("{\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\"}", verified.body());

            String ts = Long.toString(clock.instant().getEpochSecond());
            assertEquals(401, requests.postWith(challenge, ts, SignedRequests.sign("wrong-secret", ts, challenge)).statusCode());

            HttpResponse<String> command = requests.command("T1", "U1", "help", "https://hooks.slack.com/commands/x");
            assertEquals(503, command.statusCode());
            assertTrue(command.body().contains("set SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET"), command.body());
        }
    }
}
