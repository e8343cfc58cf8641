package com.ailsocialautomation.command;

import com.ailsocialautomation.platform.Platform;

/**
 * An account a post goes to, as the validator and the preview need it.
 *
 * @param label              how the account is named to the user, e.g. "@ana@fosstodon.org"
 * @param platform           the platform whose rules apply
 * @param textLimitOverride  the account's own text limit (a Mastodon instance's max_characters), or null for the
 *                           platform's default
 */
public record Destination(String label, Platform platform, Integer textLimitOverride) {
    public Destination(String label, Platform platform) {
        this(label, platform, null);
    }

    /** The text limit for this account: its own, else the platform's. */
    int limit() {
        return textLimitOverride == null ? platform.rule().textLimit() : textLimitOverride;
    }

    /** How it is named in problems and the preview: "X (@ana)", or "X" without a label. */
    String who() {
        return label == null || label.isBlank() ? platform.displayName() : platform.displayName() + " (" + label + ")";
    }
}
