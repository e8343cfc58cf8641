package com.ailsocialautomation.command;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeMastodon;
import com.ailsocialautomation.fakes.FakeWebhookReceiver;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.platform.GuardedApiClient;
import com.ailsocialautomation.platform.mastodon.MastodonProvider;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.NewAccount;
import com.ailsocialautomation.store.StoredTokens;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.Units;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine hands each provider its target's own text: a post with text.mastodon: publishes that text to the strict
 * Mastodon fake and the post's text to a signed webhook receiver, through the real engine and store.
 */
class PerTargetPublishTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();

    Units units;
    final FakeMastodon mastodon = FakeMastodon.start();
    FakeWebhookReceiver hook;
    final Invocation ana = new Invocation(FrontEnd.DISCORD, "G-" + UUID.randomUUID(), "U-ana", "Ana", false, null, null);

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
    void eachProviderReceivesItsTargetsOwnText() throws Exception {
        String reply = units.commandLayer.commands.run(ana, "connect webhook " + hook.url()).toPlainText();
        Matcher secret = Pattern.compile("Signing secret \\(shown only now\\): (whsec_\\S+)").matcher(reply);
        assertTrue(secret.find(), reply);
        hook.expectSecret(secret.group(1));
        UUID ws = units.store.workspaces.ensure(ana.frontEnd(), ana.workspaceId(), "Test");
        ChatUser owner = units.store.workspaces.ensureUser(ws, ana.userId(), ana.displayName());
        String token = mastodon.issue("https://ail.example.com/oauth/mastodon/callback", "write:statuses write:media profile");
        units.store.accounts.connect(ws, owner.id(), new NewAccount(PlatformId.MASTODON, "1093" + UUID.randomUUID().hashCode(),
                "@ana@127.0.0.1", "Ana", null, mastodon.url(), "write:statuses write:media profile", 500),
                new StoredTokens(Secret.of(token), null, null, null));

        String accepted = units.commandLayer.commands.run(ana,
                "post to:webhook,mastodon text.mastodon:\"Shorter, for the fediverse\" The long version for the blog").toPlainText();
        assertTrue(accepted.startsWith("Post p"), accepted);
        assertTrue(eventually(Duration.ofSeconds(20), () -> hook.accepted().size() == 1 && mastodon.statuses().size() == 1),
                accepted);
        assertEquals("The long version for the blog", hook.accepted().get(0).body().path("text").asText());
        assertEquals("<p>Shorter, for the fediverse</p>", mastodon.statuses().get(0).path("content").asText());
    }
}
