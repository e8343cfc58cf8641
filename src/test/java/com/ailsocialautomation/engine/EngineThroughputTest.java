package com.ailsocialautomation.engine;

import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.fakes.FakeWebhookReceiver;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.TargetState;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
        hook.expectSecret("whsec_test");
        f = rig.webhookFixture(hook.url(), "whsec_test");
    }

    @AfterEach
    void stop() {
        rig.stopEngines();
        hook.close();
    }

    @Test
    void aPostLeavesAtItsTimeEvenWhenTheSchedulerPollsRarely() throws Exception {
        // polling every 20 s: without the alarm the post would wait up to 20 s after its time
        rig.startWebhookEngine(new Config.Engine(Duration.ofSeconds(20), Duration.ofSeconds(3), 5, 4, Duration.ofMillis(300)));
        rig.post(f, "first, found by the first poll", Instant.now()); // and the client's first connection made
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
}
