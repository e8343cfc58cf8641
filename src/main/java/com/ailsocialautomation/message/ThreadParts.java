package com.ailsocialautomation.message;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A post's text as the parts of a thread: a line holding only {@code ---} (spaces around it allowed) separates two
 * parts. The command layer validates each part on its own; the engine publishes them in order, each a reply to the
 * one before. A text without such a line is one part, unchanged. Parts keep their own text but lose the blank lines
 * that surround a separator; an empty part stays in the list (empty) so that validation can name it.
 */
public final class ThreadParts {
    /** What a separator line holds (besides spaces); a text without it anywhere is surely one part. */
    public static final String MARK = "---";
    private static final Pattern SEPARATOR = Pattern.compile("(?m)^[ \\t]*" + Pattern.quote(MARK) + "[ \\t]*\\r?$");

    private ThreadParts() {}

    public static List<String> of(String text) {
        if (text == null || text.isEmpty()) {
            return List.of(text == null ? "" : text);
        }
        String[] pieces = SEPARATOR.split(text, -1);
        if (pieces.length == 1) {
            return List.of(text);
        }
        List<String> parts = new ArrayList<>(pieces.length);
        for (String piece : pieces) {
            parts.add(piece.replaceAll("^(?:[ \\t]*\\r?\\n)+", "").replaceAll("(?:\\r?\\n[ \\t]*)+$", ""));
        }
        return List.copyOf(parts);
    }

    /** Whether the text is a thread of more than one part. */
    public static boolean isThread(String text) {
        return of(text).size() > 1;
    }
}
