package com.ailsocialautomation.discord;

import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeDiscord;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.store.NewAccount;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.PostFilter;
import com.ailsocialautomation.store.PostStatus;
import com.ailsocialautomation.store.StoredTokens;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.Units;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Discord's native /ail draft against the fake Discord gateway and REST API, over the real command layer and
 * PostgreSQL: the text, to: and an attachment as native options, a per-platform option typed in more.
 */
class DiscordDraftTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    private static final String TOKEN = "MTA.fake-bot-token.for-tests";
    private static final String GUILD = "900000000000000001";
    private static final String CHANNEL = "700000000000000001";
    private static final String ANA = "100000000000000001";

    private final FakeDiscord discord = new FakeDiscord(TOKEN);
    private Units units;
    private DiscordBot bot;

    @AfterEach
    void stop() throws Exception {
        if (bot != null) {
            bot.close();
        }
        discord.close();
        units.close();
    }

    @Test
    void theDraftSubcommandSavesADraftWithItsAttachmentAndMoreOptionsAndNothingIsScheduled() throws Exception {
        units = Units.over(pg).build();
        UUID guild = units.store.workspaces.ensure(FrontEnd.DISCORD, GUILD, null);
        UUID ana = units.store.workspaces.ensureUser(guild, ANA, "ana").id();
        units.store.accounts.connect(guild, ana, new NewAccount(PlatformId.MASTODON, "m1", "@ana@fosstodon.org", "Ana", null,
                "https://fosstodon.org", "write", 500), new StoredTokens(null, null, null, null));
        discord.addGuild(GUILD, CHANNEL);
        bot = DiscordBot.start(new Config.Discord(Secret.of(TOKEN), null, discord.apiUrl(), null, null),
                units.commandLayer.commands, units.commandLayer.suggestions, (frontEnd, id) -> { }, Clock.systemUTC());
        bot.shards().getShards().get(0).awaitReady();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", png);
        Map<String, Object> photo = discord.attachment("poster.png", "image/png", png.toByteArray(), "The poster");

        discord.slashCommand("interaction-token-draft", GUILD, ANA, "draft", List.of(
                Map.of("name", "text", "type", 3, "value", "Doors open at 18:00"),
                Map.of("name", "to", "type", 3, "value", "mastodon"),
                Map.of("name", "media", "type", 11, "value", photo.get("id")),
                Map.of("name", "more", "type", 3, "value", "privacy:unlisted")), List.of(photo));

        assertTrue(eventually(Duration.ofSeconds(20), () -> !discord.calls("PATCH", "messages/@original").isEmpty()), () -> discord.calls().toString());
        JsonNode answer = discord.calls("PATCH", "messages/@original").get(0).body();
        assertTrue(answer.toString().contains("Saved draft d"), answer.toString());
        assertTrue(answer.toString().contains("post-draft:d"), "the Post now button comes with it: " + answer);
        List<Post> drafts = units.store.posts.list(guild, PostFilter.DRAFTS, ana, 10);
        assertEquals(1, drafts.size());
        Post draft = drafts.get(0);
        assertEquals(PostStatus.DRAFT, draft.status());
        assertEquals("Doors open at 18:00", draft.text());
        assertEquals("unlisted", draft.options().privacy().word());
        assertEquals(1, units.store.media.of(guild, draft.id()).size(), "the attachment was copied at once");
        assertEquals("The poster", units.store.media.of(guild, draft.id()).get(0).altText());
        assertEquals(List.of(), units.store.posts.list(guild, PostFilter.UPCOMING, null, 10), "nothing is scheduled");
    }
}
