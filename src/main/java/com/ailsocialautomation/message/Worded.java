package com.ailsocialautomation.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A value of a closed set that people type as a word, several of them separated by commas (allow:comments,duet). */
public interface Worded {
    String word();

    /** The values a comma list names, in declaration order, or empty naming the first word that is none of them. */
    static <E extends Enum<E> & Worded> List<E> list(Class<E> type, String commaList) {
        Set<E> found = new LinkedHashSet<>();
        for (String part : commaList.split(",")) {
            String word = part.strip().toLowerCase(Locale.ROOT);
            if (!word.isEmpty()) {
                found.add(find(type, word).orElseThrow(() -> new IllegalArgumentException(part.strip())));
            }
        }
        List<E> sorted = new ArrayList<>(found);
        sorted.sort(null);
        return List.copyOf(sorted);
    }

    static <E extends Enum<E> & Worded> Optional<E> find(Class<E> type, String word) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.word().equals(word)).findFirst();
    }

    static <E extends Enum<E> & Worded> List<String> words(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Worded::word).toList();
    }
}
