package com.ailsocialautomation.discord;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.command.CommandParser;
import com.ailsocialautomation.command.CommandService;
import com.ailsocialautomation.command.CommandSpec;
import com.ailsocialautomation.command.Subcommand;
import com.ailsocialautomation.command.Commands;
import com.ailsocialautomation.command.MissingText;
import com.ailsocialautomation.command.ParsedCommand;
import com.ailsocialautomation.message.MediaInput;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /ail <subcommand>}: reads the native options, and those typed in {@code more}, into the same checks as
 * the text grammar, opens the text modal when post, schedule or edit come without text, answers a mistake at once,
 * and defers everything else before handing it to the command layer.
 */
public final class SlashCommands extends ListenerAdapter {
    private static final Logger log = LoggerFactory.getLogger(SlashCommands.class);

    private final CommandService commands;
    private final Deferred deferred;
    private final Modals modals;

    SlashCommands(CommandService commands, Deferred deferred, Modals modals) {
        this.commands = commands;
        this.deferred = deferred;
        this.modals = modals;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!CommandDefinition.NAME.equals(event.getName())) {
            return;
        }
        String workspace = DiscordCallers.workspace(event);
        ParsedCommand command;
        try {
            command = read(event);
        } catch (MissingText e) {
            event.replyModal(modals.text(e.partial(), workspace, event.getUser().getId()))
                    .queue(null, failure -> log.warn("Discord refused the text modal: {}", failure.getMessage()));
            return;
        } catch (UserError e) {
            event.reply(e.getMessage()).setEphemeral(true)
                    .queue(null, failure -> log.warn("Discord refused a reply: {}", failure.getMessage()));
            return;
        }
        deferred.run(event, workspace, () -> commands.run(DiscordCallers.invocation(event, workspace), command));
    }

    /** The subcommand's options as the text grammar would have them; the same checks, the same errors. */
    static ParsedCommand read(SlashCommandInteractionEvent event) {
        CommandSpec spec = Commands.get(event.getSubcommandName());
        List<String> args = new ArrayList<>();
        for (CommandSpec.Arg arg : spec.args()) {
            String value = string(event.getOption(arg.name()));
            if (value == null) {
                break;
            }
            args.add(value);
        }
        Map<String, List<String>> options = new LinkedHashMap<>();
        List<MediaInput> files = List.of();
        for (CommandSpec.Option option : spec.options()) {
            if (option.files() && spec.name().equals(Subcommand.EDIT.word()) && !Attachments.any(event, option.key())) {
                List<String> alts = Attachments.alone(event); // they re-describe the post's stored items
                if (!alts.isEmpty()) {
                    options.put(Attachments.ALT, alts);
                }
            } else if (option.files()) {
                files = Attachments.files(event, option.key());
            } else if (option.primary() && !option.repeatable() && string(event.getOption(option.key())) != null) {
                options.put(option.key(), List.of(string(event.getOption(option.key()))));
            }
        }
        // the other options, typed as in Slack and the console and read by the same parser; one given both here
        // and natively is refused as given twice
        CommandParser.typedOptions(spec.name(), string(event.getOption(OptionTexts.MORE))).forEach((key, values) ->
                options.merge(key, values, (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
        String text = spec.takesText() ? string(event.getOption(OptionTexts.TEXT)) : null;
        return CommandParser.fromOptions(spec.name(), args, options, text, files);
    }

    private static String string(OptionMapping option) {
        return option == null ? null : option.getAsString();
    }
}
