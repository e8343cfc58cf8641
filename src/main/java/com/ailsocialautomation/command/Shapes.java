package com.ailsocialautomation.command;

import com.ailsocialautomation.message.PostOptions;
import com.ailsocialautomation.message.ThreadParts;
import com.ailsocialautomation.platform.PostRule;
import com.ailsocialautomation.platform.TextLengths;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each target of a post publishes: its platform's own text ({@code text.x:"..."}) or the post's, split into
 * the parts of a thread ({@link ThreadParts}). The validator and the preview read the same shapes, so what is
 * checked is what is shown. Each distinct part is counted at most once per counting, however many targets share
 * it. A thread's media go with its first part.
 */
final class Shapes {
    private final String text;
    private final PostOptions options;
    private final Map<String, List<TextLengths>> parts = new HashMap<>();

    Shapes(String text, PostOptions options) {
        this.text = text == null ? "" : text;
        this.options = options == null ? PostOptions.NONE : options;
    }

    /** The text this target publishes, whole (its thread's parts still joined by their --- lines). */
    String textFor(Destination target) {
        return options.textFor(target.platform().platformId(), text);
    }

    /** Whether the target has a text of its own. */
    boolean ownText(Destination target) {
        return options.texts().containsKey(target.platform().platformId());
    }

    /** Its text's parts, counted lazily: one part unless the text is a thread. */
    List<TextLengths> parts(Destination target) {
        return parts.computeIfAbsent(textFor(target), t -> ThreadParts.of(t).stream().map(TextLengths::new).toList());
    }

    /**
     * Every way the target's text breaks its platform's rule, each a clause naming the target (and the part, in a
     * thread): a thread where the platform has none, an empty part, a part too long.
     */
    List<String> textProblems(Destination target) {
        PostRule rule = target.platform().rule();
        List<TextLengths> parts = parts(target);
        if (parts.size() == 1) {
            return rule.textProblems(parts.get(0), target.who(), target.limit());
        }
        List<String> problems = new ArrayList<>();
        if (!rule.threads()) {
            problems.add(target.who() + " has no threads, and its text is " + parts.size() + " parts separated by --- lines: "
                    + "give it one text of its own with " + PostOptions.textKey(target.platform().platformId()) + ":\"...\"");
            return problems;
        }
        for (int i = 0; i < parts.size(); i++) {
            String who = target.who() + ", part " + (i + 1);
            if (parts.get(i).text().isBlank()) {
                problems.add("part " + (i + 1) + " of the thread for " + target.who() + " is empty — write it, or remove "
                        + "the --- line around it");
            } else {
                problems.addAll(rule.textProblems(parts.get(i), who, target.limit()));
            }
        }
        return problems;
    }
}
