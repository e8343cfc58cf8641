package com.ailsocialautomation.engine;

import com.ailsocialautomation.fakes.FakeWebhookReceiver;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The set-up of an engine test against a webhook, each test afresh on its class's database: a rig, a fake receiver, and
 * a webhook account whose requests the receiver takes only when signed with the class's secret. A request the
 * receiver still holds is let go before the rig stops its engine. A subclass's own set-up runs after this one.
 */
abstract class WebhookEngineTest {
    EngineRig rig;
    FakeWebhookReceiver hook;
    EngineRig.Fixture f;
    private final String secret;

    WebhookEngineTest(String secret) {
        this.secret = secret;
    }

    /** The class's database (its static {@code PostgresExtension}). */
    abstract PostgresExtension database();

    @BeforeEach
    void setUpRigAndReceiver() throws Exception {
        rig = new EngineRig(database().dataSource(), database().vault());
        hook = new FakeWebhookReceiver();
        f = rig.webhookFixture(hook, secret);
    }

    @AfterEach
    void tearDownRigAndReceiver() {
        hook.release();
        rig.close();
        hook.close();
    }
}
