package com.ailsocialautomation.engine;

import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.fakes.FakeWebhookReceiver;
import com.ailsocialautomation.net.GuardedHttp;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.Profile;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.PublishPace;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.platform.Published;
import com.ailsocialautomation.platform.webhook.WebhookProvider;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.Target;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.time.ZoneId;
import com.ailsocialautomation.command.Invocation;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.testing.Units;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An account's platform limit holds however fast AIL is, across instances: two engines on one database publish a
 * burst of posts to one account, and no window of the limit's length ever holds more than the limit at the receiver.
 * The posts beyond the account's burst wait for their turn, scheduled (not failed, no attempt counted), and say so.
 * Breakage tried: Pacing.waitFor returning empty fails it (no post waits, and all ten arrive within a second).
 */
class EnginePacingTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    /** Six posts in any three seconds, a run sending within 0.4 s of its turn: 3 at once, then one every 1.13 s. */
    static final PublishPace PACE = new PublishPace(List.of(new PublishPace.Window(6, Duration.ofSeconds(3))), Duration.ofMillis(400));
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

    /** The webhook as a platform with a per-account limit (as Mastodon, X, Bluesky and LinkedIn have one). */
    private static final class PacedWebhook implements Provider {
        private final WebhookProvider webhook;

        PacedWebhook(GuardedHttp http) {
            webhook = new WebhookProvider(http, Clock.systemUTC());
        }

        @Override public Platform platform() { return Platform.WEBHOOK; }
        @Override public PublishPace accountPace() { return PACE; }
        @Override public boolean uploadsMedia() { return false; }
        @Override public Profile profile(Credentials c) { return webhook.profile(c); }
        @Override public Published publish(Credentials c, PublishRequest r) { return webhook.publish(c, r); }
    }

    /** What `show` tells the author about the post, through the command layer over the same database. */
    private String show(Post post) {
        String workspace = rig.sql.one("select external_id from workspaces where id = ?", rs -> rs.getString(1), f.workspaceId()).orElseThrow();
        try (Units units = Units.over(pg).build()) {
            return units.commandLayer.commands.run(new Invocation(FrontEnd.CONSOLE, workspace, f.user().externalId(), "Ana", false,
                    ZoneId.of("UTC"), null), "show " + rig.reload(post).shortId()).toPlainText();
        }
    }

    @Test
    void twoEnginesNeverSendAnAccountMoreThanItsLimitInAnyWindowAndWaitingPostsSaySo() throws Exception {
        List<Post> posts = new ArrayList<>();
        Instant due = Instant.now().plusMillis(1500);
        for (int i = 0; i < 10; i++) {
            posts.add(rig.post(f, "paced " + i, due));
        }
        Config.Engine settings = new Config.Engine(Duration.ofMillis(200), Duration.ofSeconds(10), 5, 8, Duration.ofMillis(300));
        rig.startEngine(settings, h -> List.of(new PacedWebhook(h)));
        rig.startEngine(settings, h -> List.of(new PacedWebhook(h)));
        AtomicReference<Target> last = new AtomicReference<>(); // the waiting target whose turn is furthest
        AtomicReference<Post> lastPost = new AtomicReference<>();
        assertTrue(eventually(Duration.ofSeconds(10), () -> {
            for (Post p : posts) {
                Target t = rig.reload(p).targets().get(0);
                if (t.state() == TargetState.SCHEDULED && t.turnAt() != null && t.turnAt().equals(t.dueAt()) && t.attempts() == 0
                        && "waiting for its turn: Webhook takes at most 6 posts in 3 seconds from one account".equals(t.error())
                        && (last.get() == null || t.turnAt().isAfter(last.get().turnAt()))) {
                    last.set(t);
                    lastPost.set(p);
                }
            }
            return last.get() != null && last.get().turnAt().isAfter(Instant.now().plusSeconds(3));
        }), "a post beyond the account's burst waits for its turn, holds it, counts no attempt and says why");
        String shown = show(lastPost.get());
        assertTrue(shown.contains("waiting for its turn: Webhook takes at most 6 posts in 3 seconds from one account")
                && Pattern.compile("its turn \\w{3} \\d{1,2} \\w{3} \\d{2}:\\d{2}:\\d{2}").matcher(shown).find(),
                "show says why the post waits and when its turn is: " + shown);
        assertTrue(eventually(Duration.ofSeconds(40), () -> hook.accepted().size() == 10), "all ten arrive in turn");
        double paced = rig.metrics.counter("ail.publishes.paced", "platform", "webhook").count();
        assertTrue(paced >= 1, "a wait for a turn is counted (ail_publishes_paced_total): " + paced);
        assertTrue(eventually(Duration.ofSeconds(10), () -> posts.stream()
                .allMatch(p -> rig.reload(p).targets().get(0).state() == TargetState.PUBLISHED)), "each is recorded published");
        Thread.sleep(1000);
        assertEquals(10, hook.requests(), "each post was sent once");
        List<Long> at = hook.accepted().stream().map(FakeWebhookReceiver.Delivery::receivedAtMillis).sorted().toList();
        for (int i = 0; i < at.size(); i++) {
            int from = i;
            long inWindow = at.stream().filter(t -> t >= at.get(from) && t < at.get(from) + 3000).count();
            assertTrue(inWindow <= 6, inWindow + " posts arrived within 3 s from the " + (i + 1) + "th: " + at);
        }
        assertTrue(at.stream().filter(t -> t < at.get(0) + 1000).count() >= 3, "the account's burst of three goes at once, "
                + "each post one request of its pace: " + at);
        for (Post p : posts) {
            Target t = rig.reload(p).targets().get(0);
            assertEquals(1, t.attempts(), "waiting for a turn is not an attempt");
            assertEquals(null, t.error(), "no waiting note is left");
        }
    }
}
