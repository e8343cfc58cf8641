package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.command.CommandSpec.Option;
import com.ailsocialautomation.message.Disclosure;
import com.ailsocialautomation.message.Interaction;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.message.PostOption;
import com.ailsocialautomation.message.PostOptions;
import com.ailsocialautomation.message.Privacy;
import com.ailsocialautomation.message.Worded;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.TextLengths;
import com.ailsocialautomation.schedule.Echo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The per-platform options of post, schedule and edit: their grammar (declared in {@link Commands} from
 * {@link #OPTIONS}), their values as {@link PostOptions}, and the refusal of an option that no target uses or a
 * privacy value that a target does not have.
 */
final class PostOptionInput {
    /** YouTube's limits, the platform that takes a title and tags; a webhook takes whatever YouTube takes. */
    static final int TITLE_CHARACTERS = 100;
    static final int TAG_CHARACTERS = 500;

    /** The options, in the order commands list them. */
    static final List<Option> OPTIONS = List.of(
            Option.of(PostOption.TITLE.key()).checkedBy(PostOptionInput::title),
            Option.of(PostOption.PRIVACY.key(), Worded.words(Privacy.class).toArray(String[]::new)),
            Option.of(PostOption.TAGS.key()).checkedBy(PostOptionInput::tags),
            Option.listOf(PostOption.ALLOW.key(), Worded.words(Interaction.class),
                    v -> words(Interaction.class, PostOption.ALLOW, v)),
            Option.listOf(PostOption.DISCLOSE.key(), Worded.words(Disclosure.class),
                    v -> words(Disclosure.class, PostOption.DISCLOSE, v)),
            Option.of(PostOption.COMMENT.key()).checkedBy(PostOptionInput::comment));

    /**
     * A target platform's own text, {@code text.<platform>:"..."}: one option standing for every platform in the
     * registry (by id or alias: text.x, text.twitter). Which platform it names is read by {@link #texts}.
     */
    static final Option TEXTS = Option.of(PostOptions.textKey(null)).checkedBy(PostOptionInput::ownText);

    private PostOptionInput() {}

    /** The options a parsed command gives (values already checked by the grammar). */
    static PostOptions of(ParsedCommand command) {
        String title = command.option(PostOption.TITLE.key());
        String privacy = command.option(PostOption.PRIVACY.key());
        String tags = command.option(PostOption.TAGS.key());
        String allow = command.option(PostOption.ALLOW.key());
        String disclose = command.option(PostOption.DISCLOSE.key());
        return new PostOptions(title, privacy == null ? null : Worded.find(Privacy.class, privacy).orElseThrow(),
                tags == null ? List.of() : List.of(tags.split(",")),
                allow == null ? List.of() : Worded.list(Interaction.class, allow),
                disclose == null ? List.of() : Worded.list(Disclosure.class, disclose),
                command.option(PostOption.COMMENT.key()), texts(command));
    }

    /** The per-target texts a command gives, by the platform each key names (text.twitter is X's). */
    static Map<PlatformId, String> texts(ParsedCommand command) {
        Map<PlatformId, String> texts = new EnumMap<>(PlatformId.class);
        command.options().forEach((key, values) -> {
            if (!TEXTS.named(key)) {
                return;
            }
            String name = key.substring(key.indexOf('.') + 1);
            PlatformId platform = PlatformId.find(name).or(() -> Optional.ofNullable(PlatformId.aliases().get(name))
                    .flatMap(PlatformId::find)).filter(p -> Platform.of(p).hasProvider()).orElseThrow(() -> new UserError(
                    "'" + Echo.of(key) + ":' names no platform; write text.<platform>: with one of "
                            + String.join(", ", Commands.PLATFORMS) + ", e.g. text.x:\"A shorter one\""));
            if (texts.put(platform, values.get(0)) != null) {
                throw new UserError("Two texts for " + platform.displayName() + "; give " + PostOptions.textKey(platform)
                        + ": once.");
            }
        });
        return texts;
    }

    /**
     * Refuses, in one line, an option that none of {@code targets} uses ("title: is for Webhook and YouTube; none of
     * the targets uses it") and a privacy value a target does not have.
     */
    static void check(PostOptions options, List<Destination> targets) {
        problems(options, targets).values().stream().findFirst().ifPresent(problem -> {
            throw new UserError(problem);
        });
    }

    /** The same problems, by the option they belong to (a form shows each beside its field). */
    static Map<PostOption, String> problems(PostOptions options, List<Destination> targets) {
        Map<PostOption, String> problems = new EnumMap<>(PostOption.class);
        for (PostOption option : options.given()) {
            List<Destination> without = targets.stream().filter(t -> !t.platform().rule().options().uses(option)).toList();
            if (option == PostOption.COMMENT && !without.isEmpty()) {
                // a comment left out silently would change what the post says on that account
                problems.put(option, option + " is for " + names(Platform.using(option)) + "; "
                        + without.stream().map(Destination::who).collect(Collectors.joining(", "))
                        + (without.size() == 1 ? " takes" : " take") + " no first comment. Leave comment: out, "
                        + "or leave " + (without.size() == 1 ? "that account" : "those accounts") + " out with to:.");
                continue;
            }
            if (without.size() == targets.size()) {
                problems.put(option, option + " is for " + names(Platform.using(option)) + "; none of the targets uses it. "
                        + "Leave it out, or add such an account with to:.");
            }
        }
        if (options.comment() != null && !problems.containsKey(PostOption.COMMENT)) {
            List<String> comment = new ArrayList<>();
            TextLengths lengths = new TextLengths(options.comment());
            targets.forEach(t -> comment.addAll(t.platform().rule().textProblems(lengths, "the comment on " + t.who(), t.limit())));
            if (!comment.isEmpty()) {
                String all = String.join("; ", comment) + ".";
                problems.put(PostOption.COMMENT, Character.toUpperCase(all.charAt(0)) + all.substring(1));
            }
        }
        for (PlatformId platform : options.texts().keySet()) {
            if (targets.stream().noneMatch(t -> t.platform().platformId() == platform)) {
                // a text nobody would publish is a mistake in to: or in the key, never something to keep quietly
                throw new UserError(PostOptions.textKey(platform) + ": is the text for " + platform.displayName()
                        + ", which is not among the targets (" + targets.stream().map(Destination::who)
                        .collect(Collectors.joining(", ")) + "). Add a " + platform.displayName()
                        + " account with to:, or leave " + PostOptions.textKey(platform) + ": out.");
            }
        }
        List<String> privacy = new ArrayList<>();
        targets.forEach(t -> privacy.addAll(t.platform().rule().options().problems(options, t.who())));
        if (!privacy.isEmpty() && !problems.containsKey(PostOption.PRIVACY)) {
            String all = String.join("; ", privacy) + "; choose one they all take, or leave those accounts out with to:";
            problems.put(PostOption.PRIVACY, Character.toUpperCase(all.charAt(0)) + all.substring(1) + ".");
        }
        return problems;
    }

    /** One option's value as a form gives it, checked as the text grammar checks it: its canonical form, or a UserError. */
    static String value(PostOption option, String given) {
        Option declared = OPTIONS.stream().filter(o -> o.key().equals(option.key())).findFirst().orElseThrow();
        if (declared.choices().isEmpty()) {
            return declared.check().apply(given);
        }
        return declared.choices().stream().filter(c -> c.equalsIgnoreCase(given.strip())).findFirst().orElseThrow(() ->
                new UserError("'" + Echo.of(given) + "' is not a value for " + option + "; choose one of: "
                        + String.join(", ", declared.choices())));
    }

    /** The options as typed, each with the targets that use it: {@code privacy:unlisted (Mastodon (@ana))}. */
    static String shown(PostOptions options, List<Destination> targets) {
        List<String> shown = new ArrayList<>();
        for (PostOption option : options.given()) {
            if (option == PostOption.COMMENT) {
                continue; // a preview shows the comment in full, in its own field
            }
            shown.add(options.typed(option) + " (" + targets.stream().filter(t -> t.platform().rule().options().uses(option))
                    .map(Destination::who).collect(Collectors.joining(", ")) + ")");
        }
        return String.join("; ", shown);
    }

    /** Which platforms use an option, for a form's hint: "Webhook and YouTube use it; other accounts ignore it." */
    static String hint(PostOption option) {
        String users = option == PostOption.PRIVACY
                ? Platform.using(option).stream().map(p -> p.displayName() + ": " + p.rule().options().privacy().stream()
                        .map(Privacy::word).collect(Collectors.joining(", "))).collect(Collectors.joining(" · ")) + ". "
                : names(Platform.using(option)) + (Platform.using(option).size() == 1 ? " uses it" : " use it") + "; ";
        String blank = switch (option) {
            case PRIVACY -> "Empty: each platform's default.";
            case ALLOW -> "none unless ticked.";
            case TAGS -> "separate tags with commas.";
            case COMMENT -> "published as a first comment (a reply on X, Bluesky and Mastodon) right after the post.";
            default -> "other accounts ignore it.";
        };
        return users + blank;
    }

    /** What help says about the options, from the registry: which platforms use each. */
    static String help() {
        return "Options for some platforms: title:\"...\" (" + names(Platform.using(PostOption.TITLE)) + "); privacy:"
                + Arrays.stream(Platform.values()).filter(p -> p.rule().options().uses(PostOption.PRIVACY))
                        .map(p -> p.displayName() + " " + p.rule().options().privacy().stream().map(Privacy::word)
                                .collect(Collectors.joining("|")))
                        .collect(Collectors.joining(", "))
                + "; tags:launch,spring (" + names(Platform.using(PostOption.TAGS)) + "); allow:"
                + String.join(",", Worded.words(Interaction.class)) + " (" + names(Platform.using(PostOption.ALLOW))
                + ", none unless named); disclose:" + String.join(",", Worded.words(Disclosure.class)) + " ("
                + names(Platform.using(PostOption.DISCLOSE)) + "); comment:\"...\" a first comment, published right after the "
                + "post (" + names(Platform.using(PostOption.COMMENT)) + "; refused for other accounts). "
                + "A target whose platform does not use one of the others ignores it. text.<platform>:\"...\" gives one "
                + "platform its own text (text.x:\"A shorter one\"), checked and counted on its own; on Discord type it in "
                + "more:, in Slack's form each platform has its own field. A line holding only --- splits a text into the "
                + "parts of a thread (" + names(java.util.Arrays.stream(Platform.values()).filter(p -> p.rule().threads()).toList())
                + "), each part checked on its own and published as a reply to the one before, the media with the first "
                + "part; other platforms need their own text without ---.";
    }

    private static String title(String value) {
        String title = value.strip();
        int characters = title.codePointCount(0, title.length());
        if (characters > TITLE_CHARACTERS) {
            throw new UserError("title: is " + characters + " characters; YouTube takes at most " + TITLE_CHARACTERS
                    + ", so shorten it by " + (characters - TITLE_CHARACTERS));
        }
        return title;
    }

    private static String ownText(String value) {
        InputLimits.checkLength(value);
        return value.strip();
    }

    private static String comment(String value) {
        String comment = value.strip();
        if (comment.isEmpty()) {
            throw new UserError("comment: is empty; write the comment in quotes: comment:\"More in the thread below\"");
        }
        return comment;
    }

    private static String tags(String value) {
        List<String> tags = Arrays.stream(value.split(",")).map(String::strip).map(t -> t.startsWith("#") ? t.substring(1).strip() : t)
                .filter(t -> !t.isEmpty()).distinct().toList();
        if (tags.isEmpty()) {
            throw new UserError("tags: names no tag; separate tags with commas: tags:launch,spring");
        }
        String joined = String.join(",", tags);
        if (joined.length() > TAG_CHARACTERS) {
            throw new UserError("tags: come to " + joined.length() + " characters; YouTube takes at most " + TAG_CHARACTERS);
        }
        return joined;
    }

    private static <E extends Enum<E> & Worded> String words(Class<E> type, PostOption option, String value) {
        try {
            List<E> values = Worded.list(type, value);
            if (values.isEmpty()) {
                throw new IllegalArgumentException(value);
            }
            return values.stream().map(Worded::word).collect(Collectors.joining(","));
        } catch (IllegalArgumentException e) {
            throw new UserError("'" + Echo.of(e.getMessage()) + "' is not something " + option + " takes; it takes "
                    + String.join(", ", Worded.words(type)) + ", separated by commas");
        }
    }

    private static String names(List<Platform> platforms) {
        List<String> names = platforms.stream().map(Platform::displayName).toList();
        return names.size() <= 1 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
