package com.ailsocialautomation.platform.tiktok;

import com.ailsocialautomation.message.Privacy;

import java.util.Arrays;
import java.util.Optional;

/**
 * TikTok's privacy levels, each with the {@code privacy:} value people type for it. TikTok requires the creator to
 * choose one for every post, from the levels its creator_info allows for the account at that moment: there is no
 * default.
 */
enum TikTokPrivacy {
    PUBLIC(Privacy.PUBLIC, "PUBLIC_TO_EVERYONE", "everyone"),
    FRIENDS(Privacy.FRIENDS, "MUTUAL_FOLLOW_FRIENDS", "mutual followers"),
    FOLLOWERS(Privacy.FOLLOWERS, "FOLLOWER_OF_CREATOR", "followers"),
    PRIVATE(Privacy.PRIVATE, "SELF_ONLY", "only the creator");

    final String word;
    final String level;
    final String who;
    private final Privacy privacy;

    TikTokPrivacy(Privacy privacy, String level, String who) {
        this.privacy = privacy;
        this.word = privacy.word();
        this.level = level;
        this.who = who;
    }

    /** The level TikTok names with {@code level} (PUBLIC_TO_EVERYONE...), if AIL knows it. */
    static Optional<TikTokPrivacy> ofLevel(String level) {
        return Arrays.stream(values()).filter(p -> p.level.equals(level)).findFirst();
    }

    /** The level for a post's privacy: option; null when none was given (or one TikTok does not have). */
    static TikTokPrivacy of(Privacy privacy) {
        return Arrays.stream(values()).filter(p -> p.privacy == privacy).findFirst().orElse(null);
    }
}
