package com.ailsocialautomation.discord;

import com.ailsocialautomation.command.AccountSuggestions;
import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeDiscord;
import com.ailsocialautomation.fakes.FakeMastodon;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.platform.GuardedApiClient;
import com.ailsocialautomation.platform.mastodon.MastodonProvider;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.NewAccount;
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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

/**
 * Issue 14 point 7 end to end: {@code /ail post} with an attachment arrives through the gateway as Discord sends it,
 * the real command layer copies the file from the CDN when it accepts the command, and after Discord has dropped the
 * file the picture still reaches Mastodon with the alt text given beside it.
 */
class DiscordMediaTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    private static final String TOKEN = "MTA.fake-bot-token.media";
    private static final String GUILD = "900000000000000007";
    private static final String CHANNEL = "700000000000000007";
    private static final String ANA = "100000000000000001";
    /** The import test's own server: the class's tests share one database. */
    private static final String IMPORTING = "900000000000000008";

    private final FakeDiscord discord = new FakeDiscord(TOKEN);
    private final FakeMastodon mastodon = FakeMastodon.start();
    private Units units;
    private DiscordBot bot;

    @AfterEach
    void stop() throws Exception {
        if (bot != null) {
            bot.close();
        }
        if (units != null) {
            units.close();
        }
        discord.close();
        mastodon.close();
    }

    @Test
    void anAttachmentIsCopiedWhenPostIsAcceptedAndReachesMastodonWithItsAltAfterDiscordDroppedIt() throws Exception {
        units = Units.over(pg).providers(http -> List.of(new MastodonProvider(new GuardedApiClient(http)))).build();
        units.startEngine();
        connectMastodon();
        discord.addGuild(GUILD, CHANNEL);
        bot = DiscordBot.start(new Config.Discord(Secret.of(TOKEN), null, discord.apiUrl(), null, null),
                units.commandLayer.commands, mock(AccountSuggestions.class), (frontEnd, id) -> { }, Clock.systemUTC());
        bot.shards().getShards().get(0).awaitReady();
        byte[] png = picture();
        Map<String, Object> photo = discord.attachment("square.png", "image/png", png, "its own description");

        discord.slashCommand("interaction-token-media", GUILD, ANA, "post", List.of(
                Map.of("name", "text", "type", 3, "value", "A red square"),
                Map.of("name", "media", "type", 11, "value", photo.get("id")),
                Map.of("name", "alt", "type", 3, "value", "A red square on white")), List.of(photo));

        assertTrue(eventually(Duration.ofSeconds(20), () -> discord.calls("PATCH", "messages/@original").stream()
                .anyMatch(c -> c.body().path("content").asText().contains("Post p"))), () -> discord.calls().toString());
        discord.dropAttachment((String) photo.get("id")); // Discord's copy is gone once the command is accepted
        assertTrue(eventually(Duration.ofSeconds(20), () -> mastodon.statuses().size() == 1), "the post reached Mastodon");

        JsonNode status = mastodon.statuses().get(0);
        assertEquals("A red square", status.path("text_sent").asText());
        String media = status.path("media_attachments").get(0).path("id").asText();
        assertEquals("A red square on white", mastodon.description(media), "alt outranks the attachment's own description");
        byte[] uploaded = mastodon.uploadedBytes(media);
        assertTrue(new String(uploaded, StandardCharsets.ISO_8859_1).startsWith("\u0089PNG"), "the picture arrived");
        assertEquals(List.of(""), discord.cdnAuthorizations(), "fetched once, and without the bot token");
    }

    @Test
    void importTakesTheCsvAsTheCsvAttachmentRefusesABadLineAndSchedulesAGoodFile() throws Exception {
        units = Units.over(pg).providers(http -> List.of(new MastodonProvider(new GuardedApiClient(http)))).build();
        connectMastodon(IMPORTING);
        discord.addGuild(IMPORTING, "700000000000000008");
        bot = DiscordBot.start(new Config.Discord(Secret.of(TOKEN), null, discord.apiUrl(), null, null),
                units.commandLayer.commands, mock(AccountSuggestions.class), (frontEnd, id) -> { }, Clock.systemUTC());
        bot.shards().getShards().get(0).awaitReady();
        String good = "when,to,text,media,alt\r\ntomorrow 09:00,mastodon,\"Doors open,\r\ncome in\",,\r\n"
                + "tomorrow 18:00,,Thank you all,,\r\n";
        Map<String, Object> bad = discord.attachment("plan.csv", "text/csv",
                (good + "tomorrow 19:00,,\"" + "x".repeat(600) + "\",,\r\n").getBytes(StandardCharsets.UTF_8), null);

        discord.slashCommand("interaction-token-import-1", IMPORTING, ANA, "import",
                List.of(Map.of("name", "csv", "type", 11, "value", bad.get("id"))), List.of(bad));

        assertTrue(eventually(Duration.ofSeconds(20), () -> discord.calls("PATCH", "interaction-token-import-1/messages/@original")
                .stream().anyMatch(c -> c.body().path("content").asText().contains("Nothing was scheduled: 1 row of 3")
                        && c.body().path("content").asText().contains("Line 5: Too long for Mastodon"))), () -> discord.calls().toString());
        UUID ws = units.store.workspaces.ensure(FrontEnd.DISCORD, IMPORTING, "Test server");
        assertEquals(0, units.store.posts.list(ws, com.ailsocialautomation.store.PostFilter.UPCOMING, null, 10).size());

        Map<String, Object> file = discord.attachment("plan.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8), null);
        discord.slashCommand("interaction-token-import-2", IMPORTING, ANA, "import",
                List.of(Map.of("name", "csv", "type", 11, "value", file.get("id"))), List.of(file));

        assertTrue(eventually(Duration.ofSeconds(20), () -> discord.calls("PATCH", "interaction-token-import-2/messages/@original")
                .stream().anyMatch(c -> c.body().path("content").asText().contains("Scheduled 2 posts from the file"))),
                () -> discord.calls().toString());
        assertEquals(List.of("Doors open,\ncome in", "Thank you all"), units.store.posts.list(ws,
                com.ailsocialautomation.store.PostFilter.UPCOMING, null, 10).stream().map(p -> p.text()).toList());
    }

    /** Connects a Mastodon account on the fake for the guild, as its OAuth callback would store it. */
    private void connectMastodon() {
        connectMastodon(GUILD);
    }

    private void connectMastodon(String guild) {
        UUID ws = units.store.workspaces.ensure(FrontEnd.DISCORD, guild, "Test server");
        ChatUser owner = units.store.workspaces.ensureUser(ws, ANA, "ana");
        String token = mastodon.issue("https://ail.example.com/oauth/mastodon/callback", "write:statuses write:media profile");
        units.store.accounts.connect(ws, owner.id(), new NewAccount(PlatformId.MASTODON, "1094" + UUID.randomUUID().hashCode(),
                "@ana@127.0.0.1", "Ana", null, mastodon.url(), "write:statuses write:media profile", 500),
                new StoredTokens(Secret.of(token), null, null, null));
    }

    private static byte[] picture() throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                image.setRGB(x, y, x > 10 && x < 30 && y > 5 && y < 25 ? 0xCC2200 : 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
