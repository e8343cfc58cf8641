package com.ailsocialautomation;

import com.ailsocialautomation.command.BlueskyLinker;
import com.ailsocialautomation.command.Invocation;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.fakes.FakeBluesky;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service as Main starts it, with AIL_BLUESKY_API_URL as the default PDS: connect, then post through the engine. */
class BlueskyAppTest {
    @TempDir
    Path tmp;

    @Test
    void aBlueskyAccountConnectedWithAnAppPasswordIsPostedToByTheRunningService() throws Exception {
        try (FakeBluesky pds = FakeBluesky.start()) {
            Map<String, String> env = new HashMap<>();
            env.put("AIL_DATABASE_URL", PostgresExtension.jdbcUrl(PostgresExtension.newDatabase()));
            env.put("AIL_DATABASE_USER", "postgres");
            env.put("AIL_ENCRYPTION_KEY", PostgresExtension.MASTER_KEY_BASE64);
            env.put("AIL_DATA_DIR", tmp.resolve("data").toString());
            env.put("AIL_PORT", "0");
            env.put("AIL_INSECURE_LOOPBACK", "true");
            env.put("AIL_BLUESKY_API_URL", pds.url());
            env.put("AIL_POLL_INTERVAL_MS", "100");
            try (App app = App.start(Config.from(env))) {
                assertTrue(app.providers().find("bluesky").isPresent(), "on without any app credentials");
                Invocation ana = new Invocation("slack", "T1", "U1", "Ana", false, null, null);

                Reply form = app.commands().run(ana, "connect bluesky ana.bsky.social");
                assertEquals("bluesky-login:ana.bsky.social", form.form().submitAction());
                Reply connected = app.commands().submit(ana, form.form().submitAction(),
                        Map.of(BlueskyLinker.PASSWORD, FakeBluesky.APP_PASSWORD));
                assertTrue(connected.text().startsWith("Connected Bluesky @ana.bsky.social"), connected.text());

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
