package com.ailsocialautomation.store;

import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The claim takes a due scheduled target once, returns it with its post, and marks it sent only where its post
 * request is the next remote call: a post of one text and nothing else. A thread (or anything that may be one) is
 * marked by each of its requests instead, and a claimed target whose token must be refreshed first is unmarked.
 */
class ClaimTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();

    @Test
    void aOneRequestPostIsMarkedSentByItsClaimAndAThreadIsNot() {
        StoreWorld world = new StoreWorld(pg, "T-CLAIM", "Claim Inc");
        Account hook = world.hook("claim");
        Post single = world.posts.create(world.ws, world.ana.id(), "one text", List.of(), Instant.now(), null, List.of(hook));
        Post thread = world.posts.create(world.ws, world.ana.id(), "first\n---\nsecond", List.of(), Instant.now(), null, List.of(hook));

        Targets.Claimed one = world.targets.claim(world.ws, single.targets().get(0).id()).orElseThrow();
        assertEquals(TargetState.PUBLISHING, one.target().state());
        assertNotNull(one.target().sentAt(), "a one-request post is marked sent by its claim");
        assertEquals("one text", one.due().orElseThrow().post().text(), "the claim returns the post it publishes");
        assertTrue(world.targets.claim(world.ws, single.targets().get(0).id()).isEmpty(), "a claimed target is not claimed twice");

        Targets.Claimed parts = world.targets.claim(world.ws, thread.targets().get(0).id()).orElseThrow();
        assertNull(parts.target().sentAt(), "a thread is marked by each of its requests, not by its claim");

        world.targets.notSent(world.ws, one.target().id());
        Target unmarked = world.targets.find(world.ws, one.target().id()).orElseThrow();
        assertNull(unmarked.sentAt(), "a refresh first: nothing is sent yet");
        assertEquals(unmarked, one.target().withoutSentAt(), "the engine's copy of the claimed target differs from the stored one");
    }

    @Test
    void theClaimReadsTheAccountWithItsTokensAsTheyAreStoredAndNothingOnceItIsDisconnected() {
        StoreWorld world = new StoreWorld(pg, "T-CLAIM-ACCOUNT", "Claim Account Inc");
        Account hook = world.hook("acct");
        Account other = world.hook("other");
        Post post = world.posts.create(world.ws, world.ana.id(), "to the hook", List.of(), Instant.now(), null, List.of(hook, other));

        Targets.Claimed claimed = world.targets.claim(world.ws, post.targets().get(0).id()).orElseThrow();
        Accounts.WithTokens read = claimed.account().orElseThrow();
        Accounts.WithTokens stored = world.accounts.findWithTokens(world.ws, hook.id()).orElseThrow();
        assertEquals(stored.account(), read.account(), "the claim reads the target's own account, as a read of it would");
        assertEquals("whsec_acct", read.tokens().access().reveal(), "its token is decrypted under its own place");
        assertEquals("https://hook.test/acct", read.tokens().endpoint().reveal());
        assertEquals("Ana", read.account().ownerName(), "with its owner's name");

        world.accounts.delete(world.ws, other.id());
        Targets.Claimed orphan = world.targets.claim(world.ws, post.targets().get(1).id()).orElseThrow();
        assertTrue(orphan.account().isEmpty(), "a disconnected account's target is claimed without one (the engine says so)");
    }

    /**
     * Claims that arrive together go as one statement, and each is claimed as it would be alone: every due target is
     * claimed with its own post and account, a target named with another workspace is not claimed (and stays
     * scheduled), nor is one due later or one already claimed.
     */
    @Test
    void aBatchOfClaimsTakesEachDueTargetOfItsOwnWorkspaceAsAClaimAloneWould() {
        StoreWorld world = new StoreWorld(pg, "T-CLAIM-BATCH", "Claim Batch Inc");
        StoreWorld other = new StoreWorld(pg, "T-CLAIM-BATCH-2", "Other Inc");
        Account hook = world.hook("batch");
        Account theirs = other.hook("theirs");
        List<Targets.Key> keys = new ArrayList<>();
        Map<UUID, String> texts = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            Post post = world.posts.create(world.ws, world.ana.id(), "due " + i, List.of(), Instant.now(), null, List.of(hook));
            keys.add(new Targets.Key(world.ws, post.targets().get(0).id()));
            texts.put(post.targets().get(0).id(), "due " + i);
        }
        Post elsewhere = other.posts.create(other.ws, other.ana.id(), "theirs", List.of(), Instant.now(), null, List.of(theirs));
        UUID theirTarget = elsewhere.targets().get(0).id();
        Post theirOwn = other.posts.create(other.ws, other.ana.id(), "their own", List.of(), Instant.now(), null, List.of(theirs));
        Targets.Key theirOwnKey = new Targets.Key(other.ws, theirOwn.targets().get(0).id());
        Post later = world.posts.create(world.ws, world.ana.id(), "later", List.of(), Instant.now().plusSeconds(600), null, List.of(hook));
        UUID laterTarget = later.targets().get(0).id();
        UUID claimedBefore = keys.remove(0).targetId();
        assertTrue(world.targets.claim(world.ws, claimedBefore).isPresent());

        List<Targets.Key> batch = new ArrayList<>(keys);
        batch.add(new Targets.Key(world.ws, theirTarget));
        batch.add(theirOwnKey); // the other workspace is named in the batch too, with its own target
        UUID twice = keys.get(0).targetId();
        batch.add(0, new Targets.Key(other.ws, twice)); // one of ours is named first with the wrong workspace too
        batch.add(new Targets.Key(world.ws, laterTarget));
        batch.add(new Targets.Key(world.ws, claimedBefore));
        Map<Targets.Key, Targets.Claimed> claimed = new HashMap<>();
        world.targets.claimAll(batch).forEach((k, answer) -> claimed.put(k, answer.result()));

        Set<Targets.Key> expected = new HashSet<>(keys);
        expected.add(theirOwnKey);
        assertEquals(expected, claimed.keySet(), "exactly the due targets, each of the workspace named with it");
        assertEquals("their own", claimed.get(theirOwnKey).due().orElseThrow().post().text());
        for (Targets.Key key : keys) {
            Targets.Claimed c = claimed.get(key);
            assertEquals(TargetState.PUBLISHING, c.target().state());
            assertEquals(texts.get(key.targetId()), c.due().orElseThrow().post().text(), "each with its own post");
            assertEquals(hook.id(), c.account().orElseThrow().account().id(), "and its own account");
        }
        assertEquals(TargetState.SCHEDULED, other.targets.find(other.ws, theirTarget).orElseThrow().state(),
                "a target named with another workspace is left alone");
        assertEquals(TargetState.SCHEDULED, world.targets.find(world.ws, laterTarget).orElseThrow().state());
        assertEquals(1, world.targets.find(world.ws, claimedBefore).orElseThrow().attempts(), "claimed once, not again");
        assertTrue(other.targets.claim(other.ws, theirTarget).isPresent(), "its own workspace claims it");
    }

    /** A claimed row that cannot be read (a sealed value that does not open) fails its own caller, not the batch. */
    @Test
    void aRowThatCannotBeReadFailsOnlyItsOwnClaim() {
        StoreWorld world = new StoreWorld(pg, "T-CLAIM-BAD-ROW", "Claim Bad Row Inc");
        Account hook = world.hook("badrow");
        UUID good = world.posts.create(world.ws, world.ana.id(), "fine", List.of(), Instant.now(), null, List.of(hook)).targets().get(0).id();
        UUID bad = world.posts.create(world.ws, world.ana.id(), "broken", List.of(), Instant.now(), null, List.of(hook)).targets().get(0).id();
        world.sql.update("update post_targets set error_enc = ? where id = ?", new byte[] {1, 2, 3}, bad);

        Map<Targets.Key, Grouped.Answer<Targets.Claimed>> answers =
                world.targets.claimAll(List.of(new Targets.Key(world.ws, bad), new Targets.Key(world.ws, good)));
        assertEquals("fine", answers.get(new Targets.Key(world.ws, good)).result().due().orElseThrow().post().text());
        assertNotNull(answers.get(new Targets.Key(world.ws, bad)).failure(), "the unreadable row's caller hears of it");
    }

    /** Many publishing threads claiming at once (a morning burst) each get their own target, once. */
    @Test
    void claimsFromManyThreadsAtOnceEachGetTheirOwnTargetOnce() throws Exception {
        StoreWorld world = new StoreWorld(pg, "T-CLAIM-THREADS", "Claim Threads Inc");
        Account hook = world.hook("threads");
        List<UUID> targets = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            targets.add(world.posts.create(world.ws, world.ana.id(), "burst " + i, List.of(), Instant.now(), null, List.of(hook))
                    .targets().get(0).id());
        }
        ExecutorService pool = Executors.newFixedThreadPool(30);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Optional<Targets.Claimed>>> runs = new ArrayList<>();
            for (int round = 0; round < 2; round++) { // each target asked for twice: once claimed, once nothing
                for (UUID id : targets) {
                    runs.add(pool.submit(() -> {
                        start.await();
                        return world.targets.claim(world.ws, id);
                    }));
                }
            }
            start.countDown();
            Map<UUID, Integer> won = new HashMap<>();
            for (int i = 0; i < runs.size(); i++) {
                Optional<Targets.Claimed> c = runs.get(i).get(30, TimeUnit.SECONDS);
                UUID asked = targets.get(i % targets.size());
                c.ifPresent(x -> {
                    assertEquals(asked, x.target().id(), "a caller gets the target it asked for");
                    won.merge(asked, 1, Integer::sum);
                });
            }
            assertEquals(targets.size(), won.size(), "every target claimed");
            assertTrue(won.values().stream().allMatch(n -> n == 1), "and each once: " + won);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The morning burst: statistics were taken while nothing was scheduled, then many targets fell due at once. The
     * generic plans (the ones PostgreSQL caches for a statement run often) of the claim and of the statement that puts
     * a waiting target's execution back still find the target by the primary key, not by walking the index of
     * scheduled targets through every due one.
     */
    @Test
    void aBurstOfDueTargetsIsClaimedByKeyEvenWithStaleStatisticsAndTheCachedGenericPlan() {
        StoreWorld world = new StoreWorld(pg, "T-CLAIM-PLAN", "Claim Plan Inc");
        Account hook = world.hook("plan");
        Instant later = Instant.now().plus(Duration.ofHours(1));
        for (int i = 0; i < 100; i++) {
            world.posts.create(world.ws, world.ana.id(), "yesterday " + i, List.of(), later, null, List.of(hook));
        }
        world.sql.update("update post_targets set state = 'published'");
        world.sql.update("analyze");
        Post last = null;
        for (int i = 0; i < 400; i++) {
            last = world.posts.create(world.ws, world.ana.id(), "today " + i, List.of(), later, null, List.of(hook));
        }
        world.sql.update("update post_targets set due_at = now() - interval '1 second' where state = 'scheduled'");

        UUID target = last.targets().get(0).id();
        String claim = genericPlan(world, Targets.CLAIM, "text, text[], text[], text[]",
                "'---', array['" + world.ws + "'], array['" + target + "'], array['" + target + "']");
        assertTrue(claim.contains("Index Cond: (id = ANY") && claim.contains("post_targets_pkey"), claim);
        assertFalse(claim.contains("post_targets_due"), claim);
        // a run that waits for its turn puts its execution back the same way, by key
        String settle = genericPlan(world, PublishQueue.SETTLE, "text, text, uuid, uuid",
                "'" + PublishQueue.TASK_NAME + "', 'x', '" + world.ws + "', '" + target + "'");
        assertTrue(settle.contains("Index Scan using post_targets_pkey on post_targets"), settle);
        assertFalse(settle.contains("post_targets_due"), settle);
        assertTrue(world.targets.claim(world.ws, target).isPresent(), "and the claim still takes it");
    }

    /**
     * The plan PostgreSQL caches for {@code sql} after a few runs, its parameters of {@code types}, for {@code values}
     * (SQL literals). Explaining a write does not run it.
     */
    private static String genericPlan(StoreWorld world, String sql, String types, String values) {
        int[] n = {0};
        String numbered = Pattern.compile("\\?").matcher(sql).replaceAll(m -> "\\$" + (++n[0]));
        return world.sql.transaction(tx -> {
            tx.update("set local plan_cache_mode = force_generic_plan");
            tx.update("prepare generic_plan(" + types + ") as " + numbered);
            List<String> lines = tx.list("explain execute generic_plan(" + values + ")", rs -> rs.getString(1));
            tx.update("deallocate generic_plan");
            return String.join("\n", lines);
        });
    }
}
