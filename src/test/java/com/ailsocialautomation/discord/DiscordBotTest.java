package com.ailsocialautomation.discord;

import com.ailsocialautomation.message.FrontEnd;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.ailsocialautomation.Json;
import com.ailsocialautomation.command.AccountSuggestions;
import com.ailsocialautomation.command.CommandService;
import com.ailsocialautomation.command.Invocation;
import com.ailsocialautomation.command.ParsedCommand;
import com.ailsocialautomation.message.MediaInput;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.config.ConfigError;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeDiscord;
import com.ailsocialautomation.notify.DeliveryError;
import com.ailsocialautomation.testing.Http;
import com.ailsocialautomation.web.WebServer;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The bot against a fake Discord REST API and gateway on 127.0.0.1, reached through DISCORD_API_URL. */
class DiscordBotTest {
    private static final String TOKEN = "MTA.fake-bot-token.for-tests";
    private static final String GUILD = "900000000000000001";
    private static final String CHANNEL = "700000000000000001";
    private static final String ANA = "100000000000000001";

    private final FakeDiscord discord = new FakeDiscord(TOKEN);
    private final List<String> erased = new CopyOnWriteArrayList<>();
    private DiscordBot bot;

    @AfterEach
    void stop() throws Exception {
        if (bot != null) {
            bot.close();
        }
        discord.close();
    }

    private DiscordBot start(String guildId, Integer shards, String shardIds) throws InterruptedException {
        return start(guildId, shards, shardIds, mock(CommandService.class));
    }

    private DiscordBot start(String guildId, Integer shards, String shardIds, CommandService commands) throws InterruptedException {
        discord.addGuild(GUILD, CHANNEL);
        bot = DiscordBot.start(new Config.Discord(Secret.of(TOKEN), guildId, discord.apiUrl(), shards, shardIds),
                commands, mock(AccountSuggestions.class), (frontEnd, id) -> erased.add(frontEnd + ":" + id),
                Clock.systemUTC());
        bot.shards().getShards().get(0).awaitReady();
        return bot;
    }

    @Test
    void theBotLogsInWithItsTokenAsksForNoPrivilegedIntentAndRegistersTheManifestGlobally() throws Exception {
        start(null, null, null);

        waitFor(() -> !discord.calls("PUT", "applications/" + FakeDiscord.APP_ID + "/commands").isEmpty());
        assertFalse(discord.calls("GET", "users/@me").isEmpty(), "build() checks the token with GET users/@me");
        assertEquals(0, discord.unauthorized(), "every call carried Authorization: Bot <token>");
        JsonNode registered = discord.calls("PUT", "applications/" + FakeDiscord.APP_ID + "/commands").get(0).body();
        JsonNode manifest = Json.MAPPER.readTree(Files.readString(Path.of("bot-manifests/discord/commands.json")));
        assertEquals(manifest, registered, "one bulk overwrite: /ail and the message command Post with AIL");

        JsonNode identify = discord.identifies().get(0);
        long intents = identify.path("intents").asLong();
        assertEquals(1, intents, "GUILDS only, which JDA always asks for");
        assertEquals(0, intents & (1 << 15), "no MESSAGE_CONTENT");
        assertEquals(0, intents & ((1 << 1) | (1 << 8)), "no GUILD_MEMBERS, no GUILD_PRESENCES");
    }

    @Test
    void withDiscordGuildIdTheCommandIsRegisteredInThatGuildOnly() throws Exception {
        start(GUILD, null, null);

        waitFor(() -> !discord.calls("PUT", "guilds/" + GUILD + "/commands").isEmpty());
        Thread.sleep(300);
        assertTrue(discord.calls("PUT", "applications/" + FakeDiscord.APP_ID + "/commands").isEmpty());
    }

    @Test
    void discordShardIdsChoosesTheShardsThisInstanceRuns() throws Exception {
        start(null, 2, "1");

        assertEquals("[1,2]", discord.identifies().get(0).path("shard").toString());
        assertEquals(1, bot.shards().getShardsTotal() / 2, "two shards in all");
        assertEquals(1, bot.shards().getShards().size(), "one of them here");
    }

    @Test
    void aRefusedTokenStopsStartUpNamingTheVariable() {
        FakeDiscord other = new FakeDiscord("another-token");
        try {
            ConfigError e = assertThrows(ConfigError.class, () -> DiscordBot.start(
                    new Config.Discord(Secret.of(TOKEN), null, other.apiUrl(), null, null), mock(CommandService.class),
                    mock(AccountSuggestions.class), (f, id) -> { }, Clock.systemUTC()));
            assertEquals("DISCORD_BOT_TOKEN", e.variable());
            assertFalse(e.getMessage().contains(TOKEN));
        } finally {
            other.close();
        }
    }

    @Test
    void aDirectMessageCarriesTheReplyAndItsButtons() throws Exception {
        start(null, null, null);
        Reply failed = Reply.of("Post p7k2q failed on x").withButton("Retry", "retry:p7k2q", Reply.Button.Style.PRIMARY);

        bot.notifier().direct(GUILD, ANA, failed, "channel:" + CHANNEL);

        assertEquals(ANA, discord.calls("POST", "users/@me/channels").get(0).body().path("recipient_id").asText());
        List<FakeDiscord.Call> sent = discord.calls("POST", "/messages");
        assertEquals(1, sent.size());
        assertFalse(sent.get(0).path().contains(CHANNEL), "sent to the DM channel, not the guild's");
        assertEquals("Post p7k2q failed on x", sent.get(0).body().path("content").asText());
        assertEquals("b|" + GUILD + "|" + ANA + "|retry:p7k2q",
                sent.get(0).body().path("components").get(0).path("components").get(0).path("custom_id").asText());
    }

    @Test
    void aNotificationQuotingMentionsAllowsNoneOfThemSoNobodyIsPinged() throws Exception {
        start(null, null, null);
        String text = "Post p7k2q failed: @everyone @here <@" + ANA + "> <@&123456789012345678> said no";

        bot.notifier().direct(GUILD, ANA, Reply.of(text), "channel:" + CHANNEL);

        JsonNode body = discord.calls("POST", "/messages").get(0).body();
        assertEquals(text, body.path("content").asText());
        JsonNode allowed = body.path("allowed_mentions");
        assertEquals("[]", allowed.path("parse").toString(), "no @everyone, @here, role or user mention is live: " + allowed);
        assertTrue(allowed.path("users").isMissingNode() || allowed.path("users").isEmpty(), allowed.toString());
        assertTrue(allowed.path("roles").isMissingNode() || allowed.path("roles").isEmpty(), allowed.toString());
    }

    @Test
    void whenTheUserBlocksDmsTheMessageGoesToThePostsChannelAndTheLogSaysSo() throws Exception {
        start(null, null, null);
        discord.blockDms(ANA);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(DiscordNotifier.class);
        logger.addAppender(logs);
        logs.start();
        try {
            bot.notifier().direct(GUILD, ANA, Reply.of("Post p7k2q failed on x"), "channel:" + CHANNEL);
        } finally {
            logger.detachAppender(logs);
        }

        List<FakeDiscord.Call> sent = discord.calls("POST", "channels/" + CHANNEL + "/messages");
        assertEquals(1, sent.size());
        JsonNode body = sent.get(0).body();
        assertTrue(body.path("content").asText().startsWith("<@" + ANA + "> (I could not send you a direct message"), body.toString());
        assertTrue(body.path("content").asText().endsWith("Post p7k2q failed on x"));
        assertEquals("[\"" + ANA + "\"]", body.path("allowed_mentions").path("users").toString(), "pings only them");
        assertTrue(logs.list.stream().anyMatch(e -> e.getFormattedMessage().equals("A user of Discord server " + GUILD
                + " blocks direct messages; the notification went to channel " + CHANNEL + " instead")), logs.list.toString());
    }

    @Test
    void aBlockedDmWithoutAChannelToFallBackToIsDropped() throws Exception {
        start(null, null, null);
        discord.blockDms(ANA);

        DeliveryError e = assertThrows(DeliveryError.class, () -> bot.notifier().direct("dm:" + ANA, ANA, Reply.of("x"), null));

        assertTrue(e.permanent());
    }

    @Test
    void a429OnADmComesBackWithTheTimeDiscordNamesAndTheNextTryGoesThrough() throws Exception {
        start(null, null, null);
        discord.rateLimit("/messages", 1, 2.5);
        Instant before = Instant.now();

        DeliveryError e = assertThrows(DeliveryError.class, () -> bot.notifier().direct(GUILD, ANA, Reply.of("Published"), null));

        assertFalse(e.permanent());
        Duration wait = Duration.between(before, e.retryAt());
        assertTrue(wait.compareTo(Duration.ofMillis(2400)) >= 0 && wait.compareTo(Duration.ofSeconds(6)) < 0, wait.toString());
        bot.notifier().direct(GUILD, ANA, Reply.of("Published"), null);
        assertEquals(1, discord.calls("POST", "/messages").size());
    }

    @Test
    void registrationWaitsOutA429RetryAfterAndTriesAgain() throws Exception {
        discord.rateLimit("/commands", 1, 1.5);
        start(null, null, null);

        waitFor(() -> !discord.calls("PUT", "/commands").isEmpty());
        long refused = discord.calls("PUT!429", "/commands").get(0).atMillis();
        long accepted = discord.calls("PUT", "/commands").get(0).atMillis();
        assertTrue(accepted - refused >= 1400, "waited " + (accepted - refused) + " ms");
    }

    @Test
    void aSlashCommandWhoseWorkTakesLongerThanThreeSecondsIsAcknowledgedInTimeAndAnsweredThroughTheHook() throws Exception {
        CommandService commands = mock(CommandService.class);
        when(commands.run(any(Invocation.class), any(ParsedCommand.class))).thenAnswer(call -> {
            Thread.sleep(3500); // slower than Discord's 3 seconds
            return Reply.of("Your accounts: none yet");
        });
        start(null, null, null, commands);

        discord.slashCommand("interaction-token-1", GUILD, ANA, "accounts");

        waitFor(() -> !discord.calls("PATCH", "messages/@original").isEmpty(), discord::calls);
        FakeDiscord.Call ack = discord.calls("POST", "/callback").get(0);
        assertEquals(5, ack.body().path("type").asInt(), "DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE");
        assertEquals(64, ack.body().path("data").path("flags").asInt(), "ephemeral");
        assertEquals("Your accounts: none yet", discord.calls("PATCH", "messages/@original").get(0).body().path("content").asText());
        verify(commands).run(eq(new Invocation(FrontEnd.DISCORD, GUILD, ANA, "ana", false, null, "channel:" + CHANNEL)),
                eq(new ParsedCommand("accounts", List.of(), Map.of(), "")));
    }

    @Test
    void attachmentsGivenToPostReachTheCommandLayerAsChatFilesWhoseSignedAddressesServeTheBytes() throws Exception {
        CommandService commands = mock(CommandService.class);
        when(commands.run(any(Invocation.class), any(ParsedCommand.class))).thenReturn(Reply.of("Publishing now"));
        start(null, null, null, commands);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        byte[] mp4 = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'm', 'p', '4', '2'};
        Map<String, Object> photo = discord.attachment("launch.png", "image/png", png, "Our team on stage");
        Map<String, Object> clip = discord.attachment("clip.mp4", "video/mp4", mp4, "a description alt-2 replaces");

        discord.slashCommand("interaction-token-2", GUILD, ANA, "post", List.of(
                Map.of("name", "text", "type", 3, "value", "We launched"),
                Map.of("name", "media", "type", 11, "value", photo.get("id")),
                Map.of("name", "media-2", "type", 11, "value", clip.get("id")),
                Map.of("name", "alt-2", "type", 3, "value", "Ten seconds of applause")), List.of(photo, clip));

        waitFor(() -> !discord.calls("PATCH", "messages/@original").isEmpty(), discord::calls);
        org.mockito.ArgumentCaptor<ParsedCommand> ran = org.mockito.ArgumentCaptor.forClass(ParsedCommand.class);
        verify(commands).run(any(Invocation.class), ran.capture());
        assertEquals("We launched", ran.getValue().text());
        assertEquals(List.of(new MediaInput.ChatFile((String) photo.get("url"), null, "launch.png", "Our team on stage"),
                new MediaInput.ChatFile((String) clip.get("url"), null, "clip.mp4", "Ten seconds of applause")),
                ran.getValue().files());

        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        MediaInput.ChatFile first = (MediaInput.ChatFile) ran.getValue().files().get(0);
        HttpResponse<byte[]> bytes = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(first.url())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, bytes.statusCode());
        assertTrue(java.util.Arrays.equals(png, bytes.body()), "the signed address serves the file, no token needed");
        HttpResponse<String> tampered = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                first.url().replace("launch.png", "other.png"))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, tampered.statusCode(), "a changed address loses its signature");
        discord.dropAttachment((String) photo.get("id"));
        assertEquals(404, client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(first.url())).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "once Discord drops the file its address is dead");
    }

    @Test
    void optionsTypedInMoreReachThePostAsTheTextFormGivesThem() throws Exception {
        CommandService commands = mock(CommandService.class);
        when(commands.run(any(Invocation.class), any(ParsedCommand.class))).thenReturn(Reply.of("Publishing now"));
        start(null, null, null, commands);

        discord.slashCommand("interaction-token-more", GUILD, ANA, "post", List.of(
                Map.of("name", "text", "type", 3, "value", "Our spring release"),
                Map.of("name", "more", "type", 3, "value", "title:\"Spring\" privacy:unlisted")), List.of());

        waitFor(() -> !discord.calls("PATCH", "messages/@original").isEmpty(), discord::calls);
        org.mockito.ArgumentCaptor<ParsedCommand> ran = org.mockito.ArgumentCaptor.forClass(ParsedCommand.class);
        verify(commands).run(any(Invocation.class), ran.capture());
        assertEquals(new ParsedCommand("post", List.of(), Map.of("title", List.of("Spring"), "privacy", List.of("unlisted")),
                "Our spring release"), ran.getValue());
    }

    @Test
    void leavingAGuildErasesItButAnOutageDoesNot() throws Exception {
        discord.addGuild("900000000000000002", "700000000000000002");
        start(null, null, null);

        discord.dispatch("GUILD_DELETE", Map.of("id", "900000000000000002", "unavailable", true));
        discord.dispatch("GUILD_DELETE", Map.of("id", GUILD));

        waitFor(() -> !erased.isEmpty());
        Thread.sleep(300);
        assertEquals(List.of("discord:" + GUILD), erased);
    }

    @Test
    void theInviteRouteRedirectsToDiscordWithTheBotAndCommandScopes() throws Exception {
        start(null, null, null);
        try (WebServer web = new WebServer("127.0.0.1", 0, new SimpleMeterRegistry(), List.of(bot.routes())).start()) {
            HttpResponse<String> response = Http.get(web.port(), "/discord/invite");

            assertEquals(302, response.statusCode());
            String location = response.headers().firstValue("Location").orElseThrow();
            assertTrue(location.startsWith("https://discord.com/oauth2/authorize?client_id=" + FakeDiscord.APP_ID), location);
            assertTrue(location.contains("scope=bot+applications.commands"), location);
            assertTrue(location.contains("permissions=" + net.dv8tion.jda.api.Permission.getRaw(InviteRoute.PERMISSIONS)), location);
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        waitFor(condition, () -> "");
    }

    private static void waitFor(BooleanSupplier condition, java.util.function.Supplier<Object> state) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("timed out; " + state.get());
            }
            Thread.sleep(20);
        }
    }
}
