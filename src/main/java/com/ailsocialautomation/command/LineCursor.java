package com.ailsocialautomation.command;

import com.ailsocialautomation.schedule.Echo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Walks a /ail line word by word; knows quoting and what counts as an option. */
final class LineCursor {
    // Lower-case keys only, so "Deal: 50% off" and "Note:" read as text; one dot for a family's member (text.x:).
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_-]*(?:\\.[a-z][a-z0-9_-]*)?:");

    private final String line;
    private int pos;
    private boolean lastQuoted;

    LineCursor(String line) {
        this.line = line;
    }

    /** Skips whitespace; true when nothing but whitespace is left. */
    boolean atEnd() {
        while (pos < line.length() && isSpace(line.charAt(pos))) {
            pos++;
        }
        return pos == line.length();
    }

    /** True (and steps over it) when the next word is exactly {@code --}. */
    boolean takeDoubleDash() {
        if (line.startsWith("--", pos) && (pos + 2 == line.length() || isSpace(line.charAt(pos + 2)))) {
            pos += 2;
            return true;
        }
        return false;
    }

    /**
     * The key when the next word is an option, else null. {@code key:value} is an option unless the value starts
     * with "//" (a link such as https://example.com). {@code key:} followed by a space is an option with a
     * missing value only when the command knows that key; otherwise it is ordinary text ("note: buy milk").
     */
    String optionKey(CommandSpec spec) {
        Matcher m = KEY.matcher(line).region(pos, line.length());
        if (!m.lookingAt()) {
            return null;
        }
        String key = line.substring(pos, m.end() - 1);
        int value = m.end();
        if (value == line.length() || isSpace(line.charAt(value))) {
            return spec.option(key).isPresent() ? key : null;
        }
        return line.startsWith("//", value) ? null : key;
    }

    /** Reads the option whose key {@link #optionKey} returned; "" when its value is missing. */
    String optionValue(CommandSpec spec, String key) {
        pos += key.length() + 1;
        return word(spec, key + ":");
    }

    /** Everything up to the next whitespace. */
    String bareWord() {
        int start = pos;
        while (pos < line.length() && !isSpace(line.charAt(pos))) {
            pos++;
        }
        return line.substring(start, pos);
    }

    /** A bare word or a quoted value with {@code \"} and {@code \\} escapes. */
    String word(CommandSpec spec, String label) {
        lastQuoted = pos < line.length() && isQuote(line.charAt(pos));
        if (!lastQuoted) {
            return bareWord();
        }
        int start = pos;
        StringBuilder value = new StringBuilder();
        pos++;
        while (pos < line.length()) {
            char c = line.charAt(pos++);
            if (c == '\\' && pos < line.length() && (line.charAt(pos) == '\\' || isQuote(line.charAt(pos)))) {
                value.append(line.charAt(pos++));
            } else if (isQuote(c)) {
                if (pos < line.length() && !isSpace(line.charAt(pos))) {
                    throw spec.misuse("Put a space after the closing quote of " + label);
                }
                return value.toString();
            } else {
                value.append(c);
            }
        }
        throw spec.misuse("Unterminated quote in " + label + Echo.of(line.substring(start))
                + "; close it with \"");
    }

    /** Whether the last {@link #word} was quoted. */
    boolean lastQuoted() {
        return lastQuoted;
    }

    /** Everything left, as typed, without the trailing whitespace. */
    String rest() {
        int end = line.length();
        while (end > pos && isSpace(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(pos, end);
    }

    // Phones and Slack's editor turn " into “ ”; treat them alike so at:“tomorrow 9:00” works.
    private static boolean isQuote(char c) {
        return c == '"' || c == '\u201C' || c == '\u201D';
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
