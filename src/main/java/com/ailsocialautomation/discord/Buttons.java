package com.ailsocialautomation.discord;

import com.ailsocialautomation.command.CommandService;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * A click on one of our buttons: Retry and Cancel in a DM, the confirmation of forget-me, a form to open. Only the
 * person the message is for may use its buttons (a DM that fell back to a channel is seen by others); the command
 * layer then checks rights as for the typed command.
 */
public final class Buttons extends ListenerAdapter {
    private static final Logger log = LoggerFactory.getLogger(Buttons.class);

    private final CommandService commands;
    private final ComponentIds ids;
    private final Deferred deferred;
    private final Modals modals;

    Buttons(CommandService commands, ComponentIds ids, Deferred deferred, Modals modals) {
        this.commands = commands;
        this.ids = ids;
        this.deferred = deferred;
        this.modals = modals;
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        Optional<ComponentIds.Pressed> found = ids.button(event.getComponentId());
        if (found.isEmpty()) {
            say(event, "This button has expired. Run the command again.");
            return;
        }
        ComponentIds.Pressed pressed = found.get();
        if (!pressed.userId().equals(event.getUser().getId())) {
            say(event, "This button is for <@" + pressed.userId() + "> only.");
            return;
        }
        if (pressed.form() != null) {
            event.replyModal(modals.form(pressed.form(), pressed.workspace(), pressed.userId()))
                    .queue(null, e -> log.warn("Discord refused a form: {}", e.getMessage()));
            return;
        }
        deferred.run(event, pressed.workspace(),
                () -> commands.press(DiscordCallers.invocation(event, pressed.workspace()), pressed.actionId()));
    }

    private static void say(ButtonInteractionEvent event, String text) {
        event.reply(text).setEphemeral(true).queue(null, e -> log.warn("Discord refused a reply: {}", e.getMessage()));
    }
}
