package com.ailsocialautomation.message;

/**
 * Who may see a post, in words that mean the same on every platform: each platform takes the ones it has and maps
 * them to its own (Mastodon's "private" is {@link #FOLLOWERS}; TikTok's SELF_ONLY is {@link #PRIVATE}).
 */
public enum Privacy implements Worded {
    /** Everyone, and listed where the platform lists posts. */
    PUBLIC("public"),
    /** Everyone who has the link, but not listed or searchable. */
    UNLISTED("unlisted"),
    /** The author's followers. */
    FOLLOWERS("followers"),
    /** People who follow the author and whom the author follows back. */
    FRIENDS("friends"),
    /** Only the author. */
    PRIVATE("private");

    private final String word;

    Privacy(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @Override
    public String toString() {
        return word;
    }
}
