package com.ailsocialautomation.engine;

import com.ailsocialautomation.testing.QueuedMessages;
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
 * retried with the same key and the platform keeps a single post.
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
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), EngineProcess.class.getName(),
                pg.jdbcUrl(), PostgresExtension.MASTER_KEY_BASE64, Boolean.toString(idempotent))
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
}
