package com.ailsocialautomation.platform;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.BreakIterator;

import java.nio.charset.StandardCharsets;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/** How each platform counts the length of a text (see shared/platforms.md). */
public enum Counting {
    /** X: twitter-text's weighted length (a URL is 23, CJK and emoji, even ZWJ sequences, are 2), in linear time. */
    X_WEIGHTED {
        @Override
        public int count(String text) {
            return TweetLength.of(text);
        }
    },
    /** Bluesky: user-perceived characters (grapheme clusters). */
    GRAPHEMES {
        @Override
        public int count(String text) {
            return sumOverGraphemes(text, cluster -> 1);
        }
    },
    /**
     * Mastodon: code points, with every http(s) link counted as 23 and a remote mention @user@domain as @user,
     * as the server's StatusLengthValidator does. (The server counts grapheme clusters; code points are never
     * fewer, so a post that passes here passes there.)
     */
    MASTODON {
        // Possessive quantifiers: no backtracking, so a long run of word characters cannot stall the check.
        private static final Pattern REMOTE_MENTION =
                Pattern.compile("(?<![=/\\w])@(\\w++(?:[.-]\\w++)*+)@[\\w-]++(?:\\.[\\w-]++)*+");

        @Override
        public int count(String text) {
            StringBuilder countable = new StringBuilder();
            int from = 0;
            for (TweetLinks.Span url : TweetLinks.find(text, false)) {
                countable.append(text, from, url.start()).append("x".repeat(23));
                from = url.end();
            }
            countable.append(text.substring(from));
            String shortened = REMOTE_MENTION.matcher(countable).replaceAll("@$1");
            return shortened.codePointCount(0, shortened.length());
        }
    },
    /** Threads: an emoji counts as its UTF-8 byte length, anything else as one per code point. */
    EMOJI_AS_BYTES {
        @Override
        public int count(String text) {
            return sumOverGraphemes(text, cluster -> isEmoji(cluster) ? cluster.getBytes(StandardCharsets.UTF_8).length
                    : cluster.codePointCount(0, cluster.length()));
        }

        // Emoji_Presentation covers 👍, flags and skin tones; FE0F and the keycap mark make ❤️ and 1️⃣ emoji
        // too, while © and ❤ without FE0F stay text.
        private boolean isEmoji(String cluster) {
            return cluster.codePoints().anyMatch(cp -> cp == 0xFE0F || cp == 0x20E3
                    || UCharacter.hasBinaryProperty(cp, UProperty.EMOJI_PRESENTATION));
        }
    },
    /** Plain Unicode code points. */
    CODE_POINTS {
        @Override
        public int count(String text) {
            return text.codePointCount(0, text.length());
        }
    },
    /** UTF-16 code units (a JavaScript string's length): emoji count 2, never fewer than the platform's count. */
    UTF16_UNITS {
        @Override
        public int count(String text) {
            return text.length();
        }
    };

    public abstract int count(String text);

    private static int sumOverGraphemes(String text, ToIntFunction<String> weight) {
        BreakIterator it = BreakIterator.getCharacterInstance();
        it.setText(text);
        int sum = 0;
        for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            sum += weight.applyAsInt(text.substring(start, end));
        }
        return sum;
    }
}
