package com.ailsocialautomation.store;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A recurring post: on {@code days} at {@code time} in {@code zone}, until {@code until} or for {@code maxTimes}
 * occurrences (either may be null), each occurrence made with the {@code options} as typed and the next of
 * {@code texts} in turn. {@code nextAt}: the time of the next occurrence to make, null once it has ended.
 */
public record PostSeries(UUID id, UUID workspaceId, String shortId, UUID authorUserId, Set<DayOfWeek> days, LocalTime time,
                         ZoneId zone, Instant until, Integer maxTimes, int made, Instant lastAt, Instant nextAt,
                         SeriesState state, List<String> texts, Map<String, List<String>> options) {
    public PostSeries {
        days = Set.copyOf(days);
        texts = List.copyOf(texts);
        options = Map.copyOf(options);
    }

    /** The text of occurrence number {@code n} (from 0): the texts in turn. */
    public String textFor(int n) {
        return texts.get(n % texts.size());
    }
}
