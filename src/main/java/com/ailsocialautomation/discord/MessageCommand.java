package com.ailsocialautomation.discord;

import com.ailsocialautomation.UserError;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Post with AIL" on any message (Apps in its menu), Discord's counterpart of Slack's message shortcut: opens a form
 * with the message's text and its images and videos, whose submission runs {@code /ail post} or {@code /ail schedule}
 * (see {@link SharedMessage}). A message command is a command of its own, so it costs nothing of the 4,000
 * characters /ail's definition may use, and it takes up to ten files where /ail's options take four. Discord puts
 * the message, content and attachments, in the interaction itself: no MESSAGE_CONTENT intent is needed.
 */
public final class MessageCommand extends ListenerAdapter {
    /** The command's name as Discord shows it in the message's Apps menu (1-32 characters). */
    static final String NAME = "Post with AIL";
    private static final Logger log = LoggerFactory.getLogger(MessageCommand.class);

    private final Modals modals;

    MessageCommand(Modals modals) {
        this.modals = modals;
    }

    /** Registered beside /ail, where /ail is usable: in servers and in a DM with the bot. */
    static CommandData definition() {
        return Commands.message(NAME).setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM)
                .setIntegrationTypes(IntegrationType.GUILD_INSTALL);
    }

    @Override
    public void onMessageContextInteraction(MessageContextInteractionEvent event) {
        if (!NAME.equals(event.getName())) {
            return;
        }
        SharedMessage shared;
        try {
            shared = SharedMessage.of(event.getTarget());
        } catch (UserError e) {
            event.reply(e.getMessage()).setEphemeral(true)
                    .queue(null, failure -> log.warn("Discord refused a reply: {}", failure.getMessage()));
            return;
        }
        event.replyModal(modals.share(shared, DiscordCallers.workspace(event), event.getUser().getId()))
                .queue(null, failure -> log.warn("Discord refused the Post with AIL form: {}", failure.getMessage()));
    }
}
