package com.ailsocialautomation.command;

import com.ailsocialautomation.message.MediaInput;
import com.ailsocialautomation.schedule.Continuation;
import com.ailsocialautomation.schedule.Echo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what follows {@code /ail} into a {@link ParsedCommand}, or a one-line {@link com.ailsocialautomation.UserError}
 * that says what is wrong and shows the usage.
 *
 * <p>The grammar: {@code <subcommand> [key:value | positional]… [free text]}.
 * <ul>
 *   <li>The subcommand is matched in any case. An empty line is {@code help}.</li>
 *   <li>Values with spaces are quoted: {@code at:"tomorrow 09:00"}, with {@code \"} for a quote inside.
 *       Curly quotes work too.</li>
 *   <li>Options and positional arguments come first; the free text starts at the first word that is neither,
 *       once every positional argument is filled, and is kept exactly as typed (inner spaces and newlines too;
 *       only the whitespace around it is dropped). Option-like words inside the text stay text.</li>
 *   <li>A word is an option only when it is {@code key:value} with a lower-case key and the value does not start
 *       with "//". So links ({@code https://example.com}) and {@code Deal: 50% off} (capital letter, space after
 *       the colon) are text, while {@code colour:red} before the text is an unknown option.
 *       {@code --} ends the options: {@code /ail post -- note:this is text}.</li>
 * </ul>
 */
public final class CommandParser {
    private CommandParser() {}

    /**
     * Parses the text of a Slack {@code /ail} command or a console line. Slack sends {@code &amp; &lt; &gt;}
     * escaped; the Slack front end undoes that first, so the text is published as the person typed it.
     */
    public static ParsedCommand parse(String line) {
        String reordered = DraftReference.reordered(line);
        if (reordered == null) {
            return parseAsTyped(line);
        }
        // "schedule d7k2q at:x" names a draft when nothing but options follows the id; else the id is the text's word
        try {
            ParsedCommand asDraft = parseAsTyped(reordered);
            if (DraftReference.of(asDraft) != null) {
                return asDraft;
            }
        } catch (com.ailsocialautomation.UserError asDraftError) {
            try {
                return parseAsTyped(line);
            } catch (com.ailsocialautomation.UserError e) {
                throw asDraftError;
            }
        }
        return parseAsTyped(line);
    }

    private static ParsedCommand parseAsTyped(String line) {
        InputLimits.checkLength(line);
        LineCursor in = new LineCursor(line == null ? "" : line);
        if (in.atEnd()) {
            return new ParsedCommand("help", List.of(), Map.of(), "");
        }
        CommandSpec spec = Commands.get(in.bareWord());
        List<String> args = new ArrayList<>();
        Map<String, List<String>> options = new LinkedHashMap<>();
        String text = "";
        boolean optionsOpen = true;
        String[] time = null; // the key and value of an unquoted at:/in: that nothing has followed yet
        while (!in.atEnd()) {
            if (optionsOpen && in.takeDoubleDash()) {
                optionsOpen = false;
                time = null;
                continue;
            }
            String key = optionsOpen ? in.optionKey(spec) : null;
            if (key != null) {
                String value = in.optionValue(spec, key);
                options.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
                // at: and in: are the only one-of options, and the only times
                time = spec.oneOf().contains(key) && !in.lastQuoted() ? new String[] {key, value} : null;
            } else if (args.size() < spec.args().size()) {
                args.add(in.word(spec, "<" + spec.args().get(args.size()).name() + ">"));
                time = null;
            } else if (spec.takesText()) {
                text = in.rest();
                refuseSplitTime(spec, time, text, true);
                break;
            } else {
                refuseSplitTime(spec, time, in.rest(), false);
                throw spec.misuse("Unexpected '" + Echo.of(in.bareWord()) + "'");
            }
        }
        return GrammarCheck.check(spec, args, options, text, List.of());
    }

    /**
     * Options typed as {@code key:value} in one field of a front end that offers a command's primary options as
     * fields of their own (Discord's {@code more}): read word by word exactly as a typed line's options are, so
     * quoting, escapes and what counts as an option are the same everywhere. Only options may be there; the values
     * are checked with the rest of the command by {@link #fromOptions}.
     *
     * @return the values by key, in the order typed (a repeated key keeps each); empty for a null or blank field
     */
    public static Map<String, List<String>> typedOptions(String subcommand, String typed) {
        InputLimits.checkLength(typed);
        CommandSpec spec = Commands.get(subcommand);
        LineCursor in = new LineCursor(typed == null ? "" : typed);
        Map<String, List<String>> options = new LinkedHashMap<>();
        while (!in.atEnd()) {
            String key = in.optionKey(spec);
            if (key == null) {
                throw spec.misuse("'" + Echo.of(in.bareWord()) + "' is not a key:value option; that field takes options "
                        + "only, such as title:\"Spring release\" privacy:unlisted (quote values with spaces)");
            }
            options.computeIfAbsent(key, k -> new ArrayList<>()).add(in.optionValue(spec, key));
        }
        return options;
    }

    private static void refuseSplitTime(CommandSpec spec, String[] time, String after, boolean isText) {
        if (time != null) {
            Continuation.refusal(time[0], time[1], after, isText).ifPresent(why -> {
                throw spec.misuse(why);
            });
        }
    }

    /**
     * Builds a command from native options (Discord) with the same checks as {@link #parse}.
     *
     * @param name    the subcommand
     * @param args    positional values in declaration order; null for none
     * @param options option values by key (a repeatable key may have several); null for none
     * @param text    the free text, or null
     */
    public static ParsedCommand fromOptions(String name, List<String> args, Map<String, List<String>> options,
                                            String text) {
        return fromOptions(name, args, options, text, List.of());
    }

    /**
     * The same, with the files the chat carried (Discord's attachments, Slack's file input); they count as media
     * for the text rule and for the number of {@code alt:} texts.
     */
    public static ParsedCommand fromOptions(String name, List<String> args, Map<String, List<String>> options,
                                            String text, List<MediaInput> files) {
        InputLimits.checkLength(text);
        CommandSpec spec = Commands.get(name);
        return GrammarCheck.check(spec, args == null ? List.of() : args, options == null ? Map.of() : options,
                text == null ? "" : text.strip(), files);
    }
}
