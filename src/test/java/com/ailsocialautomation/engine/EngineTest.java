package com.ailsocialautomation.engine;

import com.ailsocialautomation.testing.RawTables;
import com.fasterxml.jackson.databind.JsonNode;
import com.ailsocialautomation.testing.QueuedMessages;
import com.ailsocialautomation.fakes.FakeWebhookReceiver;
import com.ailsocialautomation.store.AccountStatus;
import com.ailsocialautomation.store.AttemptOutcome;
import com.ailsocialautomation.store.Attempt;
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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineTest {
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

    private Target onlyTarget(Post post) {
        return rig.reload(post).targets().get(0);
    }

    private List<String> messagesFor(EngineRig.Fixture fixture) {
        return QueuedMessages.of(rig.sql, pg.vault(), fixture.user().id());
    }

    @Test
    void twoEnginesPublishEachTargetExactlyOnce() throws Exception {
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            posts.add(rig.post(f, "post number " + i, Instant.now().plusMillis(300)));
        }
        rig.startWebhookEngine(EngineRig.settings(5));
        rig.startWebhookEngine(EngineRig.settings(5));
        assertTrue(eventually(Duration.ofSeconds(30), () -> posts.stream().allMatch(p -> TargetState.PUBLISHED.equals(onlyTarget(p).state()))),
                "every target is published");
        Thread.sleep(1000); // a duplicate would arrive now, if there were one
        assertEquals(30, hook.accepted().size(), "the receiver got each post once");
        Set<String> ids = hook.accepted().stream().map(d -> d.body().get("post_id").asText()).collect(Collectors.toSet());
        assertEquals(posts.stream().map(Post::shortId).collect(Collectors.toSet()), ids);
        // the rig's registry is shared by this class's tests, so it counts at least these 30
        assertTrue(rig.metrics.counter("ail.publishes", "platform", "webhook", "outcome", "published").count() >= 30);
        assertTrue(rig.metrics.timer("ail.dispatch.lag").count() >= 30);
        assertTrue(rig.metrics.timer("ail.publish.duration", "platform", "webhook").count() >= 30);
    }

    /** A post accepted before AIL kept its own copies of media has only links: a webhook gets them, nothing is fetched. */
    @Test
    void aPostFromBeforeMediaCopiesGoesToAWebhookWithItsLinksUnfetched() throws Exception {
        List<String> links = List.of("https://media.example.com/a.png", "https://media.example.com/b.jpg");
        Post post = rig.posts.create(f.workspaceId(), f.user().id(), "two pictures", links, Instant.now(), null, List.of(f.account()));
        rig.startWebhookEngine(EngineRig.settings(5));
        assertTrue(eventually(Duration.ofSeconds(20), () -> TargetState.PUBLISHED.equals(onlyTarget(post).state())), () -> onlyTarget(post).toString());
        JsonNode body = hook.accepted().get(0).body();
        List<String> media = new ArrayList<>();
        body.get("media").forEach(link -> media.add(link.asText()));
        assertEquals(links, media);
        assertEquals(2, body.get("media_items").size());
        for (int i = 0; i < 2; i++) {
            JsonNode item = body.get("media_items").get(i);
            assertEquals(links.get(i), item.get("url").asText());
            assertTrue(item.get("type").isNull() && item.get("size").isNull(), "its facts unread: " + item);
        }
    }

    @Test
    void aScheduledPostIsNotPublishedBeforeItsTimeAndGoesOutSoonAfter() throws Exception {
        Instant due = Instant.now().plusSeconds(3).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Post post = rig.post(f, "at three seconds", due);
        rig.startWebhookEngine(EngineRig.settings(5));
        assertTrue(eventually(Duration.ofSeconds(20), () -> hook.accepted().size() == 1));
        long receivedAt = hook.accepted().get(0).receivedAtMillis();
        assertTrue(receivedAt >= due.toEpochMilli(), "not before its time");
        // the receiver has answered; the engine records the result right after
        assertTrue(eventually(Duration.ofSeconds(10), () -> TargetState.PUBLISHED.equals(onlyTarget(post).state())));
        assertEquals(due.toString(), hook.accepted().get(0).body().get("scheduled_at").asText());
    }

    @Test
    void aServerErrorAfterTheRequestWasSentLeavesTheTargetUnknownInsteadOfSendingItAgain() throws Exception {
        hook.failNext(1, 503, null);
        Post post = rig.post(f, "did it arrive?", Instant.now());
        rig.startWebhookEngine(EngineRig.settings(5));
        assertTrue(eventually(Duration.ofSeconds(20), () -> TargetState.UNKNOWN.equals(onlyTarget(post).state())));
        Thread.sleep(1000);
        assertEquals(1, hook.requests(), "the receiver may have acted on it: no blind retry");
        List<Attempt> log = rig.attempts.forTarget(f.workspaceId(), onlyTarget(post).id());
        assertEquals(List.of(AttemptOutcome.UNKNOWN), log.stream().map(Attempt::outcome).toList());
        assertEquals(503, log.get(0).httpStatus());
        assertTrue(eventually(Duration.ofSeconds(5), () -> messagesFor(f).size() == 1));
        assertTrue(messagesFor(f).get(0).contains("may or may not have been published"), messagesFor(f).get(0));
    }

    @Test
    void aRateLimitIsHonouredBeforeTheNextAttempt() throws Exception {
        hook.failNext(1, 429, "2");
        Post post = rig.post(f, "slow down", Instant.now());
        rig.startWebhookEngine(EngineRig.settings(5));
        assertTrue(eventually(Duration.ofSeconds(20), () -> TargetState.PUBLISHED.equals(onlyTarget(post).state())));
        List<Attempt> log = rig.attempts.forTarget(f.workspaceId(), onlyTarget(post).id());
        assertEquals(AttemptOutcome.RATE_LIMITED, log.get(0).outcome());
        long gap = Duration.between(log.get(0).startedAt(), log.get(1).startedAt()).toMillis();
        assertTrue(gap >= 1900, "the second attempt waited for Retry-After, gap was " + gap + " ms");
    }

    @Test
    void aTargetRateLimitedAtEveryAttemptGivesUpSayingUntilWhenThePlatformHeldIt() throws Exception {
        hook.failNext(2, 429, "1");
        Post post = rig.post(f, "always too soon", Instant.now());
        rig.startWebhookEngine(EngineRig.settings(2));
        assertTrue(eventually(Duration.ofSeconds(20), () -> TargetState.FAILED.equals(onlyTarget(post).state())), () -> onlyTarget(post).toString());
        String error = onlyTarget(post).error();
        assertTrue(error.startsWith("Gave up after 2 attempts. Rate limited by webhook until 20"), error);
        assertEquals(2, hook.requests());
    }

    @Test
    void aLongRateLimitTellsTheAuthorWhenThePostWillGoOutAndKeepsItScheduled() throws Exception {
        hook.failNext(1, 429, "1200");
        Post post = rig.post(f, "held back by a daily cap", Instant.now());
        rig.startWebhookEngine(EngineRig.settings(5));
        assertTrue(eventually(Duration.ofSeconds(20), () -> messagesFor(f).stream().anyMatch(m -> m.contains("is delayed until"))),
                "the author is told: " + messagesFor(f));
        Target t = onlyTarget(post);
        assertEquals(TargetState.SCHEDULED, t.state());
        assertTrue(t.dueAt().isAfter(Instant.now().plus(Duration.ofMinutes(19))), "not before the platform's reset: " + t.dueAt());
        assertTrue(messagesFor(f).get(0).contains("cancel:" + post.shortId()));
        assertEquals(1, rig.posts.cancel(f.workspaceId(), post.id()));
    }

    @Test
    void aPermanentErrorFailsAtOnceWithThePlatformsMessageAndTellsTheAuthorOnce() throws Exception {
        hook.failNext(1, 422, null);
        Post post = rig.post(f, "not acceptable", Instant.now());
        rig.startWebhookEngine(EngineRig.settings(5));
        assertTrue(eventually(Duration.ofSeconds(20), () -> TargetState.FAILED.equals(onlyTarget(post).state())));
        Target t = onlyTarget(post);
        assertTrue(t.error().contains("HTTP 422") && t.error().contains("try later"), t.error());
        assertEquals(List.of(), RawTables.rowsContaining(pg.dataSource(), "try later"),
                "the platform's words are stored encrypted only: in the target, its log and the author's DM");
        assertEquals(1, t.attempts());
        // the DM is queued just after the target is marked failed (and its attempt recorded), so wait for it too
        assertTrue(eventually(Duration.ofSeconds(10), () -> !messagesFor(f).isEmpty()), "the failure DM is queued");
        List<String> dms = messagesFor(f);
        assertEquals(1, dms.size());
        assertTrue(dms.get(0).contains(post.shortId()) && dms.get(0).contains("retry:" + post.shortId())
                && dms.get(0).contains("cancel:" + post.shortId()), dms.get(0));
    }

    @Test
    void aRetriedPostThatFailsAgainTellsTheAuthorAgain() throws Exception {
        hook.failNext(2, 422, null);
        Post post = rig.post(f, "fails twice", Instant.now());
        rig.startWebhookEngine(EngineRig.settings(5));
        assertTrue(eventually(Duration.ofSeconds(20), () -> TargetState.FAILED.equals(onlyTarget(post).state())));
        assertEquals(1, rig.posts.retry(f.workspaceId(), post.id(), Instant.now()).size());
        assertTrue(eventually(Duration.ofSeconds(20), () -> messagesFor(f).size() == 2), "a second DM: " + messagesFor(f));
        assertEquals(TargetState.FAILED, onlyTarget(post).state());
    }

    @Test
    void aRetryWhileTheFailedRunIsStillEndingGoesOutOnceAtOnce() throws Exception {
        hook.failNext(1, 422, null);
        Post post = rig.post(f, "retried at the worst moment", Instant.now());
        try (java.sql.Connection held = pg.dataSource().getConnection()) {
            // the run queues the author's DM after it marked the target failed: holding that table keeps the run,
            // and its execution, going while the author retries
            held.setAutoCommit(false);
            held.createStatement().execute("lock table notifications in share mode");
            rig.startWebhookEngine(EngineRig.settings(5));
            assertTrue(eventually(Duration.ofSeconds(20), () -> TargetState.FAILED.equals(onlyTarget(post).state())));
            assertEquals(1, rig.sql.one("select count(*) from scheduled_tasks where picked and task_instance like ?",
                    rs -> rs.getInt(1), "%" + onlyTarget(post).id()).orElse(0), "the failed run is still ending");
            assertEquals(1, rig.posts.retry(f.workspaceId(), post.id(), Instant.now()).size());
            held.rollback();
        }
        // well before the engine's 30-second orphan sweep would find it
        assertTrue(eventually(Duration.ofSeconds(8), () -> TargetState.PUBLISHED.equals(onlyTarget(post).state())),
                () -> "the retry ran: " + onlyTarget(post));
        Thread.sleep(1000); // a second run would deliver again now
        assertEquals(1, hook.accepted().size(), "delivered once");
        assertEquals(0, rig.sql.one("select count(*) from scheduled_tasks where task_instance like ?",
                rs -> rs.getInt(1), "%" + onlyTarget(post).id()).orElse(-1), "nothing left on the queue");
    }

    @Test
    void retriesStopAtTheConfiguredLimit() throws Exception {
        hook.failNext(100, 429, "0");
        Post post = rig.post(f, "never", Instant.now());
        rig.startWebhookEngine(EngineRig.settings(3));
        assertTrue(eventually(Duration.ofSeconds(30), () -> TargetState.FAILED.equals(onlyTarget(post).state())));
        assertEquals(3, hook.requests());
        assertTrue(onlyTarget(post).error().startsWith("Gave up after 3 attempts"), onlyTarget(post).error());
        assertEquals(AccountStatus.ACTIVE, rig.accounts.find(f.workspaceId(), f.account().id()).orElseThrow().status(),
                "a passing network error never disconnects an account");
    }

    @Test
    void aHangingPlatformTimesOutOnceAndTheTargetIsUnknown() throws Exception {
        hook.delay(5000); // the rig's request timeout is 3 s
        Post post = rig.post(f, "slow platform", Instant.now());
        rig.startWebhookEngine(EngineRig.settings(2));
        assertTrue(eventually(Duration.ofSeconds(30), () -> TargetState.UNKNOWN.equals(onlyTarget(post).state())));
        List<Attempt> log = rig.attempts.forTarget(f.workspaceId(), onlyTarget(post).id());
        assertEquals(List.of(AttemptOutcome.UNKNOWN), log.stream().map(Attempt::outcome).toList());
    }

    @Test
    void postsDueWhileNoEngineRanGoOutOnStartAndSayTheyWereLate() throws Exception {
        Post post = rig.post(f, "missed while down", Instant.now().minus(Duration.ofMinutes(5)));
        rig.startWebhookEngine(EngineRig.settings(5));
        assertTrue(eventually(Duration.ofSeconds(20), () -> TargetState.PUBLISHED.equals(onlyTarget(post).state())));
        assertTrue(eventually(Duration.ofSeconds(5), () -> messagesFor(f).stream().anyMatch(m -> m.contains("min late"))),
                "the author hears it went out late: " + messagesFor(f));
    }

    @Test
    void cancelledPostsAreNeverPublished() throws Exception {
        Post post = rig.post(f, "changed my mind", Instant.now().plusSeconds(1));
        assertEquals(1, rig.posts.cancel(f.workspaceId(), post.id()));
        rig.startWebhookEngine(EngineRig.settings(5));
        Thread.sleep(2500);
        assertEquals(0, hook.requests());
        assertEquals(TargetState.CANCELLED, onlyTarget(post).state());
    }

    @Test
    void aRescheduledPostGoesOutAtItsNewTimeOnly() throws Exception {
        Post post = rig.post(f, "moved", Instant.now().plusSeconds(1));
        Instant later = Instant.now().plusSeconds(4);
        rig.posts.reschedule(f.workspaceId(), post.id(), later);
        rig.startWebhookEngine(EngineRig.settings(5));
        assertTrue(eventually(Duration.ofSeconds(20), () -> hook.accepted().size() == 1));
        assertTrue(hook.accepted().get(0).receivedAtMillis() >= later.toEpochMilli());
    }

    @Test
    void aWrongSigningSecretIsAPermanentFailureWithTheReceiversAnswer() throws Exception {
        EngineRig.Fixture wrong = rig.webhookFixture(hook.url(), "whsec_other");
        Post post = rig.post(wrong, "unsigned", Instant.now());
        rig.startWebhookEngine(EngineRig.settings(5));
        assertTrue(eventually(Duration.ofSeconds(20), () -> TargetState.FAILED.equals(onlyTarget(post).state())));
        assertEquals(1, hook.rejectedSignatures());
        assertTrue(onlyTarget(post).error().contains("401"));
        assertEquals(0, hook.accepted().size());
    }
}
