package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.platform.Platform;


/**
 * How much one command may carry. Checked before anything else looks at the input, so no input costs more than a
 * few milliseconds to refuse; each bound is far above what a person uses.
 */
final class InputLimits {
    /**
     * Characters (code points) in one command. Above every platform's text limit (a webhook's 40,000 is the largest),
     * small enough that counting a text for every platform stays within milliseconds.
     */
    static final int MAX_CHARACTERS = 50_000;
    /** Accounts one to: may name. */
    static final int MAX_TARGETS = 50;

    private InputLimits() {}

    /** A command line or a post's text. */
    static void checkLength(String input) {
        if (input == null || input.length() <= MAX_CHARACTERS) {
            return;
        }
        int characters = input.codePointCount(0, input.length());
        if (characters > MAX_CHARACTERS) {
            throw new UserError("That is " + String.format("%,d", characters) + " characters; AIL takes at most "
                    + String.format("%,d", MAX_CHARACTERS) + " in one command, so shorten the text.");
        }
    }

    /** A post's media links, counted before any of them is looked up. */
    /** @param count the command's media: links and files */
    static void checkMediaCount(int count) {
        int most = Platform.mostMedia();
        if (count > most) {
            throw new UserError("That is " + count + " media links; no platform takes more than " + most
                    + " in one post, so remove " + (count - most) + ".");
        }
    }
}
