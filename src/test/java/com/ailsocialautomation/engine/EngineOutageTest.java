package com.ailsocialautomation.engine;

import com.ailsocialautomation.fakes.FakeWebhookReceiver;
import com.ailsocialautomation.store.Database;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.Target;
import com.ailsocialautomation.store.TargetState;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.TcpProxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The database goes silent while a post is at the platform: the engine waits, then records the result. */
class EngineOutageTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();

    @Test
    void aDatabaseOutageDuringPublishingLosesNothingAndPostsOnce() throws Exception {
        URI direct = URI.create(pg.jdbcUrl().substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(direct.getHost(), direct.getPort());
             Database viaProxy = Database.over("jdbc:postgresql://127.0.0.1:" + proxy.port() + direct.getPath()
                     + (direct.getQuery() == null ? "" : "?" + direct.getQuery()), "postgres", null, null);
             FakeWebhookReceiver hook = new FakeWebhookReceiver();
             EngineRig setup = new EngineRig(pg.dataSource(), pg.vault());
             EngineRig engineSide = new EngineRig(viaProxy.dataSource(), pg.vault())) {
            EngineRig.Fixture f = setup.webhookFixture(hook, "whsec_b3V0YWdl");
            hook.hang();
            Post post = setup.post(f, "through the outage", Instant.now());
            engineSide.startWebhookEngine(EngineRig.settings(5));
            assertTrue(hook.awaitRequest(30), "the request reached the platform");
            proxy.freeze();          // the database stops answering...
            hook.release();          // ...just as the platform accepts the post
            Thread.sleep(3000);
            proxy.thaw();            // the database is back
            assertTrue(eventually(Duration.ofSeconds(30),
                    () -> TargetState.PUBLISHED.equals(setup.reload(post).targets().get(0).state())),
                    "the result was recorded once the database answered: " + setup.reload(post).targets().get(0).state());
            assertEquals(1, hook.accepted().size());
            assertEquals(1, hook.requests(), "no second request");
        }
    }
}
