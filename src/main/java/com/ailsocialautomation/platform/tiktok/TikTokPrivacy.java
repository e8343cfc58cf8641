package com.ailsocialautomation.platform.tiktok;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * TikTok's privacy levels and the words people type for them after {@code privacy:}. TikTok requires the creator to
 * choose one for every post, from the levels its creator_info allows for the account at that moment: there is no
 * default.
 */
enum TikTokPrivacy {
    PUBLIC("public", "PUBLIC_TO_EVERYONE", "everyone"),
    FRIENDS("friends", "MUTUAL_FOLLOW_FRIENDS", "mutual followers"),
    FOLLOWERS("followers", "FOLLOWER_OF_CREATOR", "followers"),
    PRIVATE("private", "SELF_ONLY", "only the creator");

    final String word;
    final String level;
    final String who;

    TikTokPrivacy(String word, String level, String who) {
        this.word = word;
        this.level = level;
        this.who = who;
    }

    /** The level TikTok names with {@code level} (PUBLIC_TO_EVERYONE...), if AIL knows it. */
    static Optional<TikTokPrivacy> ofLevel(String level) {
        return Arrays.stream(values()).filter(p -> p.level.equals(level)).findFirst();
    }

    /** The level people name with {@code word} (public, friends...), in any case. */
    static Optional<TikTokPrivacy> ofWord(String word) {
        String w = word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.word.equals(w)).findFirst();
    }
}
