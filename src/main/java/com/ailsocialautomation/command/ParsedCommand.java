package com.ailsocialautomation.command;

import com.ailsocialautomation.message.MediaInput;

import java.util.List;
import java.util.Map;

/**
 * One /ail call after parsing, the same whether it came as Slack text or as Discord's native options.
 *
 * @param name     the subcommand, e.g. "schedule"
 * @param args     positional arguments in order, e.g. ["mastodon", "fosstodon.org"] for connect
 * @param options  key:value options; a key given more than once (media) keeps every value in order
 * @param text     the free text (post body, edit text), or "" when there is none
 * @param files    files given in the chat with the command (Slack's file input, Discord's attachments, a console
 *                 path), in order; media:&lt;url&gt; links stay in {@code options}
 */
public record ParsedCommand(String name, List<String> args, Map<String, List<String>> options, String text,
                            List<MediaInput> files) {
    public ParsedCommand {
        args = List.copyOf(args);
        options = Map.copyOf(options);
        files = List.copyOf(files);
    }

    public ParsedCommand(String name, List<String> args, Map<String, List<String>> options, String text) {
        this(name, args, options, text, List.of());
    }

    /** The same command with these files attached (a front end adds what its chat carried). */
    public ParsedCommand withFiles(List<MediaInput> more) {
        return new ParsedCommand(name, args, options, text, more);
    }

    /** The subcommand this call names; a parsed command always names a declared one. */
    public Subcommand subcommand() {
        return Subcommand.find(name).orElseThrow(() -> new IllegalStateException("not a subcommand: " + name));
    }

    /** The single value of an option, or null. */
    public String option(String key) {
        List<String> values = options.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public List<String> options(String key) {
        return options.getOrDefault(key, List.of());
    }

    public String arg(int index) {
        return index < args.size() ? args.get(index) : null;
    }
}
