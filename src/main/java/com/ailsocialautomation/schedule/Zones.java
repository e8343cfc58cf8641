package com.ailsocialautomation.schedule;

import com.ailsocialautomation.DidYouMean;
import com.ailsocialautomation.UserError;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Time zones by their IANA name only (Europe/Berlin, America/New_York, UTC), matched case-insensitively.
 */
public final class Zones {
    private static final String EXAMPLE = "Use an IANA name such as Europe/Berlin or America/New_York.";
    private static final Map<String, String> BY_LOWER_CASE = new HashMap<>();
    // The tz database keeps EST, MST and HST as fixed offsets without daylight saving, which is not what
    // anyone typing "EST" in July means; the other abbreviations are not zones at all. Both get a hint.
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("est", "America/New_York"), Map.entry("edt", "America/New_York"),
            Map.entry("cst", "America/Chicago"), Map.entry("cdt", "America/Chicago"),
            Map.entry("mst", "America/Denver"), Map.entry("mdt", "America/Denver"),
            Map.entry("pst", "America/Los_Angeles"), Map.entry("pdt", "America/Los_Angeles"),
            Map.entry("hst", "Pacific/Honolulu"), Map.entry("bst", "Europe/London"),
            Map.entry("cest", "Europe/Berlin"), Map.entry("ist", "Asia/Kolkata"),
            Map.entry("jst", "Asia/Tokyo"), Map.entry("aest", "Australia/Sydney"),
            Map.entry("aedt", "Australia/Sydney"));

    static {
        for (String id : ZoneId.getAvailableZoneIds()) {
            BY_LOWER_CASE.put(id.toLowerCase(Locale.ROOT), id);
        }
    }

    private Zones() {}

    /** The zone with this IANA name in any letter case, or a UserError with a suggestion and an example. */
    public static ZoneId parse(String input) {
        String key = input == null ? "" : input.strip().toLowerCase(Locale.ROOT);
        if (key.isEmpty()) {
            throw new UserError("Missing time zone. " + EXAMPLE);
        }
        String id = BY_LOWER_CASE.get(key);
        if (id != null && !ABBREVIATIONS.containsKey(key)) {
            return ZoneId.of(id);
        }
        String hint = suggestion(key).map(s -> "; did you mean " + s + "?").orElse(".");
        throw new UserError("Unknown time zone '" + Echo.of(input.strip()) + "'" + hint + " " + EXAMPLE);
    }

    /**
     * A zone written after a time ({@code 9:00 PST}, {@code 9am UTC}, {@code 9:00 Europe/Berlin}): abbreviations
     * are read as the zone people mean by them (PST as America/Los_Angeles, with its daylight saving).
     */
    static Optional<ZoneId> afterTime(String word) {
        String key = word.toLowerCase(Locale.ROOT);
        if (key.equals("utc") || key.equals("gmt") || key.equals("z")) {
            return Optional.of(ZoneId.of("UTC"));
        }
        if (ABBREVIATIONS.containsKey(key)) {
            return Optional.of(ZoneId.of(ABBREVIATIONS.get(key)));
        }
        return key.contains("/") && BY_LOWER_CASE.containsKey(key) ? Optional.of(ZoneId.of(BY_LOWER_CASE.get(key)))
                : Optional.empty();
    }

    private static Optional<String> suggestion(String key) {
        if (ABBREVIATIONS.containsKey(key)) {
            return Optional.of(ABBREVIATIONS.get(key));
        }
        // "berlin" or "new york": the city part of a real zone name.
        String city = key.replace(' ', '_');
        return BY_LOWER_CASE.entrySet().stream()
                .filter(e -> e.getKey().endsWith("/" + city))
                .map(Map.Entry::getValue)
                .sorted()
                .findFirst()
                .or(() -> DidYouMean.among(city, BY_LOWER_CASE.values())); // a typo such as Europe/Berln
    }
}
