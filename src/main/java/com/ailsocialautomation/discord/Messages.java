package com.ailsocialautomation.discord;

import com.ailsocialautomation.message.Reply;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Renders the command layer's {@link Reply} as a Discord message: the text as content, fields in an embed,
 * buttons in rows of five, a file as an attachment, a form as a button that opens it (a modal can only be the
 * first answer to an interaction, and ours are deferred). Nothing in a reply may ping anyone: post texts are
 * echoed, and may hold @everyone.
 */
final class Messages {
    private static final int CONTENT = Message.MAX_CONTENT_LENGTH;
    private static final int BUTTONS = 25;

    private final ComponentIds ids;

    Messages(ComponentIds ids) {
        this.ids = ids;
    }

    /** The reply for {@code userId}; its buttons act in {@code workspace}. */
    MessageCreateData create(Reply reply, String workspace, String userId) {
        return builder(reply, workspace, userId).build();
    }

    /** The same, mentioning {@code userId} first (a message in a channel instead of a DM). */
    MessageCreateData createMentioning(Reply reply, String workspace, String userId, String preface) {
        Reply addressed = new Reply("<@" + userId + "> " + preface + "\n" + reply.text(), reply.fields(),
                reply.buttons(), reply.ephemeral(), reply.file(), reply.form());
        return builder(addressed, workspace, userId).mentionUsers(List.of(userId)).build();
    }

    MessageEditData edit(Reply reply, String workspace, String userId) {
        return MessageEditData.fromCreateData(create(reply, workspace, userId));
    }

    private MessageCreateBuilder builder(Reply reply, String workspace, String userId) {
        MessageCreateBuilder message = new MessageCreateBuilder().setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
        String text = markdown(reply.text());
        List<MessageEmbed> embeds = new ArrayList<>();
        if (text.length() > CONTENT || !reply.fields().isEmpty()) {
            EmbedBuilder embed = new EmbedBuilder();
            if (text.length() > CONTENT) {
                embed.setDescription(cut(text, MessageEmbed.DESCRIPTION_MAX_LENGTH));
                text = "";
            }
            reply.fields().stream().limit(MessageEmbed.MAX_FIELD_AMOUNT).forEach(f ->
                    embed.addField(cut(f.label(), MessageEmbed.TITLE_MAX_LENGTH), cut(f.value(), MessageEmbed.VALUE_MAX_LENGTH), false));
            embeds.add(embed.build());
        }
        message.setContent(text.isEmpty() && embeds.isEmpty() && reply.file() == null ? "…" : text).setEmbeds(embeds);
        List<Button> buttons = new ArrayList<>();
        if (reply.form() != null) {
            buttons.add(Button.primary(ids.formButton(workspace, userId, reply.form()), cut(reply.form().title(), 80)));
        }
        reply.buttons().stream().limit(BUTTONS - buttons.size()).forEach(b ->
                buttons.add(Button.of(style(b.style()), ids.button(workspace, userId, b.actionId()), cut(b.label(), 80))));
        if (!buttons.isEmpty()) {
            message.setComponents(ActionRow.partitionOf(buttons));
        }
        if (reply.file() != null) {
            message.addFiles(FileUpload.fromData(reply.file().content(), reply.file().name()));
        }
        return message;
    }

    private static ButtonStyle style(Reply.Button.Style style) {
        return switch (style) {
            case PRIMARY -> ButtonStyle.PRIMARY;
            case DANGER -> ButtonStyle.DANGER;
            case DEFAULT -> ButtonStyle.SECONDARY;
        };
    }

    /** The command layer marks bold Slack-style, {@code *bold*}; Discord's bold is {@code **bold**}. */
    static String markdown(String text) {
        return text.replaceAll("(?<![*\\w])\\*([^*\\n]+)\\*(?![*\\w])", "**$1**");
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
