package com.ailsocialautomation.privacy;

import java.util.Arrays;
import com.ailsocialautomation.Json;
import com.ailsocialautomation.testing.QueuedMessages;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.privacy.PrivacyRig.Person;
import com.ailsocialautomation.store.AttemptOutcome;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Audit;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.Target;
import com.ailsocialautomation.store.TargetState;
import com.ailsocialautomation.testing.RawTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * forget-me end to end through the command layer: what it shows, the confirmation, the order of the steps, and
 * proof over the raw contents of every table that nothing of the person remains while their colleague's data does.
 */
class ForgetMeTest {
    FreshDatabase pg;
    PrivacyRig rig;
    Person ana;
    Person bob;

    @BeforeEach
    void wire() {
        pg = new FreshDatabase();
        rig = new PrivacyRig(pg.dataSource(), pg.vault(), Set.of("ana-refused-token-77aa"));
        ana = rig.person("slack", "T0ACME42", "Acme", "U0ANA7731", "Ana Quintero");
        bob = rig.person("slack", "T0ACME42", "Acme", "U0BOB4410", "Bob Marsh");
    }

    @AfterEach
    void unwire() {
        pg.close();
    }

    /** Ana's data: three accounts (one whose revocation fails), posts in every state, logs, messages, links, states. */
    private Map<String, String> writeAnasData() {
        rig.workspaces.setZone(ana.workspaceId(), ana.user().id(), "Pacific/Chatham");
        rig.workspaces.setNotify(ana.workspaceId(), ana.user().id(), true);
        Account main = rig.connect(ana, "mastodon", "109ana001", "@ana_q@fosstodon.example", "https://fosstodon.example",
                "ana-access-token-5b1e", "ana-refresh-token-9c2d");
        Account work = rig.connect(ana, "mastodon", "109ana002", "@ana_work@mastodon.example", "https://mastodon.example",
                "ana-refused-token-77aa", null);
        Account hook = rig.connect(ana, "webhook", "anahookhash0001", "hooks.example.org/ana-hook", "https://hooks.example.org/ana-hook",
                "whsec_ana_signing_secret_123", null);
        Post published = rig.post(ana, "Ana's launch announcement 8f3k is live", Instant.now(), main);
        rig.finish(published, TargetState.PUBLISHED, 200, "fosstodon accepted status 8f3k-ana");
        Post failed = rig.post(ana, "Ana's failing post q7w2 about the offsite", Instant.now(), work, hook);
        rig.finish(failed, TargetState.FAILED, 422, "HTTP 422: ana's text q7w2 was refused");
        Post scheduled = rig.postWithMedia(ana, "Ana's scheduled post z9x8 for Friday", Instant.now().plus(Duration.ofDays(3)),
                "ana-beach-photo-3k3k.png", "Ana on the beach 3k3k", "ana-photo-bytes-6h6h".getBytes(StandardCharsets.UTF_8), main, hook);
        rig.notification(ana, "failed:" + failed.targets().get(0).id() + ":1", "Post failed: Ana's failing post q7w2", false);
        rig.notification(ana, "published:" + published.targets().get(0).id(), "Published: Ana's launch", true);
        rig.connectLink(ana, "mastodon", "https://ana-instance.example", "ana-link-token-4e4e");
        rig.oauthState(ana, "mastodon", "https://ana-instance.example", "ana-state-6f6f", "ana-pkce-verifier-0a0a");
        rig.technicalData(ana, "203.0.113.77", "AnaBrowser/1.0 (ana-laptop)");
        rig.slackInstallation("T0ACME42", "Acme", "U0ANA7731", "xoxb-acme-bot-token", "xoxp-ana-user-token-1c1c");

        Map<String, String> needles = new LinkedHashMap<>();
        for (String s : List.of("U0ANA7731", "Ana Quintero", "Pacific/Chatham", "@ana_q@fosstodon.example", "109ana001",
                "@ana_work@mastodon.example", "109ana002", "hooks.example.org/ana-hook", "anahookhash0001",
                "launch announcement 8f3k", "failing post q7w2", "scheduled post z9x8", "8f3k-ana", "ana's text q7w2",
                "ana-access-token-5b1e", "ana-refresh-token-9c2d", "ana-refused-token-77aa", "whsec_ana_signing_secret_123",
                "xoxp-ana-user-token-1c1c", "ana-pkce-verifier-0a0a", "ana-instance.example", "203.0.113.77", "AnaBrowser",
                "origin-of-U0ANA7731", "ana-beach-photo-3k3k", "Ana on the beach 3k3k")) {
            needles.put(s, s);
        }
        needles.put("Ana's chat user id", ana.user().id().toString());
        for (Account a : List.of(main, work, hook)) {
            needles.put("account id " + a.handle(), a.id().toString());
        }
        for (Post p : List.of(published, failed, scheduled)) {
            needles.put("post id of " + p.text(), p.id().toString());
            p.targets().forEach(t -> needles.put("target id " + t.id(), t.id().toString()));
        }
        return needles;
    }

    @Test
    void forgetMeShowsWhatWillGoThenErasesEveryTraceOfThePersonAndNothingOfTheirColleague() {
        Map<String, String> anas = writeAnasData();
        Account bobs = rig.connect(bob, "mastodon", "109bob001", "@bob@mastodon.example", "https://mastodon.example",
                "bob-access-token-31c3", null);
        Post bobsOwn = rig.postWithMedia(bob, "Bob's own post b0b0 for later", Instant.now().plus(Duration.ofDays(1)),
                "bob-garden.png", "Bob's garden", "bob-photo-bytes".getBytes(StandardCharsets.UTF_8), bobs);
        // Ana's picture for the colleague's account only: no account of hers names it, only her authorship
        Post anaToBob = rig.postWithMedia(ana, "Ana's post for Bob's account m3m3", Instant.now().plus(Duration.ofDays(4)),
                "ana-sketch-m3m3.png", "Ana's sketch m3m3", "ana-sketch-bytes".getBytes(StandardCharsets.UTF_8), bobs);
        anas.put("ana-sketch-m3m3", "ana-sketch-m3m3");
        anas.put("post id of " + anaToBob.text(), anaToBob.id().toString());
        Account anasMain = rig.accounts.list(ana.workspaceId()).stream().filter(a -> "109ana001".equals(a.externalId())).findFirst().orElseThrow();
        Post bobToAna = rig.post(bob, "Bob's post to the team account c1c1", Instant.now().plus(Duration.ofDays(2)), anasMain, bobs);
        // the colleague's picture for Ana's account alone: once her account goes, nothing can send it
        Post bobOnlyToAna = rig.postWithMedia(bob, "Bob's post for Ana's account only k5k5", Instant.now().plus(Duration.ofDays(2)),
                "bob-poster-k5k5.png", "Bob's poster", "bob-poster-bytes".getBytes(StandardCharsets.UTF_8), anasMain);
        rig.notification(bob, "failed:bob-1", "Post failed on mastodon (@ana_q@fosstodon.example): try later", false);
        Post bobPublishedToAna = rig.post(bob, "Bob's published post p4p4", Instant.now(), anasMain);
        rig.finish(bobPublishedToAna, TargetState.PUBLISHED, 200, "fosstodon accepted bob's status e5e5");
        // published to an earlier connection of Ana's account, disconnected since: the target no longer records the account
        Post bobToAnasOldConnection = rig.post(bob, "Bob's post to Ana's earlier connection d2d2", Instant.now(), anasMain);
        rig.finish(bobToAnasOldConnection, TargetState.PUBLISHED, 200, null);
        rig.sql.update("update post_targets set account_id = null where post_id = ?", bobToAnasOldConnection.id());
        rig.notification(bob, "published:bob-2", "Post is published on mastodon (@ana_q@fosstodon.example): "
                + "https://fosstodon.example/@@ana_q@fosstodon.example/1234", false);

        assertEquals(List.of("media_items.file_name_enc (decrypted)"),
                RawTables.rowsContaining(pg.dataSource(), pg.vault(), anas.get("ana-beach-photo-3k3k")),
                "the search opens the copy's encrypted name, so its silence afterwards means something");
        Reply preview = rig.commands.run(ana.invocation(), "forget-me");
        assertEquals(Map.of("Workspace", "the Slack workspace Acme", "Posts", "4", "Scheduled posts (cancelled)", "2",
                "Connected accounts (disconnected for everyone)", "3"), fields(preview));
        Reply.Button confirm = preview.buttons().get(0);
        assertTrue(confirm.actionId().startsWith("confirm-forget-me:"), confirm.actionId());
        assertEquals(Reply.Button.Style.DANGER, confirm.style());
        assertEquals(3, rig.accounts.list(ana.workspaceId()).stream().filter(a -> ana.user().id().equals(a.ownerUserId())).count(),
                "nothing is erased before the confirmation");

        Reply done = rig.commands.press(ana.invocation(), confirm.actionId());
        assertTrue(done.text().startsWith("Done: AIL erased your data in the Slack workspace Acme."), done.text());
        assertTrue(done.text().contains("Revoking 1 token failed for now"), done.text());
        assertEquals("4 (2 scheduled, cancelled)", fields(done).get("Posts"));
        assertEquals("3", fields(done).get("Media copies"));
        assertEquals(List.of(), rig.media.of(bob.workspaceId(), bobOnlyToAna.id()),
                "a colleague's copy that can no longer go anywhere goes with the account it was for");
        assertEquals("3", fields(done).get("Connected accounts"));
        assertEquals("3", fields(done).get("Publish log entries"));
        assertEquals("2", fields(done).get("Connection links and OAuth states"));

        // every column of every row of every table, not only the tables we expect to hold something
        // encrypted columns are opened with the vault and searched too: an erasure that leaves a ciphertext fails
        List<String> left = new ArrayList<>();
        anas.forEach((what, needle) -> RawTables.rowsContaining(pg.dataSource(), pg.vault(), needle).stream()
                .filter(hit -> !(needle.equals("ana-refused-token-77aa") && hit.equals("pending_revocations.token_enc (decrypted)")))
                .forEach(hit -> left.add(what + " in " + hit)));
        assertEquals(List.of(), left, "the refused token alone stays, encrypted and linked to no one, until its revocation is retried");

        assertEquals(List.of("ana-access-token-5b1e"), rig.mastodon.revoked, "the token was revoked at its platform");
        assertEquals(1, rig.count("select count(*) from pending_revocations where platform = 'mastodon'"),
                "the refused revocation is queued for a retry, encrypted and linked to no one");
        assertEquals(0, rig.count("select count(*) from scheduled_tasks where task_instance like ?", "%" + bobToAna.targets().get(0).id()),
                "a colleague's post to the erased account is not published");

        // Bob keeps everything of his own
        assertEquals(bob.user(), rig.workspaces.user(bob.workspaceId(), bob.user().id()).orElseThrow());
        assertEquals("bob-access-token-31c3", rig.accounts.tokens(bob.workspaceId(), bobs.id()).access().reveal());
        assertEquals(TargetState.SCHEDULED, rig.posts.find(bob.workspaceId(), bobsOwn.id()).orElseThrow().targets().get(0).state());
        assertEquals(List.of("bob-garden.png"), rig.media.of(bob.workspaceId(), bobsOwn.id()).stream().map(m -> m.fileName()).toList(),
                "the colleague's picture stays");
        assertEquals(1, rig.count("select count(*) from scheduled_tasks where task_instance like ?", "%" + bobsOwn.targets().get(0).id()));
        Post kept = rig.posts.find(bob.workspaceId(), bobToAna.id()).orElseThrow();
        assertEquals("Bob's post to the team account c1c1", kept.text());
        Target toAna = kept.targets().stream().filter(t -> t.accountId() == null).findFirst().orElseThrow();
        assertEquals(List.of(TargetState.CANCELLED, "an erased account"), List.of(toAna.state(), toAna.accountLabel()));
        assertEquals(List.of("Post failed on mastodon (an erased account): try later",
                        "Post is published on mastodon (an erased account): (link removed)"),
                QueuedMessages.of(rig.sql, pg.vault(), bob.user().id()).stream().map(ForgetMeTest::textOf).toList(),
                "Bob's messages keep what happened, not where");
        Target old = rig.posts.find(bob.workspaceId(), bobToAnasOldConnection.id()).orElseThrow().targets().get(0);
        assertEquals(Arrays.asList(TargetState.PUBLISHED, "an erased account", null), Arrays.asList(old.state(), old.accountLabel(), old.url()),
                "her handle goes from where the account was not recorded, label and address");
        Target published = rig.posts.find(bob.workspaceId(), bobPublishedToAna.id()).orElseThrow().targets().get(0);
        assertEquals(Arrays.asList(TargetState.PUBLISHED, "an erased account", null, null, null),
                Arrays.asList(published.state(), published.accountLabel(), published.externalId(), published.url(), published.error()));
        assertEquals(Arrays.asList(AttemptOutcome.PUBLISHED, null), rig.attempts.forTarget(bob.workspaceId(), published.id()).stream()
                .flatMap(a -> java.util.stream.Stream.of(a.outcome(), a.message())).toList(), "what the platform said about it is gone");
        for (String his : List.of("U0BOB4410", "Bob Marsh", "Bob's own post b0b0", "@bob@mastodon.example", bobs.id().toString())) {
            assertFalse(RawTables.rowsContaining(pg.dataSource(), his).isEmpty(), his + " survives");
        }
        assertEquals("xoxb-acme-bot-token", rig.sql.one("select id, bot_token_enc from slack_installations", rs -> pg.vault().decrypt(
                rs.getBytes(2), new com.ailsocialautomation.store.Vault.Place("slack_installations", "bot_token_enc", rs.getObject(1)))).orElseThrow(),
                "the workspace's bot installation stays; only the installer's own token and id went");

        List<Audit.Entry> audit = rig.audit.entries(rig.audit.subjectHash("user:slack:T0ACME42:U0ANA7731"));
        assertEquals(1, audit.size());
        assertEquals("forget-me", audit.get(0).action());
        Map<String, Integer> counts = audit.get(0).counts();
        assertEquals(List.of(4, 2, 3, 3, 2, 1, 1, 1, 1, 1), List.of(counts.get("posts"), counts.get("scheduled_posts_cancelled"),
                counts.get("accounts"), counts.get("publish_logs"), counts.get("notifications"), counts.get("oauth_states"),
                counts.get("connect_links"), counts.get("technical_data"), counts.get("chat_users"), counts.get("revocations_pending")));
        assertEquals(3, counts.get("media_copies"), "Ana's beach photo, her sketch for Bob's account and Bob's poster for hers, "
                + "counted by the statements that deleted them, not by the cascade");
        assertEquals(1, rig.count("select count(*) from audit_records"));
        assertEquals(1, rig.count("select count(*) from audit_salt"));
    }

    private static String textOf(String json) {
        try {
            return Json.MAPPER.readTree(json).path("text").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError(json, e);
        }
    }

    @Test
    void theConfirmationIsSingleUseBoundToThePersonAndShortLived() {
        writeAnasData();
        String actionId = rig.commands.run(ana.invocation(), "forget-me").buttons().get(0).actionId();

        Reply bobPressing = rig.commands.press(bob.invocation(), actionId);
        assertTrue(bobPressing.text().startsWith("This confirmation has expired or was already used, so nothing was erased."), bobPressing.text());
        assertEquals(1, rig.count("select count(*) from chat_users where external_id = 'U0ANA7731'"), "someone else's click erases nothing");

        rig.clock.advance(ForgetMe.CONFIRM_WITHIN.plusSeconds(1));
        assertTrue(rig.commands.press(ana.invocation(), actionId).text().startsWith("This confirmation has expired"));
        assertEquals(3, rig.count("select count(*) from posts where author_user_id = ?", ana.user().id()));

        String fresh = rig.commands.run(ana.invocation(), "forget-me").buttons().get(0).actionId();
        assertTrue(rig.commands.press(ana.invocation(), fresh).text().startsWith("Done:"));
        assertTrue(rig.commands.press(ana.invocation(), fresh).text().startsWith("This confirmation has expired or was already used"),
                "a second click does nothing");
        assertTrue(rig.commands.press(ana.invocation(), "confirm-forget-me").text().startsWith("This confirmation has expired"),
                "no token, no erasure");
        assertEquals(1, rig.count("select count(*) from audit_records"));
    }

    @Test
    void aPersonsOwnScopeSuchAsADiscordDmGoesWithThemButASharedWorkspaceStays() {
        Person dm = rig.person("discord", "dm:9988776655", null, "9988776655", "cleo");
        rig.post(dm, "a note from cleo's DM 5d5d", Instant.now().plusSeconds(3600));
        String actionId = rig.commands.run(dm.invocation(), "forget-me").buttons().get(0).actionId();
        assertTrue(rig.commands.press(dm.invocation(), actionId).text().startsWith("Done: AIL erased your data in the Discord server dm:9988776655."));
        assertEquals(List.of(), RawTables.rowsContaining(pg.dataSource(), "9988776655"));

        assertTrue(UserErasure.personal("dm:9988776655", "9988776655"));
        assertFalse(UserErasure.personal("T0ACME42", "U0ANA7731"));
        assertFalse(UserErasure.personal("1123456789012345678", "12345678901234567"), "a guild id that merely contains the digits");
    }

    private static Map<String, String> fields(Reply reply) {
        Map<String, String> m = new LinkedHashMap<>();
        reply.fields().forEach(f -> m.put(f.label(), f.value()));
        return m;
    }
}
