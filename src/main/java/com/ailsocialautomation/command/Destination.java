package com.ailsocialautomation.command;

/**
 * An account a post goes to, as the validator and the preview need it.
 *
 * @param label              how the account is named to the user, e.g. "@ana@fosstodon.org"
 * @param platform           one of {@link Commands#PLATFORMS}
 * @param textLimitOverride  the account's own text limit (a Mastodon instance's max_characters), or null for the
 *                           platform's default
 */
public record Destination(String label, String platform, Integer textLimitOverride) {
    public Destination(String label, String platform) {
        this(label, platform, null);
    }
}
