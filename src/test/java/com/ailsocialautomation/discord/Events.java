package com.ailsocialautomation.discord;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IModalCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageEditAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ModalCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Mockito stand-ins for JDA's interaction events and the actions they return. */
final class Events {
    static final String GUILD = "900000000000000001";
    static final String ANA = "100000000000000001";
    static final String BEN = "100000000000000002";
    static final long CHANNEL = 700000000000000001L;

    /** What an event's answers went to. */
    @SuppressWarnings("unchecked")
    static final class Answers {
        final ReplyCallbackAction defer = mock(ReplyCallbackAction.class);
        final ReplyCallbackAction reply = mock(ReplyCallbackAction.class);
        final ModalCallbackAction modal = mock(ModalCallbackAction.class);
        final InteractionHook hook = mock(InteractionHook.class);
        final WebhookMessageEditAction<Message> edit = mock(WebhookMessageEditAction.class);
        final WebhookMessageCreateAction<Message> followUp = mock(WebhookMessageCreateAction.class);
        final RestAction<Void> delete = mock(RestAction.class);
    }

    private Events() {}

    /** {@code event} by {@code userId}, in the test guild (with or without Manage Server) or, guild null, in a DM. */
    static <T extends Interaction> T by(T event, String userId, String guildId, boolean manageServer) {
        User user = mock(User.class);
        when(user.getId()).thenReturn(userId);
        when(user.getEffectiveName()).thenReturn("user " + userId.substring(userId.length() - 1));
        when(event.getUser()).thenReturn(user);
        if (guildId != null) {
            Guild guild = mock(Guild.class);
            when(guild.getId()).thenReturn(guildId);
            Member member = mock(Member.class);
            when(member.getEffectiveName()).thenReturn("member " + userId.substring(userId.length() - 1));
            when(member.hasPermission(Permission.MANAGE_SERVER)).thenReturn(manageServer);
            when(event.getGuild()).thenReturn(guild);
            when(event.getMember()).thenReturn(member);
            when(event.getChannelIdLong()).thenReturn(CHANNEL);
        } else {
            when(event.getChannelIdLong()).thenReturn(CHANNEL + 1);
        }
        return event;
    }

    static Answers answers(IReplyCallback event) {
        Answers a = new Answers();
        when(event.deferReply(anyBoolean())).thenReturn(a.defer);
        when(event.getHook()).thenReturn(a.hook);
        when(event.reply(anyString())).thenReturn(a.reply);
        when(a.reply.setEphemeral(anyBoolean())).thenReturn(a.reply);
        when(a.hook.editOriginal(any(MessageEditData.class))).thenReturn(a.edit);
        when(a.hook.sendMessage(any(MessageCreateData.class))).thenReturn(a.followUp);
        when(a.followUp.setEphemeral(anyBoolean())).thenReturn(a.followUp);
        when(a.hook.deleteOriginal()).thenReturn(a.delete);
        if (event instanceof IModalCallback modalCallback) {
            when(modalCallback.replyModal(any(Modal.class))).thenReturn(a.modal);
        }
        return a;
    }

    static OptionMapping string(String value) {
        OptionMapping option = mock(OptionMapping.class);
        when(option.getType()).thenReturn(OptionType.STRING);
        when(option.getAsString()).thenReturn(value);
        return option;
    }

    static OptionMapping attachment(String url) {
        return attachment(url, null);
    }

    /** An attached file as JDA reads it from the interaction's resolved attachments; its name is the URL's last segment. */
    static OptionMapping attachment(String url, String description) {
        Message.Attachment file = mock(Message.Attachment.class);
        when(file.getUrl()).thenReturn(url);
        String path = java.net.URI.create(url).getPath();
        when(file.getFileName()).thenReturn(path.substring(path.lastIndexOf('/') + 1));
        when(file.getDescription()).thenReturn(description);
        OptionMapping option = mock(OptionMapping.class);
        when(option.getType()).thenReturn(OptionType.ATTACHMENT);
        when(option.getAsAttachment()).thenReturn(file);
        when(option.getAsString()).thenReturn("123456");
        return option;
    }
}
