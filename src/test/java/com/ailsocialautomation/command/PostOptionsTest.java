package com.ailsocialautomation.command;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeMastodon;
import com.ailsocialautomation.fakes.FakeWebhookReceiver;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.platform.GuardedApiClient;
import com.ailsocialautomation.platform.mastodon.MastodonProvider;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.NewAccount;
import com.ailsocialautomation.store.StoredTokens;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.RawTables;
import com.ailsocialautomation.testing.Units;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * title:, privacy:, tags:, allow: and disclose: through the command layer, the store and the engine to the strict
 * Mastodon fake and a signed webhook receiver: kept encrypted with the post, shown, edited, exported, and refused in
 * one line when no target uses them.
 */
class PostOptionsTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();

    Units units;
    final FakeMastodon mastodon = FakeMastodon.start();
    FakeWebhookReceiver hook;
    final Invocation ana =
            new Invocation(FrontEnd.DISCORD, "G-" + UUID.randomUUID(), "U-ana", "Ana", false, null, null);

    @BeforeEach
    void start() throws Exception {
        hook = new FakeWebhookReceiver();
        units = Units.over(pg).providers(http -> List.of(new MastodonProvider(new GuardedApiClient(http)))).build();
        units.startEngine();
    }

    @AfterEach
    void stop() {
        hook.close();
        mastodon.close();
        units.close();
    }

    @Test
    void eachTargetGetsTheOptionsItsPlatformUses() throws Exception {
        connectWebhook();
        connectMastodon();
        String reply = run("schedule in:2h to:webhook,mastodon title:\"Spring release\" tags:#launch,spring privacy:unlisted "
                + "Our spring release is out");
        assertTrue(reply.contains("title:\"Spring release\" (Webhook"), reply);
        assertTrue(reply.contains("privacy:unlisted (Mastodon (@ana@127.0.0.1))"), reply);
        String id = postId(reply);
        assertTrue(run("reschedule " + id + " in:1s").contains("will be published"));

        assertTrue(eventually(Duration.ofSeconds(20), () -> hook.accepted().size() == 1 && mastodon.statuses().size() == 1),
                () -> run("show " + id));
        JsonNode delivered = hook.accepted().get(0).body();
        assertEquals("Spring release", delivered.path("title").asText());
        assertEquals(List.of("launch", "spring"), List.of(delivered.path("tags").get(0).asText(), delivered.path("tags").get(1).asText()));
        assertEquals(2, delivered.path("tags").size());
        assertEquals("unlisted", mastodon.statuses().get(0).path("visibility").asText());
    }

    @Test
    void anOptionNoTargetUsesIsRefusedAndNothingIsKept() {
        connectMastodon();
        assertEquals("title: is for Webhook and YouTube; none of the targets uses it. Leave it out, or add such an "
                + "account with to:.", run("post to:mastodon title:\"Spring\" Hello"));
        assertTrue(run("schedule in:1h to:mastodon allow:comments Hello").startsWith("allow: is for TikTok; none of the targets uses it."));
        assertEquals("Privacy:private is not a setting of Mastodon (@ana@127.0.0.1), which takes public, unlisted, followers; "
                + "choose one they all take, or leave those accounts out with to:.", run("post to:mastodon privacy:private Hello"));
        String unknown = run("post to:mastodon allow:comments,jumps Hello");
        assertTrue(unknown.contains("'jumps' is not something allow: takes; it takes comments, duet, stitch"), unknown);
        String badPrivacy = run("post to:mastodon privacy:secret Hello");
        assertTrue(badPrivacy.contains("choose one of: public, unlisted, followers, friends, private"), badPrivacy);
        assertEquals(0, count(), "nothing was kept");
        assertEquals(0, mastodon.statuses().size(), "nothing went out");
    }

    @Test
    void editChangesTheOptionsItNamesShowAndMyDataListThemAndTheyAreStoredEncrypted() throws Exception {
        connectWebhook();
        String secretTitle = "Launch night " + UUID.randomUUID();
        String id = postId(run("schedule in:2h to:webhook title:\"" + secretTitle + "\" tags:launch Doors open at 18:00"));
        assertEquals(List.of(), RawTables.rowsContaining(pg.dataSource(), secretTitle), "the title is encrypted at rest");

        String edited = run("edit " + id + " title:\"Doors open\"");
        assertTrue(edited.contains("has title:\"Doors open\" and now reads: Doors open at 18:00"), edited);
        String shown = run("show " + id);
        assertTrue(shown.contains("title:\"Doors open\" tags:launch"), shown);

        String refused = run("edit " + id + " privacy:public");
        assertTrue(refused.startsWith("privacy: is for Mastodon, YouTube and TikTok; none of the targets uses it."), refused);
        assertTrue(run("show " + id).contains("title:\"Doors open\" tags:launch"), "a refused edit changes nothing");

        Reply export = units.commandLayer.commands.run(ana, "my-data");
        JsonNode post = Json.MAPPER.readTree(export.file().content()).at("/posts/0");
        assertEquals("Doors open", post.path("options").path("title").asText());
        assertEquals("launch", post.path("options").path("tags").asText());

        assertEquals(1, units.store.sql.one("select count(*) from posts where options_enc is not null and workspace_id = ?",
                rs -> rs.getInt(1), workspace()).orElseThrow());
        Reply confirm = units.commandLayer.commands.run(ana, "forget-me");
        units.commandLayer.commands.press(ana, confirm.buttons().get(0).actionId());
        assertEquals(0, units.store.sql.one("select count(*) from posts where options_enc is not null and workspace_id = ?",
                rs -> rs.getInt(1), workspace()).orElseThrow(), "the options are erased with the post");
    }

    private String run(String line) {
        return units.commandLayer.commands.run(ana, line).toPlainText();
    }

    private UUID workspace() {
        return units.store.workspaces.ensure(ana.frontEnd(), ana.workspaceId(), "Test");
    }

    private int count() {
        return units.store.sql.one("select count(*) from posts where workspace_id = ?", rs -> rs.getInt(1), workspace()).orElseThrow();
    }

    private void connectWebhook() {
        String reply = run("connect webhook " + hook.url());
        Matcher secret = Pattern.compile("Signing secret \\(shown only now\\): (whsec_\\S+)").matcher(reply);
        assertTrue(secret.find(), reply);
        hook.expectSecret(secret.group(1));
    }

    private void connectMastodon() {
        UUID ws = workspace();
        ChatUser owner = units.store.workspaces.ensureUser(ws, ana.userId(), ana.displayName());
        String token = mastodon.issue("https://ail.example.com/oauth/mastodon/callback", "write:statuses write:media profile");
        units.store.accounts.connect(ws, owner.id(), new NewAccount(PlatformId.MASTODON, "1093" + UUID.randomUUID().hashCode(),
                "@ana@127.0.0.1", "Ana", null, mastodon.url(), "write:statuses write:media profile", 500),
                new StoredTokens(Secret.of(token), null, null, null));
    }

    private static String postId(String reply) {
        Matcher m = Pattern.compile("Post (p[a-z2-9]{4})").matcher(reply);
        assertTrue(m.find(), reply);
        return m.group(1);
    }
}
