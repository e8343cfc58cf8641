package com.ailsocialautomation.discord;

import com.ailsocialautomation.command.AccountSuggestions;
import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeDiscord;
import com.ailsocialautomation.fakes.FakeLinkedIn;
import com.ailsocialautomation.media.Fixtures;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.platform.GuardedApiClient;
import com.ailsocialautomation.platform.linkedin.LinkedInProvider;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.NewAccount;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.PostFilter;
import com.ailsocialautomation.store.StoredTokens;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.TestClock;
import com.ailsocialautomation.testing.Units;
import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.exif.GpsDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

/**
 * "Post with AIL" on a Discord message, through the gateway as Discord sends it: the message command arrives with the
 * message, AIL answers with its form, the person sends it, and the real command layer copies the message's files from
 * the CDN when it accepts the post; LinkedIn (twenty pictures a post) gets all six after Discord dropped them, with
 * the alt texts of the form and without the GPS of the phone's photo.
 */
class DiscordShareTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    private static final String TOKEN = "MTA.fake-bot-token.share";
    private static final String ANA = "100000000000000001";
    private static final String BEN = "100000000000000002";

    private final FakeDiscord discord = new FakeDiscord(TOKEN);
    private final FakeLinkedIn linkedin = FakeLinkedIn.start();
    private final TestClock botClock = new TestClock(Instant.now());
    private Units units;
    private DiscordBot bot;
    private String guild;
    private String channel;

    @AfterEach
    void stop() throws Exception {
        if (bot != null) {
            bot.close();
        }
        if (units != null) {
            units.close();
        }
        discord.close();
        linkedin.close();
    }

    /** A server of its own per test (the class's tests share one database) with Ana's LinkedIn profile connected. */
    private void start() throws Exception {
        guild = "9000000000000" + (100000 + (int) (Math.random() * 800000));
        channel = "7" + guild.substring(1);
        units = Units.over(pg).providers(http -> List.of(new LinkedInProvider(new GuardedApiClient(http), linkedin.url(),
                linkedin.url(), "202603", Clock.systemUTC()))).build();
        units.startEngine();
        UUID ws = units.store.workspaces.ensure(FrontEnd.DISCORD, guild, "Test server");
        ChatUser owner = units.store.workspaces.ensureUser(ws, ANA, "ana");
        units.store.accounts.connect(ws, owner.id(), new NewAccount(PlatformId.LINKEDIN, FakeLinkedIn.MEMBER_ID, "Ada Lovelace",
                "Ada Lovelace", null, null, null, null), new StoredTokens(Secret.of(linkedin.issue().accessToken()), null, null, null));
        discord.addGuild(guild, channel);
        bot = DiscordBot.start(new Config.Discord(Secret.of(TOKEN), null, discord.apiUrl(), null, null),
                units.commandLayer.commands, mock(AccountSuggestions.class), (frontEnd, id) -> { }, botClock);
        bot.shards().getShards().get(0).awaitReady();
    }

    @Test
    void sixPicturesOfAMessageReachLinkedInWithTheFormsAltTextsAndNoGpsAfterDiscordDroppedThem() throws Exception {
        start();
        byte[] photo = Fixtures.jpeg(64, 48, 1); // as a phone writes it: camera, GPS
        assertTrue(ImageMetadataReader.readMetadata(new ByteArrayInputStream(photo)).containsDirectoryOfType(GpsDirectory.class));
        List<Map<String, Object>> files = new ArrayList<>();
        files.add(discord.messageAttachment(channel, "phone.jpg", "image/jpeg", photo, null));
        files.add(discord.messageAttachment(channel, "stage.png", "image/png", picture(0xCC2200), "The team on stage"));
        for (int i = 3; i <= 6; i++) {
            files.add(discord.messageAttachment(channel, "shot-" + i + ".png", "image/png", picture(0x002200 * i), null));
        }
        files.add(discord.messageAttachment(channel, "agenda.pdf", "application/pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), null));
        Map<String, Object> message = discord.message(channel, BEN, "Our launch, in pictures", files);

        discord.messageCommand("share-open", guild, ANA, MessageCommand.NAME, message);
        JsonNode form = awaitModal(0);
        assertEquals("Post with AIL", form.path("title").asText());
        assertEquals("Our launch, in pictures", input(form, "text").path("value").asText(), "the message's text, to edit");
        assertEquals("\nThe team on stage\n\n\n\n", input(form, "alt").path("value").asText(),
                "one line per picture, each its attachment's own description");
        assertTrue(form.toString().contains("Left out: agenda.pdf"), "the PDF is named as left out: " + form);

        discord.submitModal("share-send", guild, ANA, form, Map.of("text", "Launch day, six pictures",
                "alt", "A phone photo of the hall\nThe team on stage\n\nShot three\n\nShot five"));
        assertTrue(eventually(Duration.ofSeconds(20), () -> reply("share-send").contains("Publishing now")), () -> interactionCalls());
        files.forEach(f -> discord.dropAttachment((String) f.get("id"))); // copied at the command: Discord's copy no longer matters

        assertTrue(eventually(Duration.ofSeconds(60), () -> linkedin.posts().size() == 1), "the post reached LinkedIn");
        JsonNode post = linkedin.posts().get(0);
        assertTrue(post.path("commentary").asText().startsWith("Launch day, six pictures"), post.toString());
        JsonNode images = post.path("content").path("multiImage").path("images");
        assertEquals(6, images.size(), "all six pictures, the PDF left out: " + post);
        List<String> alts = new ArrayList<>();
        images.forEach(i -> alts.add(i.path("altText").asText(null)));
        assertEquals(java.util.Arrays.asList("A phone photo of the hall", "The team on stage", null, "Shot three", null, "Shot five"), alts);
        List<byte[]> uploaded = linkedin.received().stream().filter(r -> r.method().equals("PUT")).map(r -> r.body()).toList();
        assertEquals(6, uploaded.size());
        byte[] jpeg = uploaded.stream().filter(b -> (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8).findFirst().orElseThrow();
        assertFalse(ImageMetadataReader.readMetadata(new ByteArrayInputStream(jpeg)).containsDirectoryOfType(GpsDirectory.class),
                "the photo left without its GPS");
        assertFalse(new String(jpeg, StandardCharsets.ISO_8859_1).contains(Fixtures.CAMERA), "nor its camera");
        assertEquals(6, discord.cdnAuthorizations().size(), "each picture fetched once, the PDF never: " + discord.cdnAuthorizations());
    }

    @Test
    void aTimeInTheWhenFieldSchedulesThePostAndOnlyTheMessagesAuthorOfTheFormMaySendIt() throws Exception {
        start();
        Map<String, Object> message = discord.message(channel, ANA, "Doors open at six",
                List.of(discord.messageAttachment(channel, "poster.png", "image/png", picture(0x2244CC), "The poster")));
        discord.messageCommand("schedule-open", guild, ANA, MessageCommand.NAME, message);
        JsonNode form = awaitModal(0);

        discord.submitModal("schedule-by-ben", guild, BEN, form, Map.of("when", "tomorrow 09:00"));
        assertTrue(eventually(Duration.ofSeconds(10), () -> callbackContent("schedule-by-ben").contains("This form is for <@" + ANA + "> only")),
                () -> interactionCalls());

        discord.submitModal("schedule-send", guild, ANA, form, Map.of("when", "tomorrow 09:00", "to", "linkedin"));
        assertTrue(eventually(Duration.ofSeconds(20), () -> reply("schedule-send").contains("Scheduled")), () -> interactionCalls());
        UUID ws = units.store.workspaces.ensure(FrontEnd.DISCORD, guild, "Test server");
        List<Post> upcoming = units.store.posts.list(ws, PostFilter.UPCOMING, null, 10);
        assertEquals(1, upcoming.size(), "Ben's submission did nothing; Ana's scheduled one post");
        assertEquals("Doors open at six", upcoming.get(0).text());
        assertTrue(upcoming.get(0).scheduledAt().isAfter(Instant.now()), "scheduled, not published now");
        assertEquals(1, upcoming.get(0).mediaCount(), "the poster was copied when the form was sent");
        assertTrue(linkedin.posts().isEmpty());
    }

    @Test
    void aFormSentAfterAnHourHasExpiredAndDoesNothing() throws Exception {
        start();
        Map<String, Object> message = discord.message(channel, ANA, "Too late", List.of());
        discord.messageCommand("late-open", guild, ANA, MessageCommand.NAME, message);
        JsonNode form = awaitModal(0);
        assertNull(input(form, "alt"), "no files, no alt field");
        botClock.advance(Duration.ofMinutes(61));

        discord.submitModal("late-send", guild, ANA, form, Map.of());
        assertTrue(eventually(Duration.ofSeconds(10), () -> callbackContent("late-send").contains("This form has expired")),
                () -> interactionCalls());
        Thread.sleep(500);
        UUID ws = units.store.workspaces.ensure(FrontEnd.DISCORD, guild, "Test server");
        assertEquals(0, units.store.posts.list(ws, PostFilter.RECENT, null, 10).size());
        assertTrue(linkedin.posts().isEmpty());
    }

    @Test
    void aMessageWithNothingToPostGetsOneLineAndNoForm() throws Exception {
        start();
        Map<String, Object> message = discord.message(channel, ANA, "", List.of(
                discord.messageAttachment(channel, "notes.pdf", "application/pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), null)));

        discord.messageCommand("nothing-open", guild, ANA, MessageCommand.NAME, message);
        assertTrue(eventually(Duration.ofSeconds(10), () -> callbackContent("nothing-open").contains("has no text, image or video")),
                () -> interactionCalls());
        String line = callbackContent("nothing-open");
        assertTrue(line.contains("notes.pdf") && !line.contains("\n"), line);
        assertTrue(discord.modals().isEmpty());
    }

    /** What AIL sent back to interactions, for a failure's message. */
    private String interactionCalls() {
        return discord.calls().stream().filter(c -> c.path().startsWith("interactions/") || c.path().startsWith("webhooks/"))
                .map(c -> c.method() + " " + c.path() + " " + c.body()).toList().toString();
    }

    private JsonNode awaitModal(int index) throws InterruptedException {
        assertTrue(eventually(Duration.ofSeconds(10), () -> discord.modals().size() > index), () -> interactionCalls());
        return discord.modals().get(index);
    }

    /** The text input {@code id} of a modal, or null. */
    private static JsonNode input(JsonNode modal, String id) {
        for (JsonNode component : modal.path("components")) {
            if (id.equals(component.path("component").path("custom_id").asText())) {
                return component.path("component");
            }
        }
        return null;
    }

    /** What the deferred answer of the interaction with {@code token} says so far. */
    private String reply(String token) {
        return String.join("\n", discord.calls("PATCH", token + "/messages/@original").stream()
                .map(c -> c.body().path("content").asText() + c.body().path("embeds")).toList());
    }

    /** The content of an immediate answer (type 4) to the interaction with {@code token}. */
    private String callbackContent(String token) {
        return discord.calls("POST", token + "/callback").stream().map(c -> c.body().path("data").path("content").asText(""))
                .reduce("", String::concat);
    }

    private static byte[] picture(int rgb) throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                image.setRGB(x, y, x > 10 && x < 30 && y > 5 && y < 25 ? rgb : 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
