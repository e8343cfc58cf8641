package com.ailsocialautomation.platform.youtube;

import com.ailsocialautomation.fakes.FakeYouTube;
import com.ailsocialautomation.media.IsoFixtures;
import com.ailsocialautomation.testing.Eventually;
import com.ailsocialautomation.testing.RealFlows;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * YouTube through the running service (RealFlows) against FakeYouTube: Ana connects her channel on Google's consent
 * page, posts a video whose upload is interrupted midway and goes on from the byte Google holds, runs out of the
 * project's daily quota (the post waits for midnight Pacific time and says so), and finds her channel asking for a
 * reconnect, once, when Google has revoked its refresh token.
 */
class YouTubeFlowTest {
    /** 20 s, 1280×720, a little over 8 MiB: two of AIL's 8 MiB chunks. */
    private static final byte[] VIDEO = IsoFixtures.movie("isom", 20 * 600, 600, 1280, 720, false, 8 * 1024 * 1024 + 300_000);

    @TempDir
    Path tmp;
    RealFlows flows;
    HttpServer files;

    @BeforeEach
    void start() throws Exception {
        flows = new RealFlows(tmp);
        flows.installSlack();
        files = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        files.createContext("/launch.mp4", exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().add("Content-Type", "video/mp4");
                exchange.sendResponseHeaders(200, VIDEO.length);
                exchange.getResponseBody().write(VIDEO);
            }
        });
        files.start();
    }

    @AfterEach
    void stop() throws Exception {
        files.stop(0);
        flows.close();
    }

    private String link() {
        return "http://127.0.0.1:" + files.getAddress().getPort() + "/launch.mp4";
    }

    private List<String> connect() throws Exception {
        return flows.connectYouTube(uri -> { });
    }

    @Test
    void anaConnectsHerChannelAndAnUploadInterruptedMidwayGoesOnFromWhereGoogleIs() throws Exception {
        AtomicReference<URI> consent = new AtomicReference<>();
        flows.connectYouTube(consent::set);
        Map<String, String> asked = query(consent.get());
        assertEquals("offline", asked.get("access_type"), "a refresh token is asked for");
        assertEquals("consent", asked.get("prompt"), "and asked anew, so Google sends one again");
        assertEquals("S256", asked.get("code_challenge_method"));
        assertEquals(FakeYouTube.UPLOAD + " " + FakeYouTube.READONLY, asked.get("scope"));
        assertFalse(asked.containsKey("include_granted_scopes"), "no earlier grants ride along");
        assertEquals(List.of(FakeYouTube.CHANNEL_ID + " " + FakeYouTube.HANDLE),
                flows.column("select external_id || ' ' || handle from social_accounts where platform = 'youtube'"));

        flows.youtube.dropChunk(1); // Google keeps 256 KiB of the first 8 MiB, then the connection drops
        String text = "Launch day\nEverything we shipped this week.";
        com.ailsocialautomation.message.Reply accepted = flows.run("post to:youtube media:" + link() + " " + text);
        assertTrue(accepted.text().startsWith("Post "), accepted.text());
        assertTrue(accepted.fields().stream().anyMatch(f -> f.toString().contains("Privacy") && f.toString().contains(
                "YouTube (@ailteam): private, AIL's default; privacy:public or privacy:unlisted changes it")), accepted.toString());
        flows.awaitState(text, "published");

        FakeYouTube.Video video = flows.youtube.videos().get(0);
        assertEquals(1, flows.youtube.videos().size());
        assertEquals("Launch day", video.title());
        assertEquals(text, video.description());
        assertEquals("private", video.privacy());
        assertEquals("https://www.youtube.com/watch?v=" + video.id(), flows.one("select url from post_targets"));
        List<String> ranges = flows.youtube.chunkRanges();
        int total = video.bytes();
        assertEquals(List.of("0-8388607/" + total, "262144-8650751/" + total, "8650752-" + (total - 1) + "/" + total), ranges,
                "the first chunk again from byte 262144, where Google was, not from the start");
        assertEquals(2, flows.youtube.sessionQuestions(), "where the session stands: before the first chunk and after the lost one");
        assertEquals(1, flows.youtube.insertsToday(), "one upload session");
        assertTrue(flows.inClear().isEmpty(), flows.inClear().toString());
        assertEquals(0, flows.count("select count(*) from media_uploads"), "the session is forgotten once published");

        com.ailsocialautomation.message.Reply chosen = flows.run("post to:youtube media:" + link()
                + " title:\"Spring release\" privacy:unlisted tags:launch,spring Second video");
        assertFalse(chosen.toString().contains("AIL's default"), chosen.toString());
        flows.awaitState("Second video", "published");
        FakeYouTube.Video second = flows.youtube.videos().get(1);
        assertEquals("Spring release", second.title());
        assertEquals("unlisted", second.privacy());
        assertEquals(List.of("launch", "spring"), second.tags());
        assertEquals("Second video", second.description());
    }

    @Test
    void aPostPastTheProjectsDailyQuotaWaitsForMidnightPacificTimeAndShowSaysSo() throws Exception {
        connect();
        flows.youtube.dailyInserts(0);
        flows.run("post to:youtube media:" + link() + " First of the day");
        Instant midnight = LocalDate.now(ZoneId.of("America/Los_Angeles")).plusDays(1)
                .atStartOfDay(ZoneId.of("America/Los_Angeles")).toInstant();
        String at = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(midnight);
        assertTrue(Eventually.eventually(Duration.ofSeconds(30), () -> flows.count(
                "select count(*) from post_targets where state = 'scheduled' and due_at = ?", java.sql.Timestamp.from(midnight)) == 1),
                "held until midnight in Los Angeles");

        String shown = flows.run("show " + flows.shortIdOf("First of the day")).toString();
        assertTrue(shown.contains("held: YouTube's daily quota for this server's Google project is used up"), shown);
        assertTrue(shown.contains("it goes at " + at + ", when YouTube's daily upload quota resets (midnight America/Los_Angeles)"), shown);
        assertEquals(0, flows.count("select attempts from post_targets"), "waiting is not an attempt");
        assertEquals(0, flows.count("select count(*) from post_targets where state = 'failed'"));

        flows.run("post to:youtube media:" + link() + " Second of the day");
        assertTrue(Eventually.eventually(Duration.ofSeconds(30), () -> flows.count(
                "select count(*) from post_targets where state = 'scheduled' and due_at = ?", java.sql.Timestamp.from(midnight)) == 2));
        assertEquals(1, flows.youtube.insertsToday(), "Google said the day is used up: the second post did not ask again");
        String second = flows.run("show " + flows.shortIdOf("Second of the day")).toString();
        assertTrue(second.contains("held: YouTube's daily upload quota (100 uploads a day) is used up; it goes at " + at), second);
    }

    @Test
    void disconnectGivesTheGrantBackToGoogle() throws Exception {
        List<String> tokens = connect();
        String reply = flows.run("disconnect youtube").text();
        assertTrue(Eventually.eventually(Duration.ofSeconds(10), () -> !flows.youtube.refreshTokenValid(tokens.get(1))), reply);
        assertFalse(flows.youtube.accessTokenValid(tokens.get(0)), "Google ends the access made from the grant too");
        assertEquals(0, flows.count("select count(*) from social_accounts where platform = 'youtube'"));
    }

    @Test
    void aRefreshTokenGoogleRevokedAsksForAReconnectOnce() throws Exception {
        List<String> tokens = connect();
        flows.youtube.expire(tokens.get(0));
        flows.youtube.revokeGrant(tokens.get(1));

        flows.run("post to:youtube media:" + link() + " After the grant ended");
        flows.awaitState("After the grant ended", "failed");
        assertEquals(List.of("needs_reconnect"), flows.column("select status from social_accounts where platform = 'youtube'"));
        String reason = flows.run("show " + flows.shortIdOf("After the grant ended")).toString();
        assertTrue(reason.contains("Google refused the refresh token (Token has been expired or revoked.)"), reason);

        String refused = flows.run("post to:youtube media:" + link() + " Still not reconnected").text();
        assertTrue(refused.startsWith("@ailteam (youtube, ") && refused.endsWith(") needs to be reconnected first: /ail connect youtube."),
                refused);
        assertEquals(1, flows.count("select count(*) from notifications where event_key like 'reconnect:%'"),
                "one request to reconnect, not one per post");
        assertTrue(flows.youtube.videos().isEmpty());
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
