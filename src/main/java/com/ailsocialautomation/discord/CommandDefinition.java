package com.ailsocialautomation.discord;

import com.ailsocialautomation.command.CommandSpec;
import com.ailsocialautomation.command.Commands;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The /ail slash command, generated from {@link Commands}: one subcommand per spec, its positional arguments
 * first (required ones before optional ones, as Discord demands), then {@code text}, then its primary key:value
 * options, then {@code more}, one text option where all its other options are typed as key:value (the per-platform
 * ones, and any option added later unless it is declared primary): each native option costs its name and
 * description in every subcommand that has it, within Discord's 4,000 characters for all of /ail.
 * An option that takes files (media) becomes the attachment options {@code media} to {@code media-4}, and another
 * repeatable option (alt) the text options {@code alt} to {@code alt-4}, {@code alt-N} describing {@code media-N}.
 * {@code bot-manifests/discord/commands.json} holds the same JSON, beside the message command ({@link #manifest});
 * a test keeps them equal.
 */
public final class CommandDefinition {
    public static final String NAME = "ail";
    /**
     * Attachments one command takes: four, what X, Bluesky and Mastodon take in a post. Each is two options (the
     * file and its alt-N), and post, schedule and edit repeat them; more would eat into Discord's 4,000 characters
     * for all of /ail (and 25 options a subcommand). More media go as media: links in more, or through Slack or
     * the console.
     */
    static final int ATTACHMENTS = 4;
    /** Options whose values are this workspace's accounts: Discord asks us to complete them as people type. */
    static final Set<String> ACCOUNT_OPTIONS = Set.of("to", "account");
    static final String ZONE = "zone";
    /**
     * A closed set of more values than this is completed as people type instead of listed as choices: choices count
     * toward Discord's 4,000 characters in every subcommand that repeats them (help's subcommands, connect's platforms).
     */
    static final int LISTED_CHOICES = 4;

    /** The values an option is completed from, and whether it takes several separated by commas. */
    public record Values(List<String> words, boolean commaList) {}

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
            out.add(string(arg.name(), arg.required(), values(spec, arg.name()).map(Values::words).orElse(List.of())));
        }
        if (spec.takesText()) {
            // Never required: without it the person writes the text in a modal, which has room for long posts.
            out.add(string(OptionTexts.TEXT, false, List.of()));
        }
        for (CommandSpec.Option option : spec.options()) {
            if (!option.primary()) {
                continue; // typed in more, below
            } else if (option.files() && !option.repeatable()) {
                out.add(new OptionData(OptionType.ATTACHMENT, option.key(), describe(option.key())));
            } else if (option.repeatable()) {
                OptionType type = option.files() ? OptionType.ATTACHMENT : OptionType.STRING;
                out.add(new OptionData(type, option.key(), describe(option.key())));
                for (int i = 2; i <= ATTACHMENTS; i++) {
                    out.add(new OptionData(type, numbered(option.key(), i), describe(option.key() + "-N").replace("N", Integer.toString(i))));
                }
            } else if (!option.words().isEmpty()) {
                out.add(string(option.key(), false, List.of()).setAutoComplete(true));
            } else {
                out.add(string(option.key(), false, option.choices()));
            }
        }
        if (spec.hasSecondaryOptions()) {
            out.add(string(OptionTexts.MORE, false, List.of()));
        }
        return out;
    }

    /** The closed set an argument or option of {@code subcommand} takes its values from, if it has one. */
    public static java.util.Optional<Values> values(String subcommand, String name) {
        return Commands.find(subcommand).flatMap(spec -> values(spec, name));
    }

    private static java.util.Optional<Values> values(CommandSpec spec, String name) {
        if (name.equals("subcommand")) {
            return java.util.Optional.of(new Values(Commands.names(), false));
        }
        for (CommandSpec.Arg arg : spec.args()) {
            if (arg.name().equals(name) && !arg.choices().isEmpty()) {
                return java.util.Optional.of(new Values(arg.choices(), false));
            }
        }
        return spec.option(name).filter(o -> !o.choices().isEmpty() || !o.words().isEmpty())
                .map(o -> o.words().isEmpty() ? new Values(o.choices(), false) : new Values(o.words(), true));
    }

    /** The name of the {@code n}th option of a repeatable key: media, media-2, media-3... */
    static String numbered(String key, int n) {
        return n == 1 ? key : key + "-" + n;
    }

    private static OptionData string(String name, boolean required, List<String> choices) {
        OptionData data = new OptionData(OptionType.STRING, name, describe(name), required);
        if (choices.size() > LISTED_CHOICES) {
            return data.setAutoComplete(true);
        }
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

    /** Every command the bot registers, in one bulk overwrite: /ail and the message command "Post with AIL". */
    public static List<CommandData> all() {
        return List.of(build(), MessageCommand.definition());
    }

    /** The definition of /ail as Discord receives it. */
    public static String json() {
        return build().toData().toPrettyString();
    }

    /** The bulk overwrite as Discord receives it: what {@code bot-manifests/discord/commands.json} holds. */
    public static String manifest() {
        return net.dv8tion.jda.api.utils.data.DataArray.fromCollection(all().stream().map(CommandData::toData).toList())
                .toPrettyString();
    }
}
