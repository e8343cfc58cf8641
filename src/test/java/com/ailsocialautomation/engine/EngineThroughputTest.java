package com.ailsocialautomation.engine;

import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.fakes.FakeWebhookReceiver;
import com.ailsocialautomation.net.GuardedHttp;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.Profile;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.platform.Published;
import com.ailsocialautomation.platform.webhook.WebhookProvider;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.TargetState;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the engine's speed means for people: posts leave on their second, and many slow answers overlap. */
class EngineThroughputTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static EngineRig rig;
    FakeWebhookReceiver hook;
    EngineRig.Fixture f;

    @BeforeAll
    static void wire() {
        rig = new EngineRig(pg.dataSource(), pg.vault());
    }

    @AfterAll
    static void unwire() {
        rig.close();
    }

    @BeforeEach
    void receiver() throws Exception {
        hook = new FakeWebhookReceiver();
        f = rig.webhookFixture(hook, "whsec_test");
    }

    @AfterEach
    void stop() {
        rig.stopEngines();
        hook.close();
    }

    @Test
    void aPostLeavesAtItsTimeEvenWhenTheSchedulerPollsRarely() throws Exception {
        rig.post(f, "first, found by the first poll", Instant.now()); // and the client's first connection made
        // polling every 20 s: without the alarm the post would wait up to 20 s after its time
        rig.startWebhookEngine(new Config.Engine(Duration.ofSeconds(20), Duration.ofSeconds(3), 5, 4, Duration.ofMillis(300)));
        assertTrue(eventually(Duration.ofSeconds(15), () -> hook.accepted().size() == 1), "the first post arrived");
        Instant due = Instant.now().plusSeconds(2);
        rig.post(f, "on the dot", due);
        assertTrue(eventually(Duration.ofSeconds(15), () -> hook.accepted().size() == 2), "the post arrived");
        long late = hook.accepted().get(1).receivedAtMillis() - due.toEpochMilli();
        assertTrue(late < 1500, "the post arrived " + late + " ms after its time");
    }

    @Test
    void slowAnswersOverlapSoThatManyDuePostsGoOutTogether() throws Exception {
        hook.delay(500);
        List<Post> posts = new ArrayList<>();
        Instant due = Instant.now().plusMillis(1500);
        for (int i = 0; i < 24; i++) {
            posts.add(rig.post(f, "burst " + i, due));
        }
        rig.startWebhookEngine(new Config.Engine(Duration.ofMillis(200), Duration.ofSeconds(3), 5, 24, Duration.ofMillis(300)));
        assertTrue(eventually(Duration.ofSeconds(30), () -> hook.accepted().size() == 24), "every post arrived");
        long first = hook.accepted().stream().mapToLong(FakeWebhookReceiver.Delivery::receivedAtMillis).min().orElseThrow();
        long last = hook.accepted().stream().mapToLong(FakeWebhookReceiver.Delivery::receivedAtMillis).max().orElseThrow();
        // one at a time the 24 answers would take 12 s; a few threads' worth of overlap still ends far sooner
        assertTrue(last - first < 4000, "the 24 requests spread over " + (last - first) + " ms");
        assertTrue(eventually(Duration.ofSeconds(10), () -> posts.stream()
                .allMatch(p -> rig.reload(p).targets().get(0).state() == TargetState.PUBLISHED)), "each is recorded published");
        assertEquals(24, hook.requests(), "each post was sent once");
    }

    /** The webhook as a platform with a cap of two publishes at once (as Mastodon or X have one). */
    private static final class CappedWebhook implements Provider {
        private final WebhookProvider webhook;

        CappedWebhook(GuardedHttp http) {
            webhook = new WebhookProvider(http, Clock.systemUTC());
        }

        @Override public Platform platform() { return Platform.WEBHOOK; }
        @Override public int maxInFlight() { return 2; }
        @Override public boolean uploadsMedia() { return false; }
        @Override public Profile profile(Credentials c) { return webhook.profile(c); }
        @Override public Published publish(Credentials c, PublishRequest r) { return webhook.publish(c, r); }
    }

    @Test
    void aPlatformNeverGetsMoreAtOnceThanItsCapAndShowSaysAPostWaitsForItsTurn() throws Exception {
        hook.hang(); // the receiver holds every request until released
        List<Post> posts = new ArrayList<>();
        Instant due = Instant.now().plusMillis(500);
        for (int i = 0; i < 6; i++) {
            posts.add(rig.post(f, "capped " + i, due));
        }
        rig.startEngine(new Config.Engine(Duration.ofMillis(200), Duration.ofSeconds(10), 5, 8, Duration.ofMillis(300)),
                h -> List.of(new CappedWebhook(h)));
        assertTrue(hook.awaitRequest(10), "the first requests arrived");
        assertTrue(eventually(Duration.ofSeconds(10), () -> posts.stream().map(p -> rig.reload(p).targets().get(0))
                .filter(t -> t.state() == TargetState.SCHEDULED && t.error() != null
                        && t.error().contains("waiting for its turn: AIL sends at most 2 posts at once to Webhook")).count() == 4),
                "the four beyond the cap wait for their turn, and say so");
        Thread.sleep(1500); // more would have arrived by now without the cap
        assertEquals(2, hook.requests(), "the platform has two requests, not eight");
        double waits = rig.metrics.counter("ail.publishes.waiting", "platform", "webhook").count();
        assertTrue(waits >= 4, "each wait for a turn is counted (ail_publishes_waiting_total): " + waits);
        hook.release();
        assertTrue(eventually(Duration.ofSeconds(30), () -> posts.stream()
                .allMatch(p -> rig.reload(p).targets().get(0).state() == TargetState.PUBLISHED)), "all six go out in turn");
        assertEquals(6, hook.requests(), "each once");
        assertTrue(posts.stream().allMatch(p -> rig.reload(p).targets().get(0).error() == null), "no waiting note is left");
    }
}
