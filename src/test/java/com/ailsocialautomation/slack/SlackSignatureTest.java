package com.ailsocialautomation.slack;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.testing.TestClock;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue point 2: only correctly signed, fresh requests reach Bolt; anything else is a 401 and nothing runs. */
class SlackSignatureTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static SlackRig rig;

    @BeforeAll
    static void start() throws Exception {
        rig = SlackRig.single(pg);
    }

    @AfterAll
    static void stop() throws Exception {
        rig.close();
    }

    private static String accountsCommand(String team) {
        return SignedRequests.form(Map.of("team_id", team, "user_id", "U1", "user_name", "ana", "command", "/ail",
                "text", "accounts", "channel_id", "C1", "response_url", rig.slack.responseUrl("sig"), "trigger_id", "1.2.3"));
    }

    private static void assertNothingRan(String team, int slackCallsBefore) {
        assertTrue(rig.workspaces.find(FrontEnd.SLACK, team).isEmpty(), "no workspace was created for " + team);
        assertEquals(slackCallsBefore, rig.slack.all().size(), "Slack was not called");
    }

    @Test
    void aSignatureMadeWithAnotherSecretIs401AndTheCommandNeverRuns() {
        int before = rig.slack.all().size();
        String body = accountsCommand("TBADSIG");
        String ts = Long.toString(rig.clock.instant().getEpochSecond());
        HttpResponse<String> r = rig.requests.postWith(body, ts, SignedRequests.sign("not-the-secret", ts, body));
        assertEquals(401, r.statusCode());
        assertFalse(r.body().contains("accounts"), "the refusal does not echo the body");
        assertNothingRan("TBADSIG", before);
    }

    @Test
    void aBodyChangedAfterSigningIs401() {
        int before = rig.slack.all().size();
        String ts = Long.toString(rig.clock.instant().getEpochSecond());
        String signed = accountsCommand("TTAMPER");
        HttpResponse<String> r = rig.requests.postWith(signed.replace("accounts", "forget-me"), ts, SignedRequests.sign(ts, signed));
        assertEquals(401, r.statusCode());
        assertNothingRan("TTAMPER", before);
    }

    @Test
    void missingHeadersAre401() {
        int before = rig.slack.all().size();
        String body = accountsCommand("TNOHEAD");
        assertEquals(401, rig.requests.postWith(body, null, null).statusCode());
        String ts = Long.toString(rig.clock.instant().getEpochSecond());
        assertEquals(401, rig.requests.postWith(body, ts, null).statusCode());
        assertEquals(401, rig.requests.postWith(body, null, SignedRequests.sign(ts, body)).statusCode());
        assertNothingRan("TNOHEAD", before);
    }

    @Test
    void aTimestampMoreThanFiveMinutesOldOrAheadIs401EvenWhenCorrectlySigned() {
        int before = rig.slack.all().size();
        String body = accountsCommand("TSTALE");
        for (Duration skew : new Duration[] {Duration.ofSeconds(-301), Duration.ofSeconds(301), Duration.ofHours(-2), Duration.ofDays(1)}) {
            String ts = Long.toString(rig.clock.instant().plus(skew).getEpochSecond());
            assertEquals(401, rig.requests.postWith(body, ts, SignedRequests.sign(ts, body)).statusCode(), "skew " + skew);
        }
        assertNothingRan("TSTALE", before);
    }

    @Test
    void aTimestampWithinFiveMinutesEitherWayIsAccepted() {
        rig.user("U1", "Ana", "Europe/Berlin", false);
        for (Duration skew : new Duration[] {Duration.ofSeconds(-299), Duration.ofSeconds(299)}) {
            String body = accountsCommand("TFRESH");
            String ts = Long.toString(rig.clock.instant().plus(skew).getEpochSecond());
            assertEquals(200, rig.requests.postWith(body, ts, SignedRequests.sign(ts, body)).statusCode(), "skew " + skew);
        }
    }

    @Test
    void slacksUrlVerificationIsAnsweredWhenSignedAndRefusedWhenNot() {
        String challenge = "{\"token\":\"x\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}";
        HttpResponse<String> signed = rig.requests.event(challenge, null);
        assertEquals(200, signed.statusCode());
        assertTrue(signed.body().contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"), signed.body());
        String ts = Long.toString(rig.clock.instant().getEpochSecond());
        assertEquals(401, rig.requests.postWith(challenge, ts, SignedRequests.sign("wrong", ts, challenge)).statusCode());
    }

    @Test
    void aBodyAboveTheLimitIsRefusedBeforeItIsVerified() {
        // declared too large: refused from the headers alone, before a byte of the body is read
        assertTrue(rig.requests.statusForDeclaredLength(SlackRoutes.MAX_BODY_BYTES + 1L).startsWith("HTTP/1.1 413"));
    }

    @Test
    void theVerifierChecksTheExactBytesAndTheWindowWithTheInjectedClock() {
        TestClock clock = new TestClock(Instant.parse("2026-06-01T12:00:00Z"));
        SlackSignature signature = new SlackSignature(Secret.of("s3cret"), clock);
        byte[] body = "payload=%7B%22a%22%3A1%7D".getBytes(StandardCharsets.UTF_8);
        String ts = Long.toString(clock.instant().getEpochSecond());
        String good = SignedRequests.sign("s3cret", ts, new String(body, StandardCharsets.UTF_8));
        assertTrue(signature.verify(ts, good, body));
        assertFalse(signature.verify(ts, good.toUpperCase().replace("V0=", "v0="), body), "hex case matters");
        assertFalse(signature.verify(ts, good.substring(3), body), "the v0= prefix is required");
        assertFalse(signature.verify(ts + " ", good, body));
        assertFalse(signature.verify("-" + ts, good, body));
        clock.advance(Duration.ofSeconds(300));
        assertTrue(signature.verify(ts, good, body), "exactly five minutes old");
        clock.advance(Duration.ofSeconds(1));
        assertFalse(signature.verify(ts, good, body), "five minutes and a second");
        clock.advance(Duration.ofSeconds(-601));
        assertTrue(signature.verify(ts, good, body), "five minutes ahead");
        clock.advance(Duration.ofSeconds(-1));
        assertFalse(signature.verify(ts, good, body), "more than five minutes ahead");
    }
}
