package com.ailsocialautomation.command;

import com.ailsocialautomation.command.MediaRule.Need;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Each platform's text and media limits, from shared/platforms.md. Where the docs say "characters" without
 * saying how they count, UTF-16 units are used: never fewer than what the platform counts, so nothing that
 * passes here is refused there for length.
 */
final class PlatformRules {
    private static final Map<String, PlatformRule> BY_PLATFORM = List.of(
            rule("mastodon", "Mastodon", 500, Counting.MASTODON, 0, "", new MediaRule(4, 1, false, Need.NOTHING)),
            rule("bluesky", "Bluesky", 300, Counting.GRAPHEMES, 3000, "", new MediaRule(4, 1, false, Need.NOTHING)),
            rule("x", "X", 280, Counting.X_WEIGHTED, 0, "", new MediaRule(4, 1, false, Need.NOTHING)),
            rule("linkedin", "LinkedIn", 3000, Counting.UTF16_UNITS, 0, "", new MediaRule(20, 1, false, Need.NOTHING)),
            // The text becomes the video's description (5000); its title is cut from it later.
            rule("youtube", "YouTube", 5000, Counting.UTF16_UNITS, 0, "<>", new MediaRule(1, 1, false, Need.VIDEO)),
            // TikTok also takes photo posts, but AIL publishes videos there.
            rule("tiktok", "TikTok", 2200, Counting.UTF16_UNITS, 0, "", new MediaRule(1, 1, false, Need.VIDEO)),
            rule("facebook", "Facebook", 63_206, Counting.UTF16_UNITS, 0, "",
                    new MediaRule(10, 1, false, Need.NOTHING)),
            rule("instagram", "Instagram", 2200, Counting.UTF16_UNITS, 0, "",
                    new MediaRule(10, 10, true, Need.IMAGE_OR_VIDEO)),
            rule("threads", "Threads", 500, Counting.EMOJI_AS_BYTES, 0, "", new MediaRule(20, 20, true, Need.NOTHING)),
            rule("webhook", "Webhook", 40_000, Counting.CODE_POINTS, 0, "", new MediaRule(10, 10, true, Need.NOTHING))
    ).stream().collect(Collectors.toUnmodifiableMap(PlatformRule::platform, Function.identity()));

    private PlatformRules() {}

    static PlatformRule of(String platform) {
        PlatformRule rule = BY_PLATFORM.get(platform);
        if (rule == null) {
            // Targets come from stored accounts, so an unknown platform is a bug, not something the user can fix.
            throw new IllegalArgumentException("no rules for platform " + platform);
        }
        return rule;
    }

    /** The most media any platform takes in one post. */
    static int mostMedia() {
        return BY_PLATFORM.values().stream().mapToInt(r -> r.media().maxItems()).max().orElseThrow();
    }

    private static PlatformRule rule(String platform, String name, int textLimit, Counting counting, int byteLimit,
                                     String forbidden, MediaRule media) {
        return new PlatformRule(platform, name, textLimit, counting, byteLimit, forbidden, media);
    }
}
