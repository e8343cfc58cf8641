package com.ailsocialautomation.engine;

import com.ailsocialautomation.fakes.FakeMastodon;
import com.ailsocialautomation.fakes.FakeWebhookReceiver;
import com.ailsocialautomation.platform.GuardedApiClient;
import com.ailsocialautomation.platform.mastodon.MastodonProvider;
import com.ailsocialautomation.platform.webhook.WebhookProvider;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.Target;
import com.ailsocialautomation.store.TargetState;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.QueuedMessages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A survivor revives what a dead engine left in publishing, in this JVM: the dead engine is a picked execution whose
 * scheduler's heartbeat stopped ten minutes ago, and the target's columns say how far its run got (EngineCrashTest
 * kills a real one in its own JVM). The revival window's edge on Mastodon: just inside it the key is trusted, at its
 * end it is not. On a webhook: a run that died before its request left is another attempt, sent once; one that died
 * with the request out is unknown, nothing is sent again, and the author is asked to check; one whose runs all died
 * before their request left fails at its last attempt, saying nothing was sent.
 */
class EngineRevivalTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    EngineRig rig;
    FakeMastodon mastodon;
    FakeWebhookReceiver hook;

    @BeforeEach
    void setUp() {
        rig = new EngineRig(pg.dataSource(), pg.vault());
    }

    @AfterEach
    void tearDown() {
        rig.close();
        if (mastodon != null) {
            mastodon.close();
        }
        if (hook != null) {
            hook.close();
        }
    }

    /**
     * An engine died {@code ago} into a Mastodon request (its execution picked by a scheduler whose heartbeat
     * stopped, the target publishing since then), after Mastodon had posted it; a survivor revives it.
     */
    private Target revivedAfter(Duration ago, EngineRig.Fixture f, Post post) throws Exception {
        Target target = post.targets().get(0);
        rig.sql.update("update post_targets set state = 'publishing', started_at = now() - ?::interval, sent_at = now() - ?::interval, "
                + "attempts = 1 where id = ?", ago.toSeconds() + " seconds", ago.toSeconds() + " seconds", target.id());
        rig.pickedByADeadEngine(target);
        HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mastodon.url() + "/api/v1/statuses"))
                .header("Authorization", "Bearer " + rig.accounts.tokens(f.workspaceId(), f.account().id()).access().reveal())
                .header("Idempotency-Key", target.idempotencyKey().toString()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"" + post.text() + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, sent.statusCode(), sent.body());
        rig.startEngine(EngineRig.settings(5), EngineRig.mastodon());
        return rig.settled(post);
    }

    @Test
    void justInsideTheRevivalWindowTheRequestIsResumedWithItsKeyAndMastodonAnswersWithTheStatusItKept() throws Exception {
        EngineRig.Fixture f = rig.mastodonFixture(mastodon = FakeMastodon.start());
        Duration window = new MastodonProvider(new GuardedApiClient(rig.http)).idempotencyWindow();
        Post post = rig.post(f, "revived in time", Instant.now());
        Target t = revivedAfter(window.minusSeconds(20), f, post);
        assertEquals(TargetState.PUBLISHED, t.state(), t.error());
        assertEquals(2, mastodon.received("POST", "/api/v1/statuses").size(), "the dead engine's request, and the same again");
        assertEquals(1, mastodon.statuses().size());
        assertEquals(mastodon.statuses().get(0).path("id").asText(), t.externalId());
    }

    @Test
    void atTheRevivalWindowsEndTheKeyIsNotTrustedTheTargetIsUnknownAndTheAuthorIsAskedToCheck() throws Exception {
        EngineRig.Fixture f = rig.mastodonFixture(mastodon = FakeMastodon.start());
        Duration window = new MastodonProvider(new GuardedApiClient(rig.http)).idempotencyWindow();
        Post post = rig.post(f, "revived too late", Instant.now());
        Target t = revivedAfter(window, f, post);
        assertEquals(TargetState.UNKNOWN, t.state());
        Thread.sleep(1000);
        assertEquals(1, mastodon.received("POST", "/api/v1/statuses").size(), "nothing sent again");
        List<String> dms = QueuedMessages.of(rig.sql, pg.vault(), f.user().id());
        assertEquals(1, dms.size(), dms.toString());
        assertTrue(dms.get(0).contains("may or may not have been published") && dms.get(0).contains("retry:" + post.shortId()), dms.get(0));
    }

    // ---- a webhook, which has no idempotency ----

    private EngineRig.Fixture webhookFixture() throws java.io.IOException {
        hook = new FakeWebhookReceiver();
        return rig.webhookFixture(hook, "whsec_cmV2aXZhbA==");
    }

    /** The dead engine's run had claimed the target {@code attempts} times; {@code sent}: its request had left. */
    private Target revivedWebhook(EngineRig.Fixture f, Post post, int attempts, boolean sent) throws Exception {
        Target target = post.targets().get(0);
        rig.sql.update("update post_targets set state = 'publishing', started_at = now() - interval '2 minutes', sent_at = "
                + (sent ? "now() - interval '2 minutes'" : "null") + ", attempts = ? where id = ?", attempts, target.id());
        rig.pickedByADeadEngine(target);
        rig.startEngine(EngineRig.settings(5), http -> List.of(new WebhookProvider(http, Clock.systemUTC())));
        return rig.settled(post);
    }

    @Test
    void aRunThatDiedBeforeItsRequestLeftIsSentOnceByTheSurvivorAsAnotherAttempt() throws Exception {
        EngineRig.Fixture f = webhookFixture();
        Post post = rig.post(f, "died while getting ready", Instant.now());
        Target t = revivedWebhook(f, post, 1, false);
        assertEquals(TargetState.PUBLISHED, t.state(), t.error());
        assertEquals(2, t.attempts(), "the dead run's attempt and the survivor's");
        Thread.sleep(500);
        assertEquals(1, hook.requests(), "sent once");
        assertEquals(List.of("died while getting ready"), hook.accepted().stream().map(d -> d.body().path("text").asText()).toList());
        assertEquals(1, rig.metrics.counter(EngineErrors.METER, "kind", "dead_execution").count(),
                "the dead engine's execution is counted once, for an operator's alert");
    }

    @Test
    void aRunThatDiedWithItsRequestOutIsUnknownNothingIsSentAgainAndTheAuthorIsAskedToCheck() throws Exception {
        EngineRig.Fixture f = webhookFixture();
        Post post = rig.post(f, "did it leave?", Instant.now());
        Target t = revivedWebhook(f, post, 1, true);
        assertEquals(TargetState.UNKNOWN, t.state());
        assertTrue(t.error().contains("AIL stopped while publishing") && t.error().contains("check whether the post went out"), t.error());
        Thread.sleep(500);
        assertEquals(0, hook.requests(), "no blind second request");
        assertTrue(eventually(Duration.ofSeconds(10), () -> !QueuedMessages.of(rig.sql, pg.vault(), f.user().id()).isEmpty()),
                "the author hears of it");
        List<String> dms = QueuedMessages.of(rig.sql, pg.vault(), f.user().id());
        assertEquals(1, dms.size(), dms.toString());
        assertTrue(dms.get(0).contains("may or may not have been published") && dms.get(0).contains("retry:" + post.shortId()), dms.get(0));
    }

    @Test
    void aTargetWhoseRunsKeptDyingBeforeTheRequestIsNotTriedBeyondItsAttemptsAndFailsSayingNothingWasSent() throws Exception {
        EngineRig.Fixture f = webhookFixture();
        Post post = rig.post(f, "five runs died", Instant.now());
        Target t = revivedWebhook(f, post, 5, false);
        assertEquals(TargetState.FAILED, t.state(), "nothing was ever sent: failed, not of unknown outcome");
        assertEquals("AIL stopped 5 times before the post's request left, so nothing was sent. Use Retry to try again.", t.error());
        Thread.sleep(500);
        assertEquals(0, hook.requests(), "no sixth attempt");
        assertEquals(5, t.attempts());
        assertEquals(1, rig.metrics.counter("ail.publishes", "platform", "webhook", "outcome", "failed").count(),
                "counted once as failed");
        assertEquals(0, rig.metrics.counter("ail.publishes", "platform", "webhook", "outcome", "unknown").count());
        assertTrue(eventually(Duration.ofSeconds(10), () -> !QueuedMessages.of(rig.sql, pg.vault(), f.user().id()).isEmpty()),
                "the author hears of it");
        List<String> dms = QueuedMessages.of(rig.sql, pg.vault(), f.user().id());
        assertEquals(1, dms.size(), dms.toString());
        assertTrue(dms.get(0).contains("failed on webhook") && dms.get(0).contains("nothing was sent")
                && dms.get(0).contains("retry:" + post.shortId()), dms.get(0));
    }
}
