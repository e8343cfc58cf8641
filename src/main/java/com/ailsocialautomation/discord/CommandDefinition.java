package com.ailsocialautomation.discord;

import com.ailsocialautomation.command.CommandSpec;
import com.ailsocialautomation.command.Commands;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The /ail slash command, generated from {@link Commands}: one subcommand per spec, its positional arguments
 * first (required ones before optional ones, as Discord demands), then {@code text}, then its key:value options.
 * An option that takes files (media) becomes the attachment options {@code media} to {@code media-10}, and another
 * repeatable option (alt) the text options {@code alt} to {@code alt-10}, {@code alt-N} describing {@code media-N}.
 * {@code bot-manifests/discord/commands.json} holds the same JSON; a test keeps them equal.
 */
public final class CommandDefinition {
    public static final String NAME = "ail";
    /**
     * Attachments one command takes. Discord allows 25 options in a subcommand: schedule's five others plus ten
     * attachments and their ten alt texts fill it, and ten is also what one Discord message carries. LinkedIn's
     * twenty images in a post are the one case this does not reach.
     */
    static final int ATTACHMENTS = 10;
    /** Options whose values are this workspace's accounts: Discord asks us to complete them as people type. */
    static final Set<String> ACCOUNT_OPTIONS = Set.of("to", "account");
    static final String ZONE = "zone";

    private CommandDefinition() {}

    public static SlashCommandData build() {
        SlashCommandData command = net.dv8tion.jda.api.interactions.commands.build.Commands
                .slash(NAME, "Publish and schedule social-media posts")
                .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM)
                .setIntegrationTypes(IntegrationType.GUILD_INSTALL);
        for (CommandSpec spec : Commands.all()) {
            command.addSubcommands(new SubcommandData(spec.name(), spec.description()).addOptions(options(spec)));
        }
        return command;
    }

    private static List<OptionData> options(CommandSpec spec) {
        List<OptionData> out = new ArrayList<>();
        for (CommandSpec.Arg arg : spec.args()) {
            List<String> choices = arg.name().equals("subcommand") ? Commands.names() : arg.choices();
            out.add(string(arg.name(), arg.required(), choices));
        }
        if (spec.takesText()) {
            // Never required: without it the person writes the text in a modal, which has room for long posts.
            out.add(string(OptionTexts.TEXT, false, List.of()));
        }
        for (CommandSpec.Option option : spec.options()) {
            if (option.repeatable()) {
                OptionType type = option.files() ? OptionType.ATTACHMENT : OptionType.STRING;
                out.add(new OptionData(type, option.key(), describe(option.key())));
                for (int i = 2; i <= ATTACHMENTS; i++) {
                    out.add(new OptionData(type, numbered(option.key(), i), describe(option.key() + "-N").replace("N", Integer.toString(i))));
                }
            } else {
                out.add(string(option.key(), false, option.choices()));
            }
        }
        return out;
    }

    /** The name of the {@code n}th option of a repeatable key: media, media-2, media-3... */
    static String numbered(String key, int n) {
        return n == 1 ? key : key + "-" + n;
    }

    private static OptionData string(String name, boolean required, List<String> choices) {
        OptionData data = new OptionData(OptionType.STRING, name, describe(name), required);
        choices.forEach(c -> data.addChoice(c, c));
        if (choices.isEmpty() && (ACCOUNT_OPTIONS.contains(name) || name.equals(ZONE))) {
            data.setAutoComplete(true);
        }
        return data;
    }

    private static String describe(String name) {
        String text = OptionTexts.of(name);
        if (text == null) {
            throw new IllegalStateException("no Discord description for option '" + name + "'; add one to OptionTexts");
        }
        return text;
    }

    /** The definition as Discord receives it (what {@code bot-manifests/discord/commands.json} holds). */
    public static String json() {
        return build().toData().toPrettyString();
    }
}
