package com.ailsocialautomation.message;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The social platforms AIL knows, by the id people type and accounts store, and the name people know them by.
 * On the ground floor so that the store can keep it; everything else about a platform (its rules, settings,
 * hosts and provider) is declared once in the platform registry, {@code platform.Platform}, keyed by this id.
 */
public enum PlatformId {
    MASTODON("Mastodon", "fediverse", "toot"), BLUESKY("Bluesky", "bsky"), WEBHOOK("Webhook", "hook", "url"),
    X("X", "twitter", "tweet"), LINKEDIN("LinkedIn"), YOUTUBE("YouTube"), TIKTOK("TikTok"), FACEBOOK("Facebook"),
    INSTAGRAM("Instagram"), THREADS("Threads");

    private final String displayName;
    /** Other words people type for it ("twitter" for X), which a did-you-mean answers with its id. */
    private final List<String> aliases;

    PlatformId(String displayName, String... aliases) {
        this.displayName = displayName;
        this.aliases = List.of(aliases);
    }

    /** Each alias with the id it stands for: twitter → x, bsky → bluesky... */
    public static Map<String, String> aliases() {
        Map<String, String> all = new LinkedHashMap<>();
        for (PlatformId p : values()) {
            p.aliases.forEach(alias -> all.put(alias, p.id()));
        }
        return Map.copyOf(all);
    }

    /** The id people type and accounts store: mastodon, bluesky, webhook, x, linkedin... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How people call it: "X", "LinkedIn". */
    public String displayName() {
        return displayName;
    }

    /** The platform with this id in any case, if AIL knows it. */
    public static Optional<PlatformId> find(String id) {
        String key = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.id().equals(key)).findFirst();
    }

    /** The platform a stored id names; an unknown one is a bug (ids come from this enum), not the user's doing. */
    public static PlatformId of(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown platform " + id));
    }

    /** The id, so that messages read "Run /ail connect x". */
    @Override
    public String toString() {
        return id();
    }
}
