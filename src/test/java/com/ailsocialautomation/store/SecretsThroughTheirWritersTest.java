package com.ailsocialautomation.store;

import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.PostOptions;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.notify.Outbox;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.RawTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every encrypted column written through the production method that writes it (not by the test's own encrypt call),
 * then every table's raw contents searched for the known secret in text, any case, URL- and JSON-escaped, hex, base64
 * and base64url (RawTables). Breakage tried: Attempts.record writing the message's UTF-8 bytes instead of the vault's
 * ciphertext fails here with "publish_attempts.message_enc".
 */
class SecretsThroughTheirWritersTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();

    private static String known(String column) {
        return "Known-Secret/" + column + "+" + UUID.randomUUID() + " \"ünï\" & <cödé>";
    }

    @Test
    void everySecretWrittenByTheCodeThatWritesItIsNowhereInClear() {
        Sql sql = new Sql(pg.dataSource());
        Workspaces workspaces = new Workspaces(sql);
        UUID ws = workspaces.ensure(FrontEnd.SLACK, "T" + UUID.randomUUID(), "Secrets Inc");
        ChatUser ana = workspaces.ensureUser(ws, "U" + UUID.randomUUID(), "Ana");
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String column : List.of("access_token_enc", "refresh_token_enc", "endpoint_enc", "client_secret_enc", "pkce_verifier_enc",
                "detail_enc", "message_enc", "error_enc", "error_enc retry", "payload_enc", "token_enc", "pending refresh_token_enc",
                "posts title", "posts comment", "posts text.x", "series texts_enc", "series options_enc", "decision note_enc")) {
            secrets.put(column, known(column.replace(' ', '-')));
        }

        Accounts accounts = new Accounts(sql, pg.vault());
        Account hook = accounts.connect(ws, ana.id(), new NewAccount(PlatformId.WEBHOOK, "hook-1", "hook.test/hook", "hook", null, null, null, null),
                new StoredTokens(Secret.of("whsec_first"), null, null, null, Secret.of(secrets.get("endpoint_enc"))));
        accounts.connect(ws, ana.id(), new NewAccount(PlatformId.X, "x-1", "@ana", "Ana", null, null, "tweet.write", 280),
                new StoredTokens(Secret.of(secrets.get("access_token_enc")), null, Instant.now().plusSeconds(7200), null));
        Account x = accounts.list(ws).stream().filter(a -> a.platform() == PlatformId.X).findFirst().orElseThrow();
        accounts.saveTokens(ws, x.id(), new StoredTokens(Secret.of(secrets.get("access_token_enc")),
                Secret.of(secrets.get("refresh_token_enc")), Instant.now().plusSeconds(7200), null));
        new OAuthApps(sql, pg.vault()).save(PlatformId.MASTODON, "https://fosstodon.org", "https://ail.example/oauth/mastodon/callback",
                new OAuthApps.Registered("client-1", Secret.of(secrets.get("client_secret_enc")), "write"));
        OAuthStates states = new OAuthStates(sql, pg.vault());
        OAuthStates.Link link = new OAuthStates.Link(ws, ana.id(), PlatformId.X, null);
        states.addState(link, random(), random(), Secret.of(secrets.get("pkce_verifier_enc")), Instant.now().plusSeconds(600));
        states.addLink(new OAuthStates.Link(ws, ana.id(), PlatformId.WEBHOOK, null), "Ana", Secret.of(secrets.get("detail_enc")), random(),
                Instant.now().plusSeconds(600));
        Posts posts = new Posts(sql, pg.vault());
        Post post = posts.create(ws, ana.id(), "two targets", List.of(), Instant.now(), null, List.of(hook, x));
        Targets targets = new Targets(sql, pg.vault());
        Target first = post.targets().get(0);
        Target second = post.targets().get(1);
        targets.claim(ws, first.id());
        targets.finish(ws, first.id(), TargetState.FAILED, secrets.get("error_enc"),
                new Attempts.Line(Instant.now(), 12, 500, AttemptOutcome.FAILED, secrets.get("message_enc")));
        targets.claim(ws, second.id());
        targets.retryLater(ws, second.id(), Instant.now().plusSeconds(60), secrets.get("error_enc retry"),
                new Attempts.Line(Instant.now(), 30, 503, AttemptOutcome.TRANSIENT, null));
        new Outbox(sql, pg.vault()).add(ws, ana.id(), "failed:" + first.id(), Reply.of(secrets.get("payload_enc")), null);
        new PendingRevocations(sql, pg.vault()).add(PlatformId.MASTODON, "https://fosstodon.org", Secret.of(secrets.get("token_enc")),
                Secret.of(secrets.get("pending refresh_token_enc")), Instant.now());

        // posts.options_enc, post_series and post_decisions: a person's words, written by their own repositories
        PostOptions options = new PostOptions(secrets.get("posts title"), null, List.of(), List.of(), List.of(),
                secrets.get("posts comment"), Map.of(PlatformId.X, secrets.get("posts text.x")));
        Post waiting = posts.create(ws, ana.id(), "with options", options, List.of(), null, Instant.now().plusSeconds(3600), null,
                List.of(x), (tx, id) -> {}, TargetState.SCHEDULED);
        new Series(sql, pg.vault()).create(ws, ana.id(), Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), ZoneId.of("Europe/Berlin"),
                null, 3, List.of(secrets.get("series texts_enc")), Map.of("title", List.of(secrets.get("series options_enc"))),
                Instant.now().plusSeconds(86_400));
        Approvals approvals = new Approvals(sql, pg.vault());
        int round = sql.transaction(tx -> Approvals.hold(tx, ws, waiting.id()));
        assertTrue(approvals.decide(ws, waiting.id(), round, ana.id(), Decision.REJECTED, secrets.get("decision note_enc"), null).recorded());
        assertEquals(secrets.get("posts text.x"), posts.find(ws, waiting.id()).orElseThrow().options().texts().get(PlatformId.X));
        assertEquals(secrets.get("decision note_enc"), approvals.of(ws, waiting.id()).get(0).note());

        assertEquals(secrets.get("refresh_token_enc"), accounts.tokens(ws, x.id()).refresh().reveal(), "written, and readable by AIL");
        List<String> inClear = new ArrayList<>();
        for (Map.Entry<String, String> e : secrets.entrySet()) {
            for (String where : RawTables.rowsContaining(pg.dataSource(), e.getValue())) {
                inClear.add(e.getKey() + " in " + where);
            }
            RawTables.rowsContaining(pg.dataSource(), e.getValue().substring(0, 50)).forEach(w -> inClear.add(e.getKey() + " (part) in " + w));
        }
        assertEquals(List.of(), inClear);
    }

    private static byte[] random() {
        byte[] b = new byte[32];
        new java.security.SecureRandom().nextBytes(b);
        return b;
    }
}
