package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The declaration of one /ail subcommand: what it accepts, and how help and Discord describe it.
 *
 * @param name        the subcommand, e.g. "schedule"
 * @param args        positional arguments in order; required ones come first
 * @param options     the key:value options it allows
 * @param text        whether it takes free text after the options and arguments
 * @param oneOf       option keys of which exactly one must be given (at / in); empty when there is no such rule
 * @param usage       one line, e.g. {@code /ail show <post>}
 * @param description at most 100 characters (Discord's limit), shown in help and as the Discord description
 * @param examples    one to three real command lines
 * @param details     more help text (may be empty)
 */
public record CommandSpec(String name, List<Arg> args, List<Option> options, Text text, List<String> oneOf,
                          String usage, String description, List<String> examples, String details) {

    public enum Text { NONE, OPTIONAL, REQUIRED, REQUIRED_WITHOUT_MEDIA }

    /**
     * A positional argument. {@code choices} (matched in any case, returned as written here) or {@code check}
     * (returns the canonical value or throws UserError) constrain its value.
     */
    public record Arg(String name, boolean required, List<String> choices, UnaryOperator<String> check) {
        public Arg {
            choices = List.copyOf(choices);
        }

        public static Arg required(String name, String... choices) {
            return new Arg(name, true, List.of(choices), UnaryOperator.identity());
        }

        public static Arg optional(String name, String... choices) {
            return new Arg(name, false, List.of(choices), UnaryOperator.identity());
        }

        public Arg checkedBy(UnaryOperator<String> canonical) {
            return new Arg(name, required, choices, canonical);
        }
    }

    /**
     * A key:value option; {@code repeatable} keys (media, alt) keep every value in order. A {@code files} option
     * (media) also takes files attached in the chat: Discord offers it as attachment options, not as text.
     * {@code choices} are the values it takes, one at a time; {@code words} those a comma-separated value is made of
     * (allow:comments,duet), which its {@code check} verifies; Discord completes both as people type.
     * A {@code primary} option is a command's main input: a front end that offers each option as its own field
     * (Discord's native options, which count toward a 4,000-character budget) offers it so. Every other option is
     * typed as key:value there too, in one free-text field (Discord's {@code more}), read by the same grammar, so
     * an option added later reaches every front end without front-end code. Options are secondary unless marked.
     */
    public record Option(String key, boolean repeatable, boolean files, List<String> choices, List<String> words,
                         UnaryOperator<String> check, boolean primary) {
        public Option {
            choices = List.copyOf(choices);
            words = List.copyOf(words);
        }

        public static Option of(String key, String... choices) {
            return new Option(key, false, false, List.of(choices), List.of(), UnaryOperator.identity(), false);
        }

        /** A comma-separated list of these words, checked by {@code check}. */
        public static Option listOf(String key, List<String> words, UnaryOperator<String> check) {
            return new Option(key, false, false, List.of(), words, check, false);
        }

        public static Option repeatable(String key) {
            return new Option(key, true, false, List.of(), List.of(), UnaryOperator.identity(), false);
        }

        /** Repeatable, and given as links in text or as files attached in the chat. */
        public static Option files(String key) {
            return new Option(key, true, true, List.of(), List.of(), UnaryOperator.identity(), false);
        }

        /** One file: attached in the chat, or named by a link (or, in the console, a path). */
        public static Option file(String key) {
            return new Option(key, false, true, List.of(), List.of(), UnaryOperator.identity(), false);
        }

        public Option checkedBy(UnaryOperator<String> canonical) {
            return new Option(key, repeatable, files, choices, words, canonical, primary);
        }

        /**
         * Whether a key as typed is this option. A key ending in {@code <...>} names a family ({@code text.<platform>}):
         * every key that starts with what comes before the {@code <} is one of its members (text.x, text.linkedin);
         * the handler reads which member was given.
         */
        public boolean named(String typed) {
            int open = key.indexOf('<');
            return open < 0 ? key.equals(typed) : typed != null && typed.length() > open && typed.startsWith(key.substring(0, open));
        }

        /** The same option, marked as a main input of its command (see above). */
        public Option asPrimary() {
            return new Option(key, repeatable, files, choices, words, check, true);
        }
    }

    public CommandSpec {
        args = List.copyOf(args);
        options = List.copyOf(options);
        oneOf = List.copyOf(oneOf);
        examples = List.copyOf(examples);
    }

    public Optional<Option> option(String key) {
        return options.stream().filter(o -> o.named(key)).findFirst();
    }

    /** Whether some option is secondary: typed as key:value where a front end offers the primary ones as fields. */
    public boolean hasSecondaryOptions() {
        return options.stream().anyMatch(o -> !o.primary());
    }

    public boolean takesText() {
        return text != Text.NONE;
    }

    /** A one-line error: what was wrong, then this command's usage. */
    public UserError misuse(String what) {
        String end = what.endsWith(".") || what.endsWith("?") || what.endsWith("!") ? " " : ". ";
        return new UserError(what + end + "Usage: " + usage);
    }
}
