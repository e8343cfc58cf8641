package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.schedule.Echo;
import com.ailsocialautomation.schedule.Times;
import com.ailsocialautomation.schedule.WhenParser;
import com.ailsocialautomation.store.Account;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What a series is made of, as typed: its end (until:, times:), its texts (the text, or from:), and the repeat warning. */
final class SeriesInput {
    static final int MAX_TIMES = 1000;

    private SeriesInput() {}

    /** Platforms that refuse a text they have already published: warned at creation rather than failing every week. */
    static String repeatWarning(List<Account> targets, int texts) {
        List<String> refusing = targets.stream().filter(a -> Platform.of(a.platform()).refusesRepeatedText())
                .map(a -> Platform.of(a.platform()).displayName()).distinct().toList();
        if (refusing.isEmpty()) {
            return null;
        }
        String who = String.join(" and ", refusing);
        return texts == 1
                ? who + " refuses a text it has already published, so this series would fail there from its second post on: "
                        + "give several texts with from:\"first === second === third\", or leave " + who + " out of to:."
                : who + " refuses a text it has already published: with " + texts + " texts, each comes back every " + texts
                        + " posts and may be refused then; add more texts if it is.";
    }

    /** until:: a date (YYYY-MM-DD: the whole of that day in the author's zone) or any time at: takes. */
    static Instant until(Caller caller, String value, Clock clock) {
        if (value == null) {
            return null;
        }
        if (value.strip().matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                // a date: the whole of that day, in the author's zone
                return Times.resolve(LocalDate.parse(value.strip()).plusDays(1).atStartOfDay(), caller.zone()).minusSeconds(1);
            } catch (java.time.DateTimeException e) {
                throw new UserError("until:" + Echo.of(value) + " is not a real date; write it as YYYY-MM-DD.");
            }
        }
        return WhenParser.parse(value, caller.zone(), clock);
    }

    /** times:: how many posts, 1 to {@link #MAX_TIMES}. */
    static Integer times(String value) {
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= MAX_TIMES) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new UserError("times: is how many posts the series makes, a whole number from 1 to " + MAX_TIMES + ", e.g. times:10.");
    }

    /**
     * The series' texts: the text, or with from: several texts separated by {@code ===} (on a line of its own, or
     * with spaces around it on one line), used in turn.
     */
    static List<String> texts(ParsedCommand command) {
        String from = command.option("from");
        if (from == null) {
            return List.of(command.text());
        }
        if (!command.text().isBlank()) {
            throw new UserError("Give the texts in from: or as the text, not both: from:\"first === second\" alone.");
        }
        List<String> texts = java.util.Arrays.stream(from.split("(?m)\\s*^\\s*===\\s*$\\s*|\\s+===\\s+"))
                .map(String::strip).filter(t -> !t.isEmpty()).toList();
        if (texts.isEmpty()) {
            throw new UserError("from: holds no text: separate the texts with ===, e.g. from:\"Tip 1 === Tip 2\".");
        }
        return texts;
    }
}
