package com.ailsocialautomation.privacy;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.privacy.PrivacyRig.Person;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Audit;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.Target;
import com.ailsocialautomation.store.TargetState;
import com.ailsocialautomation.testing.RawTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Uninstalling the app (or removing the bot) erases that workspace like forget-me erases a person, once. */
class WorkspaceEraserTest {
    FreshDatabase pg;
    PrivacyRig rig;
    Person ana;
    Person bob;
    Person cleo;
    List<String> acme;

    @BeforeEach
    void wire() {
        pg = new FreshDatabase();
        rig = new PrivacyRig(pg.dataSource(), pg.vault(), Set.of("bob-refused-token-2b2b"));
        ana = rig.person("slack", "T0ACME42", "Acme Rockets", "U0ANA7731", "Ana Quintero");
        bob = rig.person("slack", "T0ACME42", "Acme Rockets", "U0BOB4410", "Bob Marsh");
        cleo = rig.person("slack", "T0GLOBEX9", "Globex", "U0CLEO5520", "Cleo Park");
        Account anas = rig.connect(ana, "mastodon", "109ana001", "@ana_q@fosstodon.example", "https://fosstodon.example",
                "ana-access-token-5b1e", "ana-refresh-token-9c2d");
        Account bobs = rig.connect(bob, "mastodon", "109bob001", "@bob@mastodon.example", "https://mastodon.example",
                "bob-refused-token-2b2b", null);
        Post sent = rig.post(ana, "Acme launch text 3g3g", Instant.now(), anas, bobs);
        rig.finish(sent, TargetState.FAILED, 503, "acme instance said 3g3g was too long");
        rig.postWithMedia(bob, "Bob's scheduled text 4h4h", Instant.now().plus(Duration.ofDays(2)), "acme-roadmap-1n1n.png",
                "Acme's roadmap 1n1n", "acme-picture-bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8), anas, bobs);
        rig.notification(bob, "failed:acme-1", "Post failed: Acme launch text 3g3g", false);
        rig.connectLink(ana, "mastodon", "https://acme-instance.example", "acme-link-token");
        rig.oauthState(bob, "mastodon", "https://acme-instance.example", "acme-state", "acme-pkce-verifier-5i5i");
        rig.technicalData(ana, "198.51.100.23", "AcmeBrowser/2.0");
        rig.slackInstallation("T0ACME42", "Acme Rockets", "U0ANA7731", "xoxb-acme-bot-token-6j6j", "xoxp-ana-user-token-7k7k");

        Account cleos = rig.connect(cleo, "mastodon", "109cleo01", "@cleo@globex.example", "https://globex.example",
                "cleo-access-token-8l8l", null);
        rig.postWithMedia(cleo, "Globex scheduled text 9m9m", Instant.now().plus(Duration.ofDays(1)), "globex-logo.png",
                "Globex logo", "globex-picture-bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8), cleos);
        rig.slackInstallation("T0GLOBEX9", "Globex", "U0CLEO5520", "xoxb-globex-bot-token", "xoxp-cleo-user-token");

        acme = new ArrayList<>(List.of("T0ACME42", "Acme Rockets", "U0ANA7731", "U0BOB4410", "Ana Quintero", "Bob Marsh",
                "@ana_q@fosstodon.example", "@bob@mastodon.example", "Acme launch text 3g3g", "Bob's scheduled text 4h4h",
                "too long", "ana-access-token-5b1e", "ana-refresh-token-9c2d", "bob-refused-token-2b2b",
                "acme-pkce-verifier-5i5i", "acme-instance.example", "198.51.100.23", "AcmeBrowser",
                "xoxb-acme-bot-token-6j6j", "xoxp-ana-user-token-7k7k", "acme-roadmap-1n1n", "Acme's roadmap 1n1n",
                ana.workspaceId().toString(),
                ana.user().id().toString(), bob.user().id().toString(), anas.id().toString(), bobs.id().toString()));
    }

    @AfterEach
    void unwire() {
        pg.close();
    }

    @Test
    void removingTheAppErasesTheWholeWorkspaceRevokesItsTokensAndLeavesOneAuditRow() {
        assertEquals(List.of("media_items.file_name_enc (decrypted)"),
                RawTables.rowsContaining(pg.dataSource(), pg.vault(), "acme-roadmap-1n1n"), "the search opens a copy's name");
        Erased erased = rig.workspaceEraser.erase(FrontEnd.SLACK, "T0ACME42");
        assertEquals(List.of(2, 1, 2, 2, 1, 1, 1, 1, 2, 1), List.of(erased.posts(), erased.scheduledPosts(), erased.accounts(),
                erased.publishLogs(), erased.notifications(), erased.oauthStates(), erased.connectLinks(), erased.technicalData(),
                erased.users(), erased.revocationsPending()));

        List<String> left = new ArrayList<>();
        // encrypted columns opened with the vault too; Bob's refused token alone waits, linked to no one, for its retry
        acme.forEach(needle -> RawTables.rowsContaining(pg.dataSource(), pg.vault(), needle).stream()
                .filter(hit -> !(needle.equals("bob-refused-token-2b2b") && hit.equals("pending_revocations.token_enc (decrypted)")))
                .forEach(hit -> left.add(needle + " in " + hit)));
        assertEquals(List.of(), left);
        assertEquals(List.of("ana-access-token-5b1e"), rig.mastodon.revoked);
        assertEquals(1, rig.count("select count(*) from pending_revocations"), "Bob's refused revocation is retried later");

        List<Audit.Entry> audit = rig.audit.entries(rig.audit.subjectHash("workspace:slack:T0ACME42"));
        assertEquals(1, audit.size());
        assertEquals("workspace-removed", audit.get(0).action());
        assertEquals(erased.counts(), audit.get(0).counts());
        assertEquals(1, erased.mediaCopies(), "Acme's roadmap picture, counted by the statement that deleted it, not by the cascade");

        // the other workspace is untouched
        assertEquals("cleo-access-token-8l8l", rig.accounts.tokens(cleo.workspaceId(),
                rig.accounts.list(cleo.workspaceId()).get(0).id()).access().reveal());
        for (String kept : List.of("T0GLOBEX9", "U0CLEO5520", "Globex scheduled text 9m9m", "@cleo@globex.example")) {
            assertFalse(RawTables.rowsContaining(pg.dataSource(), kept).isEmpty(), kept);
        }
        assertEquals(1, rig.count("select count(*) from scheduled_tasks where task_instance like ?", cleo.workspaceId() + "/%"));
        assertEquals(1, rig.count("select count(*) from slack_installations where team_id = 'T0GLOBEX9'"));
        assertEquals(1, rig.count("select count(*) from media_chunks c join media_items m on m.id = c.item_id where m.workspace_id = ?",
                cleo.workspaceId()), "the other workspace's picture stays");
        assertEquals(0, rig.count("select count(*) from media_chunks c where not exists (select 1 from media_items m where m.id = c.item_id)"));
    }

    @Test
    void aSecondEventOrOneForAWorkspaceNeverSeenErasesAndRecordsNothing() {
        assertFalse(rig.workspaceEraser.erase(FrontEnd.SLACK, "T0ACME42").empty());
        Erased again = rig.workspaceEraser.erase(FrontEnd.SLACK, "T0ACME42"); // tokens_revoked after app_uninstalled
        assertTrue(again.empty());
        assertTrue(rig.workspaceEraser.erase(FrontEnd.DISCORD, "4040404040").empty());
        assertEquals(1, rig.count("select count(*) from audit_records"));
        assertEquals(1, rig.mastodon.revoked.size(), "no token is revoked twice");
    }

    @Test
    void twoEventsHandledAtOnceEraseOnceWithoutAnError() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Erased> first = pool.submit(() -> rig.workspaceEraser.erase(FrontEnd.SLACK, "T0ACME42"));
            Future<Erased> second = pool.submit(() -> rig.workspaceEraser.erase(FrontEnd.SLACK, "T0ACME42"));
            int nonEmpty = (first.get().empty() ? 0 : 1) + (second.get().empty() ? 0 : 1);
            assertEquals(1, nonEmpty, "exactly one of them erased the data");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, rig.count("select count(*) from audit_records"));
        assertEquals(0, rig.count("select count(*) from workspaces where external_id = 'T0ACME42'"));
    }
}
