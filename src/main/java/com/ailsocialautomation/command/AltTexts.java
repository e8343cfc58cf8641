package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;

/**
 * The {@code alt:} option: a description of one image or video for people who cannot see it, given once per item in
 * the order of the media ({@code media:} links first, then files attached in the chat).
 */
public final class AltTexts {
    /**
     * Characters (code points) in one alt text. X's alt_text takes 1,000 characters and Bluesky's video alt 1,000
     * graphemes, the fewest of the platforms AIL publishes to (Mastodon's description takes 1,500, LinkedIn's
     * altText more); one cap for every target, so an alt text that one target takes never fails another.
     */
    public static final int MAX_CHARACTERS = 1_000;

    private AltTexts() {}

    /** One alt: value, returned as given, or a UserError saying how much to cut. */
    public static String check(String alt) {
        int characters = alt.codePointCount(0, alt.length());
        if (characters > MAX_CHARACTERS) {
            throw new UserError("An alt: text is " + String.format("%,d", characters) + " characters; X takes at most "
                    + String.format("%,d", MAX_CHARACTERS) + ", so shorten it by " + (characters - MAX_CHARACTERS) + ".");
        }
        return alt;
    }

    /** More alt: texts than media items is a mistake: which item would the extra one describe? */
    static void checkCount(CommandSpec spec, int alts, int media) {
        // edit with alt: alone re-describes the post's stored items: the command layer counts those
        boolean describesStored = media == 0 && spec.name().equals(Subcommand.EDIT.word());
        if (alts > media && !describesStored) {
            throw spec.misuse("That is " + alts + (alts == 1 ? " alt: text for " : " alt: texts for ") + media + (media == 1 ? " image or video" : " images and videos")
                    + "; give one alt: per item, in the order of the media (media: links first, then attached files)");
        }
    }
}
