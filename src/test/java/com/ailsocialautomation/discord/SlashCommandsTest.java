package com.ailsocialautomation.discord;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.command.CommandParser;
import com.ailsocialautomation.command.CommandService;
import com.ailsocialautomation.command.Invocation;
import com.ailsocialautomation.command.ParsedCommand;
import com.ailsocialautomation.message.MediaInput;
import com.ailsocialautomation.message.Reply;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Each subcommand's native options reach the command layer as the same command the text grammar gives. */
class SlashCommandsTest {
    private static final String PNG = "https://cdn.discordapp.com/attachments/1/2/launch.png?ex=1&is=2&hm=3";
    private static final String MP4 = "https://cdn.discordapp.com/attachments/1/3/clip.mp4";

    record Case(String subcommand, Map<String, OptionMapping> options, String sameAsText, List<MediaInput> files) {
        Case(String subcommand, Map<String, OptionMapping> options, String sameAsText) {
            this(subcommand, options, sameAsText, List.of());
        }

        @Override
        public String toString() {
            return "/ail " + sameAsText;
        }
    }

    static Stream<Case> everySubcommand() {
        return Stream.of(
                new Case("help", Map.of(), "help"),
                new Case("help", opts("subcommand", "schedule"), "help schedule"),
                new Case("connect", opts("platform", "mastodon", "instance-or-handle-or-url", "fosstodon.org"), "connect mastodon fosstodon.org"),
                new Case("connect", opts("platform", "webhook", "instance-or-handle-or-url", "https://example.com/hook"), "connect webhook https://example.com/hook"),
                new Case("accounts", Map.of(), "accounts"),
                new Case("disconnect", opts("account", "a7k2q"), "disconnect a7k2q"),
                new Case("post", opts("text", "We launched today!"), "post We launched today!"),
                new Case("post", with(opts("to", "mastodon,x", "public", "yes", "text", "Hello"), "media", Events.attachment(PNG), "media-2", Events.attachment(MP4)),
                        "post to:mastodon,x public:yes Hello", List.of(file(PNG, "launch.png", null), file(MP4, "clip.mp4", null))),
                new Case("post", with(Map.of(), "media", Events.attachment(PNG)), "post media:" + PNG, List.of(file(PNG, "launch.png", null))),
                new Case("post", with(opts("alt-3", "A short clip", "text", "Look"), "media", Events.attachment(PNG, "The launch on stage"),
                        "media-3", Events.attachment(MP4, "ignored: alt-3 wins")), "post Look",
                        List.of(file(PNG, "launch.png", "The launch on stage"), file(MP4, "clip.mp4", "A short clip"))),
                new Case("schedule", with(opts("in", "2h", "alt", "Our logo"), "media", Events.attachment(PNG)), "schedule in:2h media:" + PNG,
                        List.of(file(PNG, "launch.png", "Our logo"))),
                new Case("schedule", opts("at", "tomorrow 09:00", "text", "Good morning, team!"), "schedule at:\"tomorrow 09:00\" Good morning, team!"),
                new Case("schedule", opts("in", "2h", "to", "mastodon", "more", "title:\"Spring \\\"26\\\"\" privacy:unlisted tags:a,b", "text", "Hi"),
                        "schedule in:2h to:mastodon title:\"Spring \\\"26\\\"\" privacy:unlisted tags:a,b Hi"),
                new Case("edit", opts("post", "p7k2q", "more", "privacy:private"), "edit p7k2q privacy:private"),
                new Case("schedule", opts("in", "2h30m", "to", "x", "text", "Doors open soon"), "schedule in:2h30m to:x Doors open soon"),
                new Case("schedule", opts("at", "2026-12-01T09:00+01:00", "text", "Launch"), "schedule at:2026-12-01T09:00+01:00 Launch"),
                new Case("list", Map.of(), "list"),
                new Case("list", opts("filter", "failed"), "list failed"),
                new Case("show", opts("post", "p7k2q"), "show p7k2q"),
                new Case("cancel", opts("post", "p7k2q"), "cancel p7k2q"),
                new Case("retry", opts("post", "p7k2q"), "retry p7k2q"),
                new Case("edit", opts("post", "p7k2q", "text", "Doors open at 18:00"), "edit p7k2q Doors open at 18:00"),
                new Case("edit", with(opts("post", "p7k2q", "alt", "The corrected poster"), "media", Events.attachment(PNG)),
                        "edit p7k2q media:" + PNG, List.of(file(PNG, "launch.png", "The corrected poster"))),
                new Case("edit", opts("post", "p7k2q", "alt", "Our team", "alt-2", "The stage"),
                        "edit p7k2q alt:\"Our team\" alt:\"The stage\""),
                new Case("reschedule", opts("post", "p7k2q", "at", "fri 9:30"), "reschedule p7k2q at:\"fri 9:30\""),
                new Case("reschedule", opts("post", "p7k2q", "in", "45m"), "reschedule p7k2q in:45m"),
                new Case("timezone", opts("zone", "europe/berlin"), "timezone Europe/Berlin"),
                new Case("notify", opts("setting", "on"), "notify on"),
                new Case("my-data", Map.of(), "my-data"),
                new Case("forget-me", Map.of(), "forget-me"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everySubcommand")
    void aSubcommandIsDeferredThenRunAsTheSameCommandAsItsTextForm(Case c) {
        CommandService commands = mock(CommandService.class);
        when(commands.run(any(Invocation.class), any(ParsedCommand.class))).thenReturn(Reply.of("done"));
        Rig rig = new Rig(commands, true);
        SlashCommandInteractionEvent event = slash(c.subcommand(), c.options(), Events.GUILD, false);
        Events.Answers answers = Events.answers(event);

        rig.slash.onSlashCommandInteraction(event);

        ArgumentCaptor<ParsedCommand> parsed = ArgumentCaptor.forClass(ParsedCommand.class);
        verify(commands).run(any(Invocation.class), parsed.capture());
        ParsedCommand text = CommandParser.parse(c.sameAsText());
        if (!c.files().isEmpty()) { // the text form names them as media: links; Discord hands them over as files
            Map<String, List<String>> options = new LinkedHashMap<>(text.options());
            options.remove("media");
            text = new ParsedCommand(text.name(), text.args(), options, text.text(), c.files());
        }
        assertEquals(text, parsed.getValue());
        verify(event).deferReply(true);
        verify(answers.hook).editOriginal(any(net.dv8tion.jda.api.utils.messages.MessageEditData.class));
    }

    @Test
    void aGuildIsTheWorkspaceManageServerMakesAnAdminAndThePostRemembersItsChannel() {
        CommandService commands = mock(CommandService.class);
        when(commands.run(any(Invocation.class), any(ParsedCommand.class))).thenReturn(Reply.of("ok"));
        Rig rig = new Rig(commands, true);
        SlashCommandInteractionEvent event = slash("accounts", Map.of(), Events.GUILD, true);
        Events.answers(event);

        rig.slash.onSlashCommandInteraction(event);

        ArgumentCaptor<Invocation> who = ArgumentCaptor.forClass(Invocation.class);
        verify(commands).run(who.capture(), any(ParsedCommand.class));
        assertEquals(new Invocation(FrontEnd.DISCORD, Events.GUILD, Events.ANA, "member 1", true, null,
                "channel:" + Events.CHANNEL), who.getValue());
    }

    @Test
    void withoutManageServerAMemberIsNoAdmin() {
        CommandService commands = mock(CommandService.class);
        when(commands.run(any(Invocation.class), any(ParsedCommand.class))).thenReturn(Reply.of("ok"));
        Rig rig = new Rig(commands, true);
        SlashCommandInteractionEvent event = slash("accounts", Map.of(), Events.GUILD, false);
        Events.answers(event);

        rig.slash.onSlashCommandInteraction(event);

        ArgumentCaptor<Invocation> who = ArgumentCaptor.forClass(Invocation.class);
        verify(commands).run(who.capture(), any(ParsedCommand.class));
        assertFalse(who.getValue().admin());
    }

    @Test
    void aDmWithTheBotIsTheUsersOwnWorkspaceWhereTheyAreAdmin() {
        CommandService commands = mock(CommandService.class);
        when(commands.run(any(Invocation.class), any(ParsedCommand.class))).thenReturn(Reply.of("ok"));
        Rig rig = new Rig(commands, true);
        SlashCommandInteractionEvent event = slash("accounts", Map.of(), null, false);
        Events.answers(event);

        rig.slash.onSlashCommandInteraction(event);

        ArgumentCaptor<Invocation> who = ArgumentCaptor.forClass(Invocation.class);
        verify(commands).run(who.capture(), any(ParsedCommand.class));
        assertEquals("dm:" + Events.ANA, who.getValue().workspaceId());
        assertTrue(who.getValue().admin());
        assertEquals("user 1", who.getValue().displayName());
        assertNull(who.getValue().origin(), "there is no channel to fall back to from a DM");
    }

    @Test
    void aMistakeIsAnsweredAtOnceWithTheUsageAndNothingRuns() {
        CommandService commands = mock(CommandService.class);
        Rig rig = new Rig(commands, true);
        SlashCommandInteractionEvent event = slash("schedule", opts("in", "soon", "text", "Hi"), Events.GUILD, false);
        Events.Answers answers = Events.answers(event);

        rig.slash.onSlashCommandInteraction(event);

        ArgumentCaptor<String> said = ArgumentCaptor.forClass(String.class);
        verify(event).reply(said.capture());
        verify(answers.reply).setEphemeral(true);
        assertTrue(said.getValue().contains("Usage: /ail schedule"), said.getValue());
        verify(event, never()).deferReply(true);
        verify(commands, never()).run(any(Invocation.class), any(ParsedCommand.class));
    }

    @Test
    void moreTakesOnlyOptionsAndNotOneGivenNativelyToo() {
        for (Map<String, OptionMapping> options : List.of(opts("more", "privacy:unlisted Hello", "text", "Hi"),
                opts("to", "x", "more", "to:mastodon", "text", "Hi"), opts("more", "colour:red", "text", "Hi"))) {
            CommandService commands = mock(CommandService.class);
            Rig rig = new Rig(commands, true);
            SlashCommandInteractionEvent event = slash("post", options, Events.GUILD, false);
            Events.answers(event);

            rig.slash.onSlashCommandInteraction(event);

            ArgumentCaptor<String> said = ArgumentCaptor.forClass(String.class);
            verify(event).reply(said.capture());
            assertTrue(said.getValue().contains("Usage: /ail post"), said.getValue());
            verify(commands, never()).run(any(Invocation.class), any(ParsedCommand.class));
        }
    }

    @Test
    void scheduleWithBothAtAndInIsRefusedLikeTheTextForm() {
        Rig rig = new Rig(mock(CommandService.class), true);
        SlashCommandInteractionEvent event = slash("schedule", opts("at", "fri 9:30", "in", "2h", "text", "Hi"), Events.GUILD, false);
        Events.answers(event);

        rig.slash.onSlashCommandInteraction(event);

        ArgumentCaptor<String> said = ArgumentCaptor.forClass(String.class);
        verify(event).reply(said.capture());
        assertTrue(said.getValue().startsWith("Give at: or in: or every:, not both"), said.getValue());
    }

    @Test
    void otherCommandsAreNotOurs() {
        CommandService commands = mock(CommandService.class);
        Rig rig = new Rig(commands, true);
        SlashCommandInteractionEvent event = mock(SlashCommandInteractionEvent.class);
        when(event.getName()).thenReturn("other");

        rig.slash.onSlashCommandInteraction(event);

        verify(event, never()).deferReply(true);
        verify(event, never()).reply(any(String.class));
    }

    @Test
    void anAltWithoutItsAttachmentOrTooLongIsRefusedAtOnceAndNothingRuns() {
        CommandService commands = mock(CommandService.class);
        Rig rig = new Rig(commands, true);
        SlashCommandInteractionEvent orphan = slash("post", with(opts("alt-2", "A cat", "text", "Hi"), "media", Events.attachment(PNG)), Events.GUILD, false);
        Events.answers(orphan);
        SlashCommandInteractionEvent tooLong = slash("post", with(opts("alt", "x".repeat(1001)), "media", Events.attachment(PNG)), Events.GUILD, false);
        Events.answers(tooLong);

        rig.slash.onSlashCommandInteraction(orphan);
        rig.slash.onSlashCommandInteraction(tooLong);

        ArgumentCaptor<String> said = ArgumentCaptor.forClass(String.class);
        verify(orphan).reply(said.capture());
        assertEquals("alt-2 describes media-2, but nothing is attached there: attach the image or video as media-2, "
                + "or leave alt-2 out.", said.getValue());
        verify(tooLong).reply(said.capture());
        assertTrue(said.getValue().startsWith("An alt: text is 1,001 characters; X takes at most 1,000"), said.getValue());
        verify(commands, never()).run(any(Invocation.class), any(ParsedCommand.class));
    }

    private static MediaInput file(String url, String name, String alt) {
        return new MediaInput.ChatFile(url, null, name, alt);
    }

    static SlashCommandInteractionEvent slash(String subcommand, Map<String, OptionMapping> options, String guild,
                                              boolean manageServer) {
        SlashCommandInteractionEvent event = mock(SlashCommandInteractionEvent.class);
        when(event.getName()).thenReturn("ail");
        when(event.getSubcommandName()).thenReturn(subcommand);
        options.forEach((name, value) -> when(event.getOption(name)).thenReturn(value));
        return Events.by(event, Events.ANA, guild, manageServer);
    }

    static Map<String, OptionMapping> opts(String... pairs) {
        Map<String, OptionMapping> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], Events.string(pairs[i + 1]));
        }
        return out;
    }

    private static Map<String, OptionMapping> with(Map<String, OptionMapping> base, Object... more) {
        Map<String, OptionMapping> out = new LinkedHashMap<>(base);
        for (int i = 0; i < more.length; i += 2) {
            out.put((String) more[i], (OptionMapping) more[i + 1]);
        }
        return out;
    }

}
