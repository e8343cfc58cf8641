package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.store.ShortIds;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code post <draft>} and {@code schedule <draft> at:...}: a post or schedule whose whole text is one draft id
 * (d and four characters) names a saved draft instead of a new text. The id may come first, before at:/in:, as
 * people say it; {@link #reordered} moves it behind the options, where the grammar keeps text.
 */
final class DraftReference {
    private static final Pattern LEADING = Pattern.compile("(?s)^\\s*(post|schedule)\\s+(\\S+)\\s+(\\S.*)$",
            Pattern.CASE_INSENSITIVE);

    private DraftReference() {}

    /** The draft id a post or schedule names (its text is only that id), or null: then the text is a new post's. */
    static String of(ParsedCommand command) {
        String text = command.text().strip();
        return shaped(text) && command.files().isEmpty() ? text.toLowerCase(Locale.ROOT) : null;
    }

    static boolean shaped(String word) {
        return ShortIds.looksLike('d', word);
    }

    /**
     * "schedule d7k2q at:x" as "schedule at:x d7k2q", or null when the line does not start with post/schedule and
     * a draft-shaped word followed by more.
     */
    static String reordered(String line) {
        Matcher m = line == null ? null : LEADING.matcher(line);
        return m != null && m.matches() && shaped(m.group(2)) ? m.group(1) + " " + m.group(3) + " " + m.group(2) : null;
    }

    /** A draft is released as it was saved: anything but the time is changed with edit first. */
    static void requireOnlyTime(ParsedCommand command, String id) {
        List<String> extra = command.options().keySet().stream()
                .filter(k -> !List.of("at", "in", "public").contains(k)).sorted().toList();
        if (!extra.isEmpty()) {
            throw new UserError("/ail " + command.name() + " " + id + " takes no " + String.join(", ", extra.stream().map(k -> k + ":").toList())
                    + "; the draft goes as saved (change its text, media or options first with `/ail edit " + id + "`).");
        }
    }
}
