package com.ailsocialautomation.store;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a run's result and a disconnection leave on a target, as `show` reads it: a result moves the state once and
 * says whether it did (the engine warns of a post that went out while its state had changed), and a target cancelled
 * because its account went says so.
 */
class TargetResultsTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static Sql sql;
    static Posts posts;
    static Targets targets;
    static Accounts accounts;
    static UUID ws;
    static UUID ana;

    @BeforeAll
    static void workspace() {
        sql = new Sql(pg.dataSource());
        posts = new Posts(sql, pg.vault());
        targets = new Targets(sql, pg.vault());
        accounts = new Accounts(sql, pg.vault());
        Workspaces workspaces = new Workspaces(sql);
        ws = workspaces.ensure(FrontEnd.SLACK, "T-RESULTS", "Results Inc");
        ana = workspaces.ensureUser(ws, "U-ANA", "Ana").id();
    }

    private static Account hook(String name) {
        return accounts.connect(ws, ana, new NewAccount(PlatformId.WEBHOOK, "hook-" + name, "hook.test/" + name, name,
                null, null, null, null), new StoredTokens(Secret.of("whsec_" + name), null, null, null, Secret.of("https://hook.test/" + name)));
    }

    private static Attempts.Line line(AttemptOutcome outcome) {
        return new Attempts.Line(Instant.now(), 80, 200, outcome, null);
    }

    @Test
    void aPublishedResultMovesTheTargetOnceAndALateOneChangesNothing() {
        Post post = posts.create(ws, ana, "out now", List.of(), Instant.now(), null, List.of(hook("once")));
        UUID target = post.targets().get(0).id();
        targets.claim(ws, target).orElseThrow();

        assertTrue(targets.published(ws, target, "109", "https://hook.test/once/109", null, line(AttemptOutcome.PUBLISHED)),
                "a claimed target's result was not recorded as moving it");
        Target shown = targets.find(ws, target).orElseThrow();
        assertEquals(TargetState.PUBLISHED, shown.state());
        assertEquals("https://hook.test/once/109", shown.url());

        assertFalse(targets.published(ws, target, "110", "https://hook.test/once/110", null, line(AttemptOutcome.PUBLISHED)),
                "a second result for a target no longer publishing claimed to move it");
        assertEquals("https://hook.test/once/109", targets.find(ws, target).orElseThrow().url(), "the first link stays the one shown");
        assertEquals(2, new Attempts(sql, pg.vault()).forTarget(ws, target).size(), "each request that happened has its line in the log");
    }

    private static UUID claimed(String name) {
        Post post = posts.create(ws, ana, "due now", List.of(), Instant.now(), null, List.of(hook(name)));
        return targets.claim(ws, post.targets().get(0).id()).orElseThrow().target().id();
    }

    @Test
    void aTransientFailureSchedulesTheTargetAgainWithItsReasonOnlyWhileItIsPublishing() {
        UUID target = claimed("retry");
        Instant next = Instant.now().plusSeconds(90).truncatedTo(ChronoUnit.MILLIS);

        assertTrue(targets.retryLater(ws, target, next, "hook.test answered 503", line(AttemptOutcome.FAILED)));
        Target shown = targets.find(ws, target).orElseThrow();
        assertEquals(TargetState.SCHEDULED, shown.state());
        assertEquals(next, shown.dueAt());
        assertEquals("hook.test answered 503", shown.error(), "show does not say why it will be tried again");
        assertEquals(1, shown.attempts(), "a failed try is an attempt");

        assertFalse(targets.retryLater(ws, target, next.plusSeconds(60), "late", line(AttemptOutcome.FAILED)),
                "a target no longer publishing was said to be scheduled again");
        assertEquals(next, targets.find(ws, target).orElseThrow().dueAt());
    }

    @Test
    void aRevivalFinishesATargetLeftPublishingOnceWithTheReasonShown() {
        UUID target = claimed("revived");

        assertTrue(targets.finish(ws, target, TargetState.UNKNOWN, "the run stopped after its request left"));
        Target shown = targets.find(ws, target).orElseThrow();
        assertEquals(TargetState.UNKNOWN, shown.state());
        assertEquals("the run stopped after its request left", shown.error());
        assertFalse(targets.finish(ws, target, TargetState.FAILED, "a second revival"), "a finished target was finished again");
        assertEquals(TargetState.UNKNOWN, targets.find(ws, target).orElseThrow().state());
    }

    @Test
    void disconnectingCancelsItsScheduledTargetsWithTheReasonAndLeavesOtherAccountsAlone() {
        Account gone = hook("gone");
        Account kept = hook("kept");
        Post post = posts.create(ws, ana, "to both", List.of(), Instant.now().plusSeconds(3600), null, List.of(gone, kept));

        assertEquals(1, targets.cancelScheduledTo(ws, gone.id()));
        List<Target> after = posts.find(ws, post.id()).orElseThrow().targets();
        Target toGone = after.stream().filter(t -> t.accountId().equals(gone.id())).findFirst().orElseThrow();
        Target toKept = after.stream().filter(t -> t.accountId().equals(kept.id())).findFirst().orElseThrow();
        assertEquals(TargetState.CANCELLED, toGone.state());
        assertEquals(Target.ACCOUNT_GONE, toGone.error(), "show does not say why the target was cancelled");
        assertEquals(TargetState.SCHEDULED, toKept.state());
        assertNull(toKept.error());
    }

    @Test
    void aThreadsPartIsRecordedOnlyWhileItsTargetIsPublishing() {
        UUID target = claimed("parts");
        TargetParts parts = new TargetParts(sql);
        TargetParts.Part first = new TargetParts.Part(PartKind.PART, 1, "111", "https://hook.test/parts/111", null, Instant.now());
        assertTrue(parts.record(ws, target, first));
        targets.finish(ws, target, TargetState.FAILED, "the second part was refused");
        TargetParts.Part late = new TargetParts.Part(PartKind.PART, 2, "112", "https://hook.test/parts/112", null, Instant.now());
        assertFalse(parts.record(ws, target, late), "a part was recorded for a target no longer publishing");
        assertEquals(List.of("111"), parts.of(ws, target).stream().map(TargetParts.Part::externalId).toList());
    }

    @Test
    void aPersonLeavingStopsTheirPostsAndThoseToTheirAccountsButNoOneElsesToOtherAccounts() {
        UUID bob = new Workspaces(sql).ensureUser(ws, "U-BOB", "Bob").id();
        Account anas = hook("anas");
        Account bobs = accounts.connect(ws, bob, new NewAccount(PlatformId.WEBHOOK, "hook-bobs", "hook.test/bobs", "bobs",
                null, null, null, null), new StoredTokens(Secret.of("whsec_bobs"), null, null, null, Secret.of("https://hook.test/bobs")));
        Instant later = Instant.now().plusSeconds(3600);
        Post hers = posts.create(ws, ana, "hers", List.of(), later, null, List.of(bobs));
        Post toHerAccount = posts.create(ws, bob, "to hers", List.of(), later, null, List.of(anas));
        Post his = posts.create(ws, bob, "his", List.of(), later, null, List.of(bobs));

        new PostData(sql, pg.vault()).stopPublishing(ws, ana);
        assertEquals(TargetState.CANCELLED, posts.find(ws, hers.id()).orElseThrow().targets().get(0).state());
        assertEquals(TargetState.CANCELLED, posts.find(ws, toHerAccount.id()).orElseThrow().targets().get(0).state());
        assertEquals(TargetState.SCHEDULED, posts.find(ws, his.id()).orElseThrow().targets().get(0).state());
    }
}
