package com.ailsocialautomation;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The name a person probably meant when they typed one AIL does not know: a known alias ("twitter" for x), else
 * the candidate closest by edit distance, if it is close enough to be a typo (one edit for short words, about one
 * in three letters for longer ones). Case is ignored. Used for subcommands, options, platforms, accounts and zones.
 */
public final class DidYouMean {
    private DidYouMean() {}

    public static Optional<String> among(String typed, Collection<String> candidates) {
        return among(typed, candidates, Map.of());
    }

    /** {@code aliases} maps other names people use (lower case) to the candidate they stand for, if it is one. */
    public static Optional<String> among(String typed, Collection<String> candidates, Map<String, String> aliases) {
        String key = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        String alias = aliases.get(key);
        if (alias != null && candidates.stream().anyMatch(alias::equalsIgnoreCase)) {
            return Optional.of(alias);
        }
        int allowed = Math.max(1, key.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            String lower = candidate.toLowerCase(Locale.ROOT);
            int d = lower.equals(key) ? Integer.MAX_VALUE : distance(key, lower);
            if (d <= allowed && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** "; did you mean X?" for a suggestion, or "" when there is none: ready to append to an error. */
    public static String hint(String typed, Collection<String> candidates, Map<String, String> aliases) {
        return among(typed, candidates, aliases).map(s -> "; did you mean " + s + "?").orElse("");
    }

    public static String hint(String typed, Collection<String> candidates) {
        return hint(typed, candidates, Map.of());
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours each cost 1. */
    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 3 || a.length() > 64 || b.length() > 64) {
            return Integer.MAX_VALUE;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
