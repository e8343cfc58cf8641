package com.ailsocialautomation.slack;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.engine.Announcer;
import com.ailsocialautomation.fakes.FakeSlack;
import com.ailsocialautomation.notify.NotificationSender;
import com.ailsocialautomation.store.PostStatus;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.Target;
import com.ailsocialautomation.testing.PostgresExtension;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue points 6 and 7: DMs from the engine with working buttons, the original reply updated, 429 waits for Retry-After. */
class SlackNotifierTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static SlackRig rig;

    @BeforeAll
    static void start() throws Exception {
        rig = SlackRig.single(pg);
    }

    @AfterAll
    static void stop() throws Exception {
        rig.close();
    }

    /** A post by {@code user} whose one target failed, announced by the engine's Announcer. */
    private Post failedPost(String team, String user, String origin) {
        rig.user(user, "Fred", "UTC", false);
        Account hook = rig.webhookAccount(team, user, "dm.example/hook");
        UUID ws = rig.workspaces.find(FrontEnd.SLACK, team).orElseThrow();
        var author = rig.workspaces.ensureUser(ws, user, "Fred");
        Post post = rig.posts.create(ws, author.id(), "A post that fails", List.of(), Instant.now(), origin, List.of(hook));
        rig.sql.update("update post_targets set state = 'failed', error = 'HTTP 500', attempts = 1 where post_id = ?", post.id());
        Post failed = rig.posts.find(ws, post.id()).orElseThrow();
        Target target = failed.targets().get(0);
        new Announcer(rig.outbox).failed(failed, target, "the webhook answered HTTP 500");
        rig.clock.set(Instant.now().plusSeconds(1)); // the outbox row is due from the database's now()
        return failed;
    }

    @Test
    void aFailureIsADirectMessageWithRetryAndCancelThatWorkAndTheOriginalReplyIsUpdated() throws Exception {
        String origin = new Origin(rig.slack.responseUrl("origin"), rig.clock.instant()).encode();
        Post post = failedPost("TDM", "UDM", origin);
        NotificationSender sender = new NotificationSender(rig.outbox, List.of(rig.front.notifier()), rig.clock);
        assertEquals(1, sender.drain());
        FakeSlack.Call dm = rig.slack.await("chat.postMessage", 1, c -> "UDM".equals(c.form().get("channel"))).get(0);
        assertEquals(FakeSlack.BOT_TOKEN, dm.token());
        assertTrue(dm.form().get("text").contains("failed"), dm.form().toString());
        List<String> actions = dm.jsonField("blocks").findValues("action_id").stream().map(JsonNode::asText).toList();
        assertEquals(List.of("retry:" + post.shortId(), "cancel:" + post.shortId()), actions);
        FakeSlack.Call update = rig.slack.await("respond", 1, c -> c.form().get("url").endsWith("/origin")).get(0);
        assertTrue(update.json().contains("failed"), update.json());

        rig.requests.interactivity(Payloads.button("TDM", "UDM", "retry:" + post.shortId(), "retry:" + post.shortId(),
                rig.slack.responseUrl("dm-retry")));
        FakeSlack.Call retried = rig.slack.await("respond", 1, c -> c.form().get("url").endsWith("/dm-retry")).get(0);
        assertTrue(retried.json().contains("Retrying post " + post.shortId()), retried.json());
        assertEquals(PostStatus.SCHEDULED, rig.posts.find(post.workspaceId(), post.id()).orElseThrow().status());
    }

    /**
     * Slack takes answers through a response_url for 30 minutes (FakeSlack refuses later ones on the same clock): an
     * origin 1 s short of that is updated, one exactly that old is not tried at all, and its DM arrives either way.
     */
    @Test
    void theOriginalReplyIsUpdatedWhileItsResponseUrlLivesAndNotTriedAfterButTheDmAlwaysArrives() throws Exception {
        NotificationSender sender = new NotificationSender(rig.outbox, List.of(rig.front.notifier()), rig.clock);
        for (Duration age : List.of(Origin.RESPONSE_URL_LIFETIME.minusSeconds(1), Origin.RESPONSE_URL_LIFETIME)) {
            String name = "age-" + age.toSeconds();
            Instant issued = Instant.now();
            rig.clock.set(issued);
            String origin = new Origin(rig.slack.responseUrl(name), issued).encode();
            String user = "UAGE" + age.toSeconds();
            failedPost("TAGE" + age.toSeconds(), user, origin);
            rig.clock.set(issued.plus(age));
            assertEquals(1, sender.drain());
            rig.slack.await("chat.postMessage", 1, c -> user.equals(c.form().get("channel")));
        }
        assertEquals(1, rig.slack.await("respond", 1, c -> c.form().get("url").endsWith("/age-1799")).size());
        assertEquals(List.of(), rig.slack.all().stream().filter(c -> c.method().startsWith("respond")
                && c.form().get("url").endsWith("/age-1800")).toList(), "an expired response_url is not even tried");
    }

    @Test
    void aNotificationQuotingMentionsAndLinksShowsThemAsTextInTheNotificationAndTheBlocks() throws Exception {
        rig.user("UESC", "Fred", "UTC", false);
        rig.webhookAccount("TESC", "UESC", "esc.example/hook");
        String quoted = "Post p1 failed: x said <!channel> <!here> <@U0BOSS> see <https://evil.example|your bank> & more";

        rig.front.notifier().direct("TESC", "UESC", com.ailsocialautomation.message.Reply.of(quoted));

        FakeSlack.Call dm = rig.slack.await("chat.postMessage", 1, c -> "UESC".equals(c.form().get("channel"))).get(0);
        String escaped = "Post p1 failed: x said &lt;!channel&gt; &lt;!here&gt; &lt;@U0BOSS&gt; see "
                + "&lt;https://evil.example|your bank&gt; &amp; more";
        assertEquals(escaped, dm.form().get("text"), "the notification text Slack shows on phones and lock screens");
        assertEquals(escaped, dm.jsonField("blocks").get(0).path("text").path("text").asText());
    }

    @Test
    void a429OnChatPostMessageIsTriedAgainAfterRetryAfterAndNotBefore() throws Exception {
        failedPost("TRATE", "URATE", null);
        NotificationSender sender = new NotificationSender(rig.outbox, List.of(rig.front.notifier()), rig.clock);
        rig.slack.rateLimitPostMessage(1, 30);
        int before = rig.slack.calls("chat.postMessage").size();
        assertEquals(0, sender.drain(), "refused with 429");
        Instant next = new Sql(pg.dataSource()).one("select next_attempt_at from notifications n join chat_users u on u.id = n.user_id "
                + "where u.external_id = 'URATE' and n.sent_at is null", rs -> Sql.instant(rs, "next_attempt_at")).orElseThrow();
        assertEquals(rig.clock.instant().plusSeconds(30).getEpochSecond(), next.getEpochSecond(), 1, "due after Retry-After");
        rig.clock.advance(Duration.ofSeconds(20));
        assertEquals(0, sender.drain(), "not before Retry-After");
        assertEquals(before + 1, rig.slack.calls("chat.postMessage").size());
        rig.clock.advance(Duration.ofSeconds(11));
        assertEquals(1, sender.drain());
        assertEquals(before + 2, rig.slack.calls("chat.postMessage").size());
    }

    @Test
    void aRevokedTokenMakesTheMessagePermanentlyUndeliverable() {
        SlackNotifier notifier = (SlackNotifier) rig.front.notifier();
        rig.slack.revoke(FakeSlack.BOT_TOKEN);
        try {
            var e = org.junit.jupiter.api.Assertions.assertThrows(com.ailsocialautomation.notify.DeliveryError.class,
                    () -> notifier.direct("TGONE", "UGONE", com.ailsocialautomation.message.Reply.of("hi")));
            assertTrue(e.permanent(), e.getMessage());
        } finally {
            rig.slack.unrevoke(FakeSlack.BOT_TOKEN);
        }
    }
}
