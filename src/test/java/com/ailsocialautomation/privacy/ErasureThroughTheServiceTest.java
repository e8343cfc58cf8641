package com.ailsocialautomation.privacy;

import com.ailsocialautomation.fakes.FakeLinkedIn;
import com.ailsocialautomation.fakes.FakeMastodon;
import com.ailsocialautomation.fakes.FakeX;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.testing.RawTables;
import com.ailsocialautomation.testing.RealFlows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * forget-me and a Slack uninstall on the running service, with the person's data made the way people make it
 * (RealFlows): Slack installed by Ana, her X, LinkedIn, Mastodon and webhook accounts connected through their
 * pages, posts whose targets end in each of the six states (one still publishing when she asks), failure notices,
 * and a colleague's post to her webhook. Every table is then searched raw and, encrypted columns opened with the
 * service's vault, for anything of hers; the counts the person is shown and the audit keeps are compared with what
 * the database held. Breakages tried (each erase statement removed in turn) are listed in the README's proof notes.
 */
class ErasureThroughTheServiceTest {
    @TempDir
    Path tmp;
    RealFlows flows;
    final String hookPath = "ana-hook-" + UUID.randomUUID();
    final Map<String, String> anas = new LinkedHashMap<>();
    final Map<String, String> bobs = new LinkedHashMap<>();
    final Map<String, String> workspace = new LinkedHashMap<>();

    static final String PUBLISHED = "Ana's launch announcement 8f3k is live";
    static final String FAILED = "Ana's failing post q7w2 about the offsite";
    static final String UNKNOWN = "Ana's post whose answer was lost u5u5";
    static final String SCHEDULED = "Ana's scheduled post z9x8 for Friday";
    static final String CANCELLED = "Ana's cancelled post c4c4 about lunch";
    static final String IN_FLIGHT = "Ana's post still in flight f1f1";
    static final String BOBS_TO_ANA = "Bob's post to the team hook b1b1";
    static final String BOBS_OWN = "Bob's own post b0b0 for later";

    @AfterEach
    void stop() throws Exception {
        if (flows != null) {
            flows.close();
        }
    }

    /** Ana's data and Bob's, through the commands; the last of Ana's posts is left publishing at Mastodon. */
    private void writeTheirData() throws Exception {
        flows = new RealFlows(tmp);
        // the installation is the workspace's: it stays when Ana goes, and goes with the workspace
        flows.installSlack().forEach(token -> workspace.put("Slack token " + token, token));
        List<String> secrets = new ArrayList<>();
        secrets.add(flows.startX());
        secrets.addAll(flows.finishX());
        secrets.addAll(flows.connectLinkedIn());
        flows.mastodon.signInAs(new FakeMastodon.User("109377700000000042", "ana_q", "Ana Q on Mastodon"));
        // AIL's app registration at the instance (the second value) is the operator's, not Ana's: it stays
        secrets.add(flows.connectMastodon().get(0));
        List<String> hook = flows.confirmWebhook(flows.askForWebhook(hookPath));
        secrets.add(hook.get(1));
        flows.run("notify on");

        flows.run("post to:webhook " + PUBLISHED);
        flows.awaitState(PUBLISHED, "published");
        flows.hook.failNext(1, 422, null, "{\"error\":\"ana-receiver-refused-q7w2\"}");
        flows.run("post to:webhook " + FAILED);
        flows.awaitState(FAILED, "failed");
        flows.hook.hang();
        flows.run("post to:webhook " + UNKNOWN);
        flows.awaitState(UNKNOWN, "unknown");
        flows.hook.release();
        flows.run("schedule in:3d to:x " + SCHEDULED);
        flows.awaitState(SCHEDULED, "scheduled");
        flows.run("schedule in:2d to:linkedin " + CANCELLED);
        flows.run("cancel " + flows.shortIdOf(CANCELLED));
        flows.awaitState(CANCELLED, "cancelled");

        flows.hook.failNext(1, 422, null, "{\"error\":\"ana-receiver-refused-bob-b1b1\"}");
        flows.run(flows.bob, "post to:webhook " + BOBS_TO_ANA);
        flows.awaitState(BOBS_TO_ANA, "failed");
        flows.run(flows.bob, "schedule in:1d to:mastodon " + BOBS_OWN);
        assertTrue(eventually(Duration.ofSeconds(30), () -> flows.count("select count(*) from notifications where sent_at is null") == 0
                && flows.count("select count(*) from notifications") >= 3), "the failure and success notices went out");

        flows.mastodon.slowNext("/api/v1/statuses", Duration.ofSeconds(3));
        flows.run("post to:mastodon " + IN_FLIGHT);
        flows.awaitState(IN_FLIGHT, "publishing");

        for (String s : List.of(flows.ana.userId(), flows.ana.displayName(), "announcement 8f3k", "failing post q7w2", "answer was lost u5u5",
                "scheduled post z9x8", "cancelled post c4c4", "still in flight f1f1", "ana-receiver-refused", hookPath,
                FakeX.USERNAME, FakeX.USER_ID, FakeLinkedIn.MEMBER_ID, "109377700000000042", "Ana Q on Mastodon")) {
            anas.put(s, s);
        }
        secrets.forEach(s -> anas.put("secret " + s, s));
        anas.put("Ana's chat user id", flows.one("select id::text from chat_users where external_id = ?", flows.ana.userId()));
        for (String id : flows.column("select a.id::text from social_accounts a join chat_users u on u.id = a.owner_user_id where u.external_id = ?",
                flows.ana.userId())) {
            anas.put("account " + id, id);
        }
        for (String id : flows.column("select p.id::text from posts p join chat_users u on u.id = p.author_user_id where u.external_id = ?",
                flows.ana.userId())) {
            anas.put("post " + id, id);
        }
        for (String s : List.of(flows.bob.userId(), flows.bob.displayName(), BOBS_TO_ANA, BOBS_OWN)) {
            bobs.put(s, s);
        }
    }

    @Test
    void forgetMeWhileAPostIsInFlightLeavesNothingOfThePersonAndEverythingOfTheirColleague() throws Exception {
        writeTheirData();
        Map<String, Integer> expected = new LinkedHashMap<>();
        String ana = flows.ana.userId();
        expected.put("posts", (int) flows.count("select count(*) from posts p join chat_users u on u.id = p.author_user_id where u.external_id = ?", ana));
        expected.put("scheduled_posts_cancelled", 1);
        expected.put("accounts", 4);
        expected.put("publish_logs", (int) flows.count("select count(*) from publish_attempts a join post_targets t on t.id = a.target_id "
                + "join posts p on p.id = t.post_id join chat_users u on u.id = p.author_user_id where u.external_id = ?", ana));
        expected.put("notifications", (int) flows.count("select count(*) from notifications n join chat_users u on u.id = n.user_id "
                + "where u.external_id = ?", ana));
        expected.put("chat_users", 1);
        assertEquals(6, expected.get("posts"), "one post in each of the six target states");
        assertEquals(java.util.Set.of("cancelled", "failed", "publishing", "published", "scheduled", "unknown"),
                java.util.Set.copyOf(flows.column("select distinct t.state from post_targets t join posts p on p.id = t.post_id join chat_users u "
                        + "on u.id = p.author_user_id where u.external_id = ?", ana)));

        Reply preview = flows.run("forget-me");
        Reply done = flows.app.commands().press(flows.ana, preview.buttons().get(0).actionId());
        assertTrue(done.text().startsWith("Done: AIL erased your data"), done.text());
        awaitTheRequestInFlight();

        List<String> left = new ArrayList<>();
        anas.forEach((what, needle) -> RawTables.rowsContaining(flows.db(), flows.app.vault(), needle)
                .forEach(hit -> left.add(what + " in " + hit)));
        assertEquals(List.of(), left, "nothing of Ana, also after her post in flight came back");
        Map<String, Integer> audited = flows.auditCounts("forget-me");
        expected.forEach((name, count) -> assertEquals(count, audited.get(name), name + " as counted by the erasure: " + audited));
        assertEquals(0, flows.count("select count(*) from pending_revocations"), "every platform took the revocation");

        bobs.forEach((what, needle) -> assertFalse(RawTables.rowsContaining(flows.db(), needle).isEmpty(), what + " survives"));
        assertEquals(List.of("an erased account"), flows.column("select t.account_label from post_targets t join posts p on p.id = t.post_id "
                + "where p.text = ?", BOBS_TO_ANA), "Bob's post stays, without the name of the account it went to");
        assertEquals(1, flows.count("select count(*) from slack_installations where bot_token_enc is not null"), "the workspace keeps AIL");
    }

    /**
     * Mastodon answers the post held in flight (by now refusing the revoked token) and the engine ends its job at
     * once, writing nothing: no job of an erased target is left, none retried later (a failed write would be, in
     * 15 s). Breakage tried: recording the attempt of an erased target fails here, the database refusing it.
     */
    private void awaitTheRequestInFlight() throws InterruptedException {
        assertTrue(eventually(Duration.ofSeconds(20), () -> flows.mastodon.received("POST", "/api/v1/statuses").size() == 1),
                "the request in flight reaches Mastodon");
        assertTrue(eventually(Duration.ofSeconds(10), () -> flows.count("select count(*) from scheduled_tasks s where task_name = ? "
                        + "and not exists (select 1 from post_targets t where s.task_instance = t.workspace_id || '/' || t.id)",
                com.ailsocialautomation.store.PublishQueue.TASK_NAME) == 0), () -> "no job of an erased target is left: "
                + flows.column("select task_instance || ' picked=' || picked || ' at ' || execution_time from scheduled_tasks"));
        Thread.sleep(1000); // anything the engine would still write after it
    }

    @Test
    void aSlackUninstallLeavesNothingOfTheWorkspace() throws Exception {
        writeTheirData();
        assertEquals(200, flows.uninstallSlack());
        assertTrue(eventually(Duration.ofSeconds(20), () -> flows.count("select count(*) from workspaces") == 0), "the workspace goes");
        awaitTheRequestInFlight();

        List<String> left = new ArrayList<>();
        Map<String, String> everyone = new LinkedHashMap<>(anas);
        everyone.putAll(bobs);
        everyone.putAll(workspace);
        everyone.put("the workspace's Slack id", com.ailsocialautomation.fakes.FakeSlack.TEAM);
        everyone.forEach((what, needle) -> RawTables.rowsContaining(flows.db(), flows.app.vault(), needle)
                .forEach(hit -> left.add(what + " in " + hit)));
        assertEquals(List.of(), left);
        assertEquals(0, flows.count("select count(*) from slack_installations"));

    }
}
