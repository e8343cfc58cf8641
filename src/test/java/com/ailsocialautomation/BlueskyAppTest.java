package com.ailsocialautomation;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.testing.ServiceEnv;
import com.ailsocialautomation.command.Invocation;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.fakes.FakeBluesky;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.testing.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service as Main starts it, with AIL_BLUESKY_API_URL as the default PDS: connect, then post through the engine. */
class BlueskyAppTest {
    @TempDir
    Path tmp;

    @Test
    void aBlueskyAccountConnectedWithAnAppPasswordIsPostedToByTheRunningService() throws Exception {
        try (FakeBluesky pds = FakeBluesky.start()) {
            ServiceEnv env = ServiceEnv.in(tmp.resolve("data")).with("AIL_BLUESKY_API_URL", pds.url());
            try (App app = env.start()) {
                assertTrue(app.providers().find(Platform.BLUESKY).isPresent(), "on without any app credentials");
                Invocation ana = new Invocation(FrontEnd.SLACK, "T1", "U1", "Ana", false, null, null);

                // in Slack the app password is typed on AIL's own page behind a one-time link, never in a modal
                Reply reply = app.commands().run(ana, "connect bluesky ana.bsky.social");
                assertEquals(null, reply.form());
                Matcher link = Pattern.compile("http://\\S+/connect/bluesky\\?s=[A-Za-z0-9_-]{43}").matcher(reply.text());
                assertTrue(link.find(), reply.text());
                Browser browser = new Browser("Mozilla/5.0");
                HttpResponse<String> page = browser.get(link.group());
                assertTrue(page.body().contains("Ana asked AIL to connect the Bluesky account @ana.bsky.social on 127.0.0.1 to the "
                        + "Slack workspace \u201cT1\u201d."), page.body());
                assertTrue(page.body().contains("<input type=\"password\" name=\"password\""), page.body());
                assertEquals(0, pds.sessionsCreated(), "opening the page signs in nowhere");
                HttpResponse<String> forged = new Browser("Mozilla/5.0 (someone else)").post(link.group().replaceFirst("\\?s=.*", ""),
                        Map.of("s", link.group().replaceFirst(".*\\?s=", ""), "csrf", "x".repeat(43), "password", FakeBluesky.APP_PASSWORD));
                assertEquals(403, forged.statusCode(), "a POST that did not come from the page in this browser: " + forged.body());
                assertEquals(0, pds.sessionsCreated());
                HttpResponse<String> wrong = browser.submit(link.group(), page, Map.of("password", FakeBluesky.MAIN_PASSWORD));
                assertEquals(400, wrong.statusCode());
                assertTrue(wrong.body().contains("That is not an app password"), wrong.body());
                HttpResponse<String> connected = browser.submit(link.group(), page, Map.of("password", FakeBluesky.APP_PASSWORD));
                assertEquals(200, connected.statusCode(), connected.body());
                assertTrue(connected.body().contains("Connected Bluesky @ana.bsky.social"), connected.body());
                assertEquals("no-store", connected.headers().firstValue("Cache-Control").orElse(null));
                assertTrue(connected.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"),
                        "the sign-in ran off the request thread and its page still carries the strict headers");
                assertEquals(400, browser.submit(link.group(), page, Map.of("password", FakeBluesky.APP_PASSWORD)).statusCode(),
                        "the link worked once");

                Reply posted = app.commands().run(ana, "post to:bluesky Hello from AIL #launch");
                assertTrue(posted.text().contains("bluesky") || posted.text().contains("Bluesky"), posted.text());
                com.ailsocialautomation.testing.Eventually.eventually(Duration.ofSeconds(20), () -> !pds.posts().isEmpty());
                assertEquals(1, pds.posts().size());
                assertEquals("Hello from AIL #launch", pds.posts().get(0).path("text").asText());
                assertEquals("launch", pds.posts().get(0).path("facets").get(0).path("features").get(0).path("tag").asText());
                assertEquals(1, pds.sessionsCreated());
            }
        }
    }
}
