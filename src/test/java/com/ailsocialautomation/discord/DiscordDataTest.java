package com.ailsocialautomation.discord;

import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.command.AccountSuggestions;
import com.ailsocialautomation.command.CommandService;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.store.PostStatus;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.NewAccount;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.PostFilter;
import com.ailsocialautomation.store.Posts;
import com.ailsocialautomation.store.StoredTokens;
import com.ailsocialautomation.store.Workspaces;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.Units;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.AutoCompleteQuery;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.requests.restaction.interactions.AutoCompleteCallbackAction;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The Discord listeners over the real command layer and a real PostgreSQL. */
class DiscordDataTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    private static final String OTHER_GUILD = "900000000000000002";
    /** Discord's CDN on loopback: AIL copies an attachment when the command is accepted. */
    private static com.sun.net.httpserver.HttpServer cdn;
    private static String PNG;

    private static Workspaces workspaces;
    private static Accounts accounts;
    private static Posts posts;
    private static com.ailsocialautomation.media.MediaStore media;
    private static CommandService commands;
    private static AccountSuggestions suggestions;

    @BeforeAll
    static void store() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
        // cdn.discordapp.com resolves to a loopback server here without asking real DNS
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
        cdn = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        cdn.createContext("/attachments/1/2/launch.png", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, png.size());
                exchange.getResponseBody().write(png.toByteArray());
            }
        });
        cdn.start();
        PNG = "http://cdn.discordapp.com:" + cdn.getAddress().getPort() + "/attachments/1/2/launch.png?ex=1&is=2&hm=3";
        InetAddress loopback = InetAddress.getByAddress("cdn.discordapp.com", new byte[] {127, 0, 0, 1});
        Units units = Units.over(pg).clock(clock).resolver(host -> List.of(loopback)).build();
        workspaces = units.store.workspaces;
        accounts = units.store.accounts;
        posts = units.store.posts;
        media = units.store.media;
        commands = units.commandLayer.commands;
        suggestions = units.commandLayer.suggestions;

        UUID guild = workspaces.ensure(FrontEnd.DISCORD, Events.GUILD, null);
        UUID owner = workspaces.ensureUser(guild, Events.ANA, "ana").id();
        for (int i = 0; i < 30; i++) {
            accounts.connect(guild, owner, new NewAccount(PlatformId.MASTODON, "m" + i, "@ana" + i + "@fosstodon.org", "Ana " + i,
                    null, "https://fosstodon.org", "write", 500), new StoredTokens(null, null, null, null));
        }
        accounts.connect(guild, owner, new NewAccount(PlatformId.X, "x1", "ana_x", "Ana on X", null, null, "tweet.write", null),
                new StoredTokens(null, null, null, null));
        UUID other = workspaces.ensure(FrontEnd.DISCORD, OTHER_GUILD, null);
        accounts.connect(other, workspaces.ensureUser(other, Events.BEN, "ben").id(),
                new NewAccount(PlatformId.X, "x2", "ben_secret", "Ben", null, null, "tweet.write", null), new StoredTokens(null, null, null, null));
    }

    @Test
    void accountOptionsSuggestAtMost25OfThisGuildsAccounts() {
        List<Command.Choice> choices = complete("to", "", Events.GUILD);
        assertEquals(25, choices.size());
        assertTrue(choices.get(0).getName().startsWith("@ana0@fosstodon.org (mastodon, a"), choices.get(0).getName());
        assertEquals(choices.get(0).getAsString(), choices.get(0).getName().replaceAll(".*, (a\\w+)\\)$", "$1"));
    }

    @Test
    void suggestionsFollowWhatIsTypedAndNeverShowAnotherGuildsAccounts() {
        List<Command.Choice> x = complete("account", "x", Events.GUILD);
        assertEquals(List.of("ana_x (x, " + x.get(0).getAsString() + ")"), x.stream().map(Command.Choice::getName).toList());
        assertTrue(complete("account", "ben", Events.GUILD).isEmpty());
        assertTrue(complete("account", "", "900000000000000003").isEmpty(), "a guild that never used AIL has none");
        assertTrue(workspaces.find(FrontEnd.DISCORD, "900000000000000003").isEmpty(), "and autocomplete creates no workspace");
    }

    @AfterAll
    static void stopCdn() {
        cdn.stop(0);
    }

    @Test
    void toCompletesTheLastAccountOfACommaList() {
        List<Command.Choice> choices = complete("to", "mastodon,ana_", Events.GUILD);
        assertEquals(1, choices.size());
        assertTrue(choices.get(0).getAsString().matches("mastodon,a\\w+"), choices.get(0).getAsString());
        assertTrue(choices.get(0).getName().startsWith("mastodon,ana_x (x, "));
    }

    @Test
    void zonesAreSuggestedFromTheIanaNames() {
        assertEquals("Europe/Berlin", complete("zone", "berl", Events.GUILD).get(0).getAsString());
        assertEquals(25, complete("zone", "", Events.GUILD).size());
    }

    @Test
    void anAttachmentIsCopiedFromItsCdnAddressAndRetryFromADmWorksOnThatPost() {
        Rig rig = new Rig(commands, true);
        SlashCommandInteractionEvent event = SlashCommandsTest.slash("schedule",
                Map.of("in", Events.string("2h"), "to", Events.string("x"), "text", Events.string("Launch day"),
                        "media", Events.attachment(PNG)), Events.GUILD, false);
        Events.Answers answers = Events.answers(event);

        rig.slash.onSlashCommandInteraction(event);

        UUID guild = workspaces.find(FrontEnd.DISCORD, Events.GUILD).orElseThrow();
        List<Post> made = posts.list(guild, PostFilter.UPCOMING, null, 10);
        assertEquals(1, made.size());
        Post post = made.get(0);
        assertEquals(List.of(), post.mediaUrls(), "an attachment is a chat file, not a link kept with the post");
        assertEquals(1, post.mediaCount(), "its bytes were copied when the command was accepted");
        assertEquals("launch.png", media.of(guild, post.id()).get(0).fileName());
        assertEquals("Launch day", post.text());
        assertEquals("channel:" + Events.CHANNEL, post.origin());
        ArgumentCaptor<MessageEditData> reply = ArgumentCaptor.forClass(MessageEditData.class);
        verify(answers.hook).editOriginal(reply.capture());
        assertTrue(reply.getValue().getContent().contains(post.shortId()), reply.getValue().getContent());

        // The engine's DM for a failure carries Cancel; a click in the DM acts on the guild's post.
        Reply dm = Reply.of("Post " + post.shortId() + " failed").withButton("Cancel", "cancel:" + post.shortId(), Reply.Button.Style.DANGER);
        String id = InteractionsTest.buttons(rig.messages.create(dm, Events.GUILD, Events.ANA).getComponents()).get(0).getCustomId();
        ButtonInteractionEvent click = Events.by(mock(ButtonInteractionEvent.class), Events.ANA, null, false);
        Events.Answers clicked = Events.answers(click);
        when(click.getComponentId()).thenReturn(id);

        rig.buttons.onButtonInteraction(click);

        verify(clicked.hook).editOriginal(reply.capture());
        assertEquals("Cancelled post " + post.shortId() + ".", reply.getValue().getContent());
        assertEquals(PostStatus.CANCELLED, posts.find(guild, post.shortId()).orElseThrow().status());
    }

    @Test
    void closedSetsAreCompletedAndACommaListOffersOnlyWordsNotYetNamed() {
        assertEquals(List.of("unlisted"), complete("post", "privacy", "unl", Events.GUILD).stream().map(Command.Choice::getAsString).toList());
        assertEquals(List.of("comments,duet", "comments,stitch"),
                complete("schedule", "allow", "comments,", Events.GUILD).stream().map(Command.Choice::getAsString).toList());
        assertEquals(List.of("schedule", "reschedule"),
                complete("help", "subcommand", "sched", Events.GUILD).stream().map(Command.Choice::getAsString).toList());
        assertTrue(complete("post", "title", "Spr", Events.GUILD).isEmpty(), "a title is free text");
    }

    private static List<Command.Choice> complete(String option, String typed, String guild) {
        return complete("post", option, typed, guild);
    }

    private static List<Command.Choice> complete(String subcommand, String option, String typed, String guild) {
        CommandAutoCompleteInteractionEvent event = Events.by(mock(CommandAutoCompleteInteractionEvent.class), Events.ANA, guild, false);
        when(event.getSubcommandName()).thenReturn(subcommand);
        AutoCompleteQuery query = mock(AutoCompleteQuery.class);
        when(query.getName()).thenReturn(option);
        when(query.getValue()).thenReturn(typed);
        when(event.getFocusedOption()).thenReturn(query);
        AutoCompleteCallbackAction action = mock(AutoCompleteCallbackAction.class);
        when(event.replyChoices(anyCollection())).thenReturn(action);

        new Autocomplete(suggestions, Runnable::run).onCommandAutoCompleteInteraction(event);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Collection<Command.Choice>> choices = ArgumentCaptor.forClass(Collection.class);
        verify(event).replyChoices(choices.capture());
        verify(action).queue(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any());
        return List.copyOf(choices.getValue());
    }
}
