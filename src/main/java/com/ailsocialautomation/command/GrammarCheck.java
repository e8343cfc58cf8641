package com.ailsocialautomation.command;

import com.ailsocialautomation.DidYouMean;
import com.ailsocialautomation.UserError;
import com.ailsocialautomation.command.CommandSpec.Text;
import com.ailsocialautomation.message.MediaInput;
import com.ailsocialautomation.message.PostOption;
import com.ailsocialautomation.schedule.Echo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Checks a command's pieces against its {@link CommandSpec}; shared by Slack-text and Discord-option parsing. */
final class GrammarCheck {
    private GrammarCheck() {}

    static ParsedCommand check(CommandSpec spec, List<String> args, Map<String, List<String>> options, String text,
                               List<MediaInput> files) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        options.forEach((key, given) -> values.put(key, optionValues(spec, key, given)));
        List<String> positional = positional(spec, args);
        List<String> chosen = spec.oneOf().stream().filter(values::containsKey).toList();
        if (!spec.oneOf().isEmpty() && chosen.size() != 1) {
            // at: and in: are the only such pair, hence "say when".
            String keys = String.join(" or ", spec.oneOf().stream().map(k -> k + ":").toList());
            throw spec.misuse(chosen.isEmpty() ? "Say when with " + keys : "Give " + keys + ", not both");
        }
        if (!files.isEmpty() && spec.options().stream().noneMatch(CommandSpec.Option::files)) {
            throw spec.misuse("/ail " + spec.name() + " takes no files");
        }
        ParsedCommand parsed = new ParsedCommand(spec.name(), positional, values, text, files);
        int media = parsed.options("media").size() + files.size();
        AltTexts.checkCount(spec, parsed.options("alt").size(), media);
        // an edit that changes only options (title:, privacy:...) keeps the text
        boolean changesOptions = spec.name().equals(Subcommand.EDIT.word())
                && (Arrays.stream(PostOption.values()).anyMatch(o -> values.containsKey(o.key()))
                        || values.keySet().stream().anyMatch(PostOptionInput.TEXTS::named));
        // a series' from: holds its texts
        boolean needsText = spec.text() == Text.REQUIRED
                || spec.text() == Text.REQUIRED_WITHOUT_MEDIA && media == 0 && parsed.options("alt").isEmpty() && !changesOptions
                && !values.containsKey("from");
        if (text.isBlank() && needsText) {
            String what = spec.text() == Text.REQUIRED ? "Missing the text" : "Missing the text (or media:<url>)";
            throw new MissingText(spec.misuse(what).getMessage(), parsed);
        }
        if (!text.isEmpty() && !spec.takesText()) {
            throw spec.misuse("Unexpected '" + Echo.of(text) + "'");
        }
        return parsed;
    }

    private static List<String> optionValues(CommandSpec spec, String key, List<String> given) {
        String asText = spec.takesText() ? " (to start the text with it, put -- before it)" : "";
        CommandSpec.Option option = spec.option(key).orElseThrow(() ->
                spec.misuse("Unknown option '" + Echo.of(key) + ":'" + DidYouMean.hint(key + ":",
                        spec.options().stream().map(o -> o.key() + ":").toList()) + asText));
        if (given.size() > 1 && !option.repeatable()) {
            String hint = key.equals("to") ? "; list accounts with commas: to:ana,x" : "";
            throw spec.misuse("Give " + key + ": only once" + hint);
        }
        List<String> out = new ArrayList<>();
        for (String value : given) {
            if (value == null || value.isBlank()) {
                throw spec.misuse("Missing value after " + key + ": (quote values with spaces: at:\"tomorrow 09:00\")");
            }
            out.add(canonical(spec, "value for " + key + ":", value, option.choices(), option.check()));
        }
        return List.copyOf(out);
    }

    private static List<String> positional(CommandSpec spec, List<String> args) {
        if (args.size() > spec.args().size()) {
            throw spec.misuse("Unexpected '" + Echo.of(args.get(spec.args().size())) + "'");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < spec.args().size(); i++) {
            CommandSpec.Arg arg = spec.args().get(i);
            String value = i < args.size() ? args.get(i) : null;
            if (value == null || value.isBlank()) {
                if (arg.required()) {
                    throw spec.misuse("Missing <" + arg.name() + ">");
                }
                break;
            }
            out.add(canonical(spec, arg.name(), value, arg.choices(), arg.check()));
        }
        return out;
    }

    private static String canonical(CommandSpec spec, String what, String value, List<String> choices,
                                    UnaryOperator<String> check) {
        if (!choices.isEmpty()) {
            return choices.stream().filter(c -> c.equalsIgnoreCase(value.strip())).findFirst().orElseThrow(() ->
                    spec.misuse("'" + Echo.of(value) + "' is not a " + what
                            + DidYouMean.among(value, choices, Commands.PLATFORM_ALIASES)
                                    .map(s -> "; did you mean " + s + "? Choose").orElse("; choose")
                            + " one of: " + String.join(", ", choices)));
        }
        try {
            return check.apply(value);
        } catch (UserError e) {
            throw spec.misuse(e.getMessage());
        }
    }
}
