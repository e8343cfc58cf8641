package com.ailsocialautomation.discord;

import com.ailsocialautomation.command.CommandParser;
import com.ailsocialautomation.command.CommandService;
import com.ailsocialautomation.command.ParsedCommand;
import com.ailsocialautomation.message.Reply;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A submitted modal: the text of a command typed without it, the form of "Post with AIL", or a form of the command
 * layer. Only the person it was shown to may send it.
 */
public final class ModalSubmissions extends ListenerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ModalSubmissions.class);

    private final CommandService commands;
    private final ComponentIds ids;
    private final Deferred deferred;

    ModalSubmissions(CommandService commands, ComponentIds ids, Deferred deferred) {
        this.commands = commands;
        this.ids = ids;
        this.deferred = deferred;
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        Optional<ComponentIds.Pending> found = ids.modal(event.getModalId());
        if (found.isEmpty()) {
            say(event, "This form has expired; nothing was done. Run the command again.");
            return;
        }
        ComponentIds.Pending pending = found.get();
        if (!pending.userId().equals(event.getUser().getId())) {
            say(event, "This form is for <@" + pending.userId() + "> only; nothing was done.");
            return;
        }
        if (pending.shared() != null) {
            SharedMessage shared = pending.shared();
            deferred.run(event, pending.workspace(), () -> commands.run(DiscordCallers.invocation(event, pending.workspace()),
                    shared.command(value(event, Modals.ACCOUNTS_INPUT), value(event, Modals.WHEN_INPUT),
                            value(event, Modals.TEXT_INPUT), value(event, Modals.ALT_INPUT))));
        } else if (pending.partial() != null) {
            ParsedCommand partial = pending.partial();
            String text = value(event, Modals.TEXT_INPUT);
            deferred.run(event, pending.workspace(), () -> commands.run(
                    DiscordCallers.invocation(event, pending.workspace()),
                    CommandParser.fromOptions(partial.name(), partial.args(), partial.options(), text, partial.files())));
        } else {
            Map<String, String> values = new LinkedHashMap<>();
            for (Reply.Input input : pending.form().inputs()) {
                values.put(input.id(), value(event, input.id()));
            }
            deferred.run(event, pending.workspace(), () -> commands.submit(
                    DiscordCallers.invocation(event, pending.workspace()), pending.form().submitAction(), values));
        }
    }

    private static void say(ModalInteractionEvent event, String text) {
        event.reply(text).setEphemeral(true).queue(null, e -> log.warn("Discord refused a reply: {}", e.getMessage()));
    }

    private static String value(ModalInteractionEvent event, String id) {
        ModalMapping mapping = event.getValue(id);
        return mapping == null ? "" : mapping.getAsString();
    }
}
