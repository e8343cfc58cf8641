package com.ailsocialautomation.platform;

import java.util.EnumMap;
import java.util.Map;

/**
 * One text's length under each way of counting, each counted at most once: a post to twelve Mastodon accounts (or to
 * X and a webhook, which count differently) costs one count per distinct counting, not one per account.
 */
public final class TextLengths {
    private final String text;
    private final Map<Counting, Integer> counted = new EnumMap<>(Counting.class);

    public TextLengths(String text) {
        this.text = text == null ? "" : text;
    }

    public String text() {
        return text;
    }

    public int in(Counting counting) {
        return counted.computeIfAbsent(counting, c -> c.count(text));
    }

    /** How many countings were run so far. */
    int counts() {
        return counted.size();
    }
}
