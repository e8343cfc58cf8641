package com.ailsocialautomation.discord;

import com.ailsocialautomation.command.CommandService;
import com.ailsocialautomation.command.Invocation;
import com.ailsocialautomation.command.ParsedCommand;
import com.ailsocialautomation.message.Reply;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** Modals, buttons, files, forms and the deferral that comes before every piece of slow work. */
class InteractionsTest {
    private final CommandService commands = mock(CommandService.class);

    @Test
    void theInteractionIsDeferredBeforeAnyWorkAndFinishedThroughTheHook() {
        Rig rig = new Rig(commands, false);
        when(commands.run(any(Invocation.class), any(ParsedCommand.class))).thenReturn(Reply.of("Your accounts: none"));
        SlashCommandInteractionEvent event = SlashCommandsTest.slash("accounts", Map.of(), Events.GUILD, false);
        Events.Answers answers = Events.answers(event);

        rig.slash.onSlashCommandInteraction(event);

        verify(event).deferReply(true);
        verify(answers.defer).queue(any(), any());
        verifyNoInteractions(commands);
        verify(answers.hook, never()).editOriginal(any(MessageEditData.class));

        rig.runQueued();

        InOrder order = inOrder(answers.defer, commands, answers.hook, answers.edit);
        order.verify(answers.defer).queue(any(), any());
        order.verify(commands).run(any(Invocation.class), any(ParsedCommand.class));
        order.verify(answers.hook).editOriginal(any(MessageEditData.class));
        order.verify(answers.edit).queue(any(), any());
        assertEquals("Your accounts: none", edited(answers).getContent());
    }

    @Test
    void postWithoutTextOpensAModalAndItsTextRunsThePostWithTheOptionsGivenBefore() {
        Rig rig = new Rig(commands, true);
        when(commands.run(any(Invocation.class), any(ParsedCommand.class))).thenReturn(Reply.of("Published"));
        SlashCommandInteractionEvent event = SlashCommandsTest.slash("post", SlashCommandsTest.opts("to", "x", "public", "yes"), Events.GUILD, false);
        Events.Answers answers = Events.answers(event);

        rig.slash.onSlashCommandInteraction(event);

        ArgumentCaptor<Modal> shown = ArgumentCaptor.forClass(Modal.class);
        verify(event).replyModal(shown.capture());
        verify(answers.modal).queue(any(), any());
        verify(event, never()).deferReply(true);
        Modal modal = shown.getValue();
        assertEquals("/ail post", modal.getTitle());
        Label label = modal.getComponents().get(0).asLabel();
        assertEquals("Text", label.getLabel());
        TextInput input = label.getChild().asTextInput();
        assertEquals("text", input.getCustomId());
        assertTrue(input.isRequired());

        ModalInteractionEvent submitted = Events.by(mock(ModalInteractionEvent.class), Events.ANA, Events.GUILD, false);
        Events.Answers submitAnswers = Events.answers(submitted);
        when(submitted.getModalId()).thenReturn(modal.getId());
        ModalMapping text = mock(ModalMapping.class);
        when(text.getAsString()).thenReturn("A long post\nwith two lines");
        when(submitted.getValue("text")).thenReturn(text);

        rig.submissions.onModalInteraction(submitted);

        ArgumentCaptor<ParsedCommand> parsed = ArgumentCaptor.forClass(ParsedCommand.class);
        verify(commands).run(any(Invocation.class), parsed.capture());
        assertEquals(new ParsedCommand("post", List.of(), Map.of("to", List.of("x"), "public", List.of("yes")),
                "A long post\nwith two lines"), parsed.getValue());
        verify(submitted).deferReply(true);
        assertEquals("Published", edited(submitAnswers).getContent());
    }

    @Test
    void editAndScheduleWithoutTextOpenTheModalToo() {
        Rig rig = new Rig(commands, true);
        for (SlashCommandInteractionEvent event : List.of(
                SlashCommandsTest.slash("edit", SlashCommandsTest.opts("post", "p7k2q"), Events.GUILD, false),
                SlashCommandsTest.slash("schedule", SlashCommandsTest.opts("in", "2h"), Events.GUILD, false))) {
            Events.answers(event);
            rig.slash.onSlashCommandInteraction(event);
            verify(event).replyModal(any(Modal.class));
        }
    }

    @Test
    void anExpiredModalSaysSoAndDoesNothing() {
        Rig rig = new Rig(commands, true);
        ModalInteractionEvent submitted = Events.by(mock(ModalInteractionEvent.class), Events.ANA, Events.GUILD, false);
        Events.answers(submitted);
        when(submitted.getModalId()).thenReturn("m|unknown");

        rig.submissions.onModalInteraction(submitted);

        verify(submitted).reply(org.mockito.ArgumentMatchers.startsWith("This form has expired"));
        verifyNoInteractions(commands);
    }

    @Test
    void retryAndCancelButtonsInADmActInTheGuildWhereThePostWasMade() {
        Rig rig = new Rig(commands, true);
        when(commands.press(any(Invocation.class), anyString())).thenReturn(Reply.of("Retrying post p7k2q on x now."));
        Reply failed = Reply.of("Post p7k2q failed on x")
                .withButton("Retry", "retry:p7k2q", Reply.Button.Style.PRIMARY)
                .withButton("Cancel", "cancel:p7k2q", Reply.Button.Style.DANGER);
        List<Button> buttons = buttons(rig.messages.create(failed, Events.GUILD, Events.ANA).getComponents());
        assertEquals(List.of("Retry", "Cancel"), buttons.stream().map(Button::getLabel).toList());

        ButtonInteractionEvent click = Events.by(mock(ButtonInteractionEvent.class), Events.ANA, null, false);
        Events.Answers answers = Events.answers(click);
        when(click.getComponentId()).thenReturn(buttons.get(0).getCustomId());

        rig.buttons.onButtonInteraction(click);

        ArgumentCaptor<Invocation> who = ArgumentCaptor.forClass(Invocation.class);
        verify(commands).press(who.capture(), eq("retry:p7k2q"));
        assertEquals(Events.GUILD, who.getValue().workspaceId());
        assertEquals(Events.ANA, who.getValue().userId());
        assertFalse(who.getValue().admin(), "a click in a DM gives no guild rights; the author may still retry");
        verify(click).deferReply(true);
        assertEquals("Retrying post p7k2q on x now.", edited(answers).getContent());
    }

    @Test
    void onlyThePersonAMessageIsForMayUseItsButtons() {
        Rig rig = new Rig(commands, true);
        Reply failed = Reply.of("Post p7k2q failed").withButton("Cancel", "cancel:p7k2q", Reply.Button.Style.DANGER);
        String id = buttons(rig.messages.create(failed, Events.GUILD, Events.ANA).getComponents()).get(0).getCustomId();
        ButtonInteractionEvent click = Events.by(mock(ButtonInteractionEvent.class), Events.BEN, Events.GUILD, true);
        Events.Answers answers = Events.answers(click);
        when(click.getComponentId()).thenReturn(id);

        rig.buttons.onButtonInteraction(click);

        verify(click).reply("This button is for <@" + Events.ANA + "> only.");
        verify(answers.reply).setEphemeral(true);
        verifyNoInteractions(commands);
    }

    @Test
    void forgetMeAsksWithAConfirmButtonThatRunsTheConfirmation() {
        Rig rig = new Rig(commands, true);
        when(commands.run(any(Invocation.class), any(ParsedCommand.class))).thenReturn(
                Reply.of("This erases everything AIL stores about you. Sure?")
                        .withButton("Erase my data", "confirm-forget-me:k3y", Reply.Button.Style.DANGER));
        when(commands.press(any(Invocation.class), anyString())).thenReturn(Reply.of("Erased."));
        SlashCommandInteractionEvent event = SlashCommandsTest.slash("forget-me", Map.of(), Events.GUILD, false);
        Events.Answers answers = Events.answers(event);

        rig.slash.onSlashCommandInteraction(event);

        MessageEditData asked = edited(answers);
        Button confirm = buttons(asked.getComponents()).get(0);
        assertEquals("Erase my data", confirm.getLabel());
        assertEquals(net.dv8tion.jda.api.components.buttons.ButtonStyle.DANGER, confirm.getStyle());

        ButtonInteractionEvent click = Events.by(mock(ButtonInteractionEvent.class), Events.ANA, Events.GUILD, false);
        Events.answers(click);
        when(click.getComponentId()).thenReturn(confirm.getCustomId());
        rig.buttons.onButtonInteraction(click);

        verify(commands).press(any(Invocation.class), eq("confirm-forget-me:k3y"));
    }

    @Test
    void myDataArrivesAsAFile() {
        Rig rig = new Rig(commands, true);
        byte[] json = "{\"user\":{\"id\":\"u\"}}".getBytes(StandardCharsets.UTF_8);
        when(commands.run(any(Invocation.class), any(ParsedCommand.class))).thenReturn(
                Reply.of("Here is everything AIL stores about you.").withFile(new Reply.File("ail-my-data.json", "application/json", json)));
        SlashCommandInteractionEvent event = SlashCommandsTest.slash("my-data", Map.of(), Events.GUILD, false);
        Events.Answers answers = Events.answers(event);

        rig.slash.onSlashCommandInteraction(event);

        MessageEditData data = edited(answers);
        assertEquals(1, data.getFiles().size());
        assertEquals("ail-my-data.json", data.getFiles().get(0).getName());
        try (var in = data.getFiles().get(0).getData()) {
            assertEquals(new String(json, StandardCharsets.UTF_8), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aFormOfTheCommandLayerOpensFromAButtonAndItsValuesAreSubmitted() {
        Rig rig = new Rig(commands, true);
        Reply.Form form = new Reply.Form("Connect Bluesky", "bluesky-login:ana.bsky.social", List.of(
                new Reply.Input("handle", "Handle", false, "ana.bsky.social"),
                new Reply.Input("password", "App password", true, "xxxx-xxxx-xxxx-xxxx")));
        when(commands.run(any(Invocation.class), any(ParsedCommand.class))).thenReturn(Reply.of("Give your app password.").withForm(form));
        when(commands.submit(any(Invocation.class), anyString(), anyMap())).thenReturn(Reply.of("Connected."));
        SlashCommandInteractionEvent event = SlashCommandsTest.slash("connect", SlashCommandsTest.opts("platform", "bluesky"), Events.GUILD, false);
        Events.Answers answers = Events.answers(event);

        rig.slash.onSlashCommandInteraction(event);

        Button open = buttons(edited(answers).getComponents()).get(0);
        assertEquals("Connect Bluesky", open.getLabel());
        ButtonInteractionEvent click = Events.by(mock(ButtonInteractionEvent.class), Events.ANA, Events.GUILD, false);
        Events.answers(click);
        when(click.getComponentId()).thenReturn(open.getCustomId());
        rig.buttons.onButtonInteraction(click);

        ArgumentCaptor<Modal> shown = ArgumentCaptor.forClass(Modal.class);
        verify(click).replyModal(shown.capture());
        verify(click, never()).deferReply(true);
        assertEquals(List.of("handle", "password"), shown.getValue().getComponents().stream()
                .map(c -> c.asLabel().getChild().asTextInput().getCustomId()).toList());

        ModalInteractionEvent submitted = Events.by(mock(ModalInteractionEvent.class), Events.ANA, Events.GUILD, false);
        Events.answers(submitted);
        when(submitted.getModalId()).thenReturn(shown.getValue().getId());
        ModalMapping handle = mock(ModalMapping.class);
        when(handle.getAsString()).thenReturn("ana.bsky.social");
        ModalMapping password = mock(ModalMapping.class);
        when(password.getAsString()).thenReturn("abcd-efgh-ijkl-mnop");
        when(submitted.getValue("handle")).thenReturn(handle);
        when(submitted.getValue("password")).thenReturn(password);
        rig.submissions.onModalInteraction(submitted);

        verify(commands).submit(any(Invocation.class), eq("bluesky-login:ana.bsky.social"),
                eq(Map.of("handle", "ana.bsky.social", "password", "abcd-efgh-ijkl-mnop")));
    }

    @Test
    void aReplyForTheChannelIsAFollowUpForEveryoneAndThePlaceholderGoes() {
        Rig rig = new Rig(commands, true);
        when(commands.run(any(Invocation.class), any(ParsedCommand.class))).thenReturn(Reply.of("Published on x").visibleToChannel());
        SlashCommandInteractionEvent event = SlashCommandsTest.slash("post", SlashCommandsTest.opts("public", "yes", "text", "Hi"), Events.GUILD, false);
        Events.Answers answers = Events.answers(event);

        rig.slash.onSlashCommandInteraction(event);

        verify(event).deferReply(true);
        ArgumentCaptor<MessageCreateData> sent = ArgumentCaptor.forClass(MessageCreateData.class);
        verify(answers.hook).sendMessage(sent.capture());
        assertEquals("Published on x", sent.getValue().getContent());
        verify(answers.followUp).setEphemeral(false);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Consumer<Object>> done = ArgumentCaptor.forClass(Consumer.class);
        verify(answers.followUp).queue(done.capture(), any());
        done.getValue().accept(null);
        verify(answers.hook).deleteOriginal();
    }

    @Test
    void fieldsGoInAnEmbedAndNothingInAReplyPingsAnyone() {
        Rig rig = new Rig(commands, true);
        MessageCreateData data = rig.messages.create(Reply.of("Post *p7k2q* says @everyone hello")
                .withField("Status", "scheduled"), Events.GUILD, Events.ANA);

        assertEquals("Post **p7k2q** says @everyone hello", data.getContent());
        assertEquals("Status", data.getEmbeds().get(0).getFields().get(0).getName());
        assertTrue(data.getAllowedMentions().isEmpty());
    }

    private static MessageEditData edited(Events.Answers answers) {
        ArgumentCaptor<MessageEditData> data = ArgumentCaptor.forClass(MessageEditData.class);
        verify(answers.hook).editOriginal(data.capture());
        return data.getValue();
    }

    static List<Button> buttons(List<net.dv8tion.jda.api.components.MessageTopLevelComponentUnion> rows) {
        return rows.stream().flatMap(r -> r.asActionRow().getButtons().stream()).toList();
    }
}
