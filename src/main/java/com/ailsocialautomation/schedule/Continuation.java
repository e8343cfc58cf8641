package com.ailsocialautomation.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Catches a time split by a space: {@code in:1h 30m text} or {@code at:tomorrow 9:00 text} reads as the first word
 * only, the rest becoming the post's text. When the words after an unquoted time look like more of that time, the
 * command is refused with the reading AIL would take and how to write what was probably meant.
 */
public final class Continuation {
    private static final String DURATION = "\\d{1,9}(w|weeks?|d|days?|h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)?"
            + "|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?";
    // After in: a duration part or a bare number; after at: also a time of day, am/pm, a day, a date, a month, an
    // offset or zone abbreviation. None of these starts a post by accident often enough to guess.
    private static final Pattern AFTER_IN = Pattern.compile(DURATION);
    private static final Pattern AFTER_AT = Pattern.compile(DURATION
            + "|\\d{1,2}([:.]\\d{2}){1,2}|\\d{1,2}(:\\d{2})?(am|pm)|am|pm|a\\.m\\.|p\\.m\\."
            + "|today|tomorrow|tonight|noon|midnight|next"
            + "|(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|nesday|sday|rsday|urday)?"
            + "|\\d{4}-\\d{2}-\\d{2}|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?|\\d{1,2}(st|nd|rd|th)"
            + "|z|utc|gmt|[+-]\\d{2}(:?\\d{2})?|[ecmp][sd]t|cest|cet|bst|ist|jst|aest|aedt");
    private static final int MAX_WORDS = 4;

    private Continuation() {}

    /**
     * The error to give when the first words of {@code after} (the post's text when {@code isText}) continue the
     * unquoted {@code value} of {@code key} (at or in), else empty.
     */
    public static Optional<String> refusal(String key, String value, String after, boolean isText) {
        Pattern more = key.equals("in") ? AFTER_IN : AFTER_AT;
        List<String> words = new ArrayList<>();
        for (String word : after.strip().split("\\s+", MAX_WORDS + 1)) {
            if (words.size() == MAX_WORDS || !more.matcher(word.toLowerCase(Locale.ROOT)).matches()) {
                break;
            }
            words.add(word);
        }
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String next = String.join(" ", words);
        String compact = key.equals("in") && Durations.read(value + String.join("", words)).isPresent()
                ? key + ":" + value + String.join("", words) + " or " : "";
        return Optional.of(key + ":" + Echo.of(value) + " is followed by '" + Echo.of(next)
                + "': AIL would read the time as " + key + ":" + Echo.of(value)
                + (isText ? " and publish '" + Echo.of(after) + "'" : " alone")
                + ". If the time goes on, write " + compact + "quote it: " + key + ":\"" + Echo.of(value + " " + next)
                + "\"" + (isText ? "; if the text starts with it, put -- before the text" : ""));
    }
}
