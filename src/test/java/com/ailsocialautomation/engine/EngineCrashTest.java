package com.ailsocialautomation.engine;

import com.ailsocialautomation.testing.QueuedMessages;
import com.ailsocialautomation.fakes.FakeMastodon;
import com.ailsocialautomation.fakes.FakeWebhookReceiver;
import com.ailsocialautomation.platform.webhook.WebhookProvider;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.Target;
import com.ailsocialautomation.store.TargetState;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills an engine (SIGKILL, in its own JVM) while its request is at the platform, then lets another engine
 * recover: without an idempotency key the target becomes unknown and the author is asked to check; with one it is
 * retried with the same key and the platform keeps a single post. The same against the strict Mastodon fake through
 * the real provider. (The revival window's edge, which needs no second JVM, is EngineRevivalTest's: PIT sees it there.)
 */
class EngineCrashTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    EngineRig rig;
    FakeWebhookReceiver hook;
    Process victim;

    @BeforeEach
    void setUp() throws Exception {
        rig = new EngineRig(pg.dataSource(), pg.vault());
        hook = new FakeWebhookReceiver();
        hook.expectSecret("whsec_Y3Jhc2g=");
    }

    @AfterEach
    void tearDown() {
        if (victim != null) {
            victim.destroyForcibly();
        }
        rig.close();
        hook.close();
    }

    private Process startVictim(boolean idempotent) throws Exception {
        return startVictim(Boolean.toString(idempotent));
    }

    private Process startVictim(String mode) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), EngineProcess.class.getName(),
                pg.jdbcUrl(), PostgresExtension.MASTER_KEY_BASE64, mode)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private Target killMidRequestThenRecover(boolean idempotent, Post post) throws Exception {
        hook.hang();
        victim = startVictim(idempotent);
        assertTrue(hook.awaitRequest(60), "the victim engine sent the request");
        assertEquals(TargetState.PUBLISHING, rig.reload(post).targets().get(0).state(), "recorded as publishing before the request went out");
        victim.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        hook.release(); // the platform finishes handling the request the dead engine sent
        assertTrue(eventually(Duration.ofSeconds(10), () -> hook.accepted().size() == 1));
        rig.startEngine(EngineRig.settings(5), http -> List.of(idempotent ? new IdempotentWebhookProvider(http) : new WebhookProvider(http, Clock.systemUTC())));
        assertTrue(eventually(Duration.ofSeconds(30), () -> {
            TargetState state = rig.reload(post).targets().get(0).state();
            return !TargetState.PUBLISHING.equals(state) && !TargetState.SCHEDULED.equals(state);
        }), "the survivor recovered the target");
        return rig.reload(post).targets().get(0);
    }

    @Test
    void withoutAnIdempotencyKeyACrashMidRequestLeavesTheTargetUnknownAndTheAuthorIsAskedToCheck() throws Exception {
        EngineRig.Fixture f = rig.webhookFixture(hook.url(), "whsec_Y3Jhc2g=");
        Post post = rig.post(f, "did it go out?", Instant.now());
        Target t = killMidRequestThenRecover(false, post);
        assertEquals(TargetState.UNKNOWN, t.state());
        Thread.sleep(1000);
        assertEquals(1, hook.requests(), "no blind retry");
        List<String> dms = QueuedMessages.of(rig.sql, pg.vault(), f.user().id());
        assertEquals(1, dms.size());
        assertTrue(dms.get(0).contains("may or may not have been published") && dms.get(0).contains("retry:" + post.shortId()), dms.get(0));
    }

    @Test
    void withAnIdempotencyKeyACrashMidRequestIsRetriedWithTheSameKeyAndPostsOnce() throws Exception {
        hook.dedupeByDeliveryId();
        EngineRig.Fixture f = rig.webhookFixture(hook.url(), "whsec_Y3Jhc2g=");
        Post post = rig.post(f, "exactly once", Instant.now());
        Target t = killMidRequestThenRecover(true, post);
        assertEquals(TargetState.PUBLISHED, t.state());
        assertEquals(2, hook.requests(), "the survivor sent the same request again");
        assertEquals(1, hook.accepted().size(), "and the platform kept one post");
        assertEquals(t.idempotencyKey().toString(), hook.accepted().get(0).deliveryId());
    }

    // ---- against the strict Mastodon fake, through the real Mastodon provider ----

    private FakeMastodon mastodon;

    @AfterEach
    void closeMastodon() {
        if (mastodon != null) {
            mastodon.close();
        }
    }

    @Test
    void killedMidRequestToMastodonTheSurvivorSendsTheSameIdempotencyKeyAndMastodonKeepsOneStatus() throws Exception {
        EngineRig.Fixture f = rig.mastodonFixture(mastodon = FakeMastodon.start());
        Post post = rig.post(f, "exactly once on Mastodon", Instant.now());
        mastodon.slowNext("/api/v1/statuses", Duration.ofSeconds(3)); // Mastodon is busy; it carries the request out later
        victim = startVictim("mastodon");
        assertTrue(eventually(Duration.ofSeconds(60), () -> mastodon.received("POST", "/api/v1/statuses").size() == 1),
                "the victim engine sent the status");
        assertEquals(TargetState.PUBLISHING, rig.reload(post).targets().get(0).state(), "recorded as publishing before the request went out");
        victim.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertTrue(eventually(Duration.ofSeconds(10), () -> mastodon.statuses().size() == 1), "Mastodon posted what the dead engine sent");

        rig.startEngine(EngineRig.settings(5), EngineRig.mastodon());
        Target t = rig.settled(post);
        assertEquals(TargetState.PUBLISHED, t.state(), t.error());
        List<String> keys = mastodon.received("POST", "/api/v1/statuses").stream().map(r -> r.header("Idempotency-Key")).toList();
        assertEquals(List.of(t.idempotencyKey().toString(), t.idempotencyKey().toString()), keys, "the survivor sent the same key again");
        assertEquals(1, mastodon.statuses().size(), "and Mastodon kept one status");
        assertEquals(mastodon.statuses().get(0).path("id").asText(), t.externalId(), "the one AIL names");
    }

    @Test
    void killedWhilePartThreeOfAThreadIsAtMastodonTheSurvivorResumesAtPartThreeAndNoPartIsPostedTwice() throws Exception {
        EngineRig.Fixture f = rig.mastodonFixture(mastodon = FakeMastodon.start());
        Post post = rig.post(f, "Part one\n---\nPart two\n---\nPart three", Instant.now());
        mastodon.afterRequests("/api/v1/statuses", 2);
        mastodon.slowNext("/api/v1/statuses", Duration.ofSeconds(3)); // part 3 is carried out late
        victim = startVictim("mastodon");
        assertTrue(eventually(Duration.ofSeconds(60), () -> mastodon.received("POST", "/api/v1/statuses").size() == 3),
                "the victim engine sent part 3");
        Target during = rig.reload(post).targets().get(0);
        assertEquals(2, rig.parts.of(f.workspaceId(), during.id()).size(), "parts 1 and 2 were recorded as they went out");
        victim.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertTrue(eventually(Duration.ofSeconds(10), () -> mastodon.statuses().size() == 3), "Mastodon posted part 3 all the same");

        rig.startEngine(EngineRig.settings(5), EngineRig.mastodon());
        Target t = rig.settled(post);
        assertEquals(TargetState.PUBLISHED, t.state(), t.error());
        List<String> keys = mastodon.received("POST", "/api/v1/statuses").stream().map(r -> r.header("Idempotency-Key")).toList();
        assertEquals(4, keys.size(), "parts 1 and 2 once, part 3 from the dead engine and again from the survivor");
        assertEquals(keys.get(2), keys.get(3), "part 3 again with its own key");
        assertEquals(3, keys.stream().distinct().count());
        assertEquals(List.of("Part one", "Part two", "Part three"),
                mastodon.replyChain(t.externalId()).stream().map(s -> s.path("text_sent").asText()).toList());
        assertEquals(3, mastodon.statuses().size(), "and Mastodon kept one status per part");
    }
}
