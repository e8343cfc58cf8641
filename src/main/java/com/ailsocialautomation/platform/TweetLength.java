package com.ailsocialautomation.platform;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.twitter.twittertext.TwitterTextConfiguration;
import com.twitter.twittertext.TwitterTextConfiguration.TwitterTextWeightedRange;
import com.twitter.twittertext.TwitterTextEmojiRegex;
import com.twitter.twittertext.TwitterTextParser;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * X's weighted length as twitter-text's parseTweet computes it (its default weights, a link counts as 23, an emoji sequence
 * as one heavy character), in linear time: links come from {@link TweetLinks}, and twitter-text's emoji pattern,
 * which costs microseconds per character it is tried at, only sees the runs of emoji characters.
 */
public final class TweetLength {
    private static final TwitterTextConfiguration CONFIG = TwitterTextParser.TWITTER_TEXT_DEFAULT_CONFIG;
    private static final List<TwitterTextWeightedRange> RANGES = CONFIG.getRanges();

    private TweetLength() {}

    public static int of(String text) {
        if (text == null || text.trim().isEmpty()) {
            return 0;
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
        Map<Integer, Integer> links = new HashMap<>();
        TweetLinks.find(normalized, true).forEach(link -> links.put(link.start(), link.end()));
        Map<Integer, Integer> emoji = CONFIG.getEmojiParsingEnabled() ? emoji(normalized) : Map.of();
        long weighted = 0;
        int offset = 0;
        while (offset < normalized.length()) {
            Integer linkEnd = links.get(offset);
            if (linkEnd != null) {
                weighted += (long) CONFIG.getTransformedURLLength() * CONFIG.getScale();
                offset = linkEnd;
                continue;
            }
            int cp = normalized.codePointAt(offset);
            Integer emojiEnd = emoji.get(offset);
            weighted += emojiEnd != null ? CONFIG.getDefaultWeight() : weight(cp);
            offset = emojiEnd != null ? emojiEnd : offset + Character.charCount(cp);
        }
        return (int) (weighted / CONFIG.getScale());
    }

    private static int weight(int cp) {
        for (TwitterTextWeightedRange range : RANGES) {
            if (range.getRange().isInRange(cp)) {
                return range.getWeight();
            }
        }
        return CONFIG.getDefaultWeight();
    }

    /** Emoji sequences by start offset, found only in runs of characters that can be part of one. */
    private static Map<Integer, Integer> emoji(String text) {
        Map<Integer, Integer> found = new HashMap<>();
        int i = 0;
        while (i < text.length()) {
            if (!emojiPart(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
                continue;
            }
            int end = i;
            while (end < text.length() && emojiPart(text.codePointAt(end))) {
                end += Character.charCount(text.codePointAt(end));
            }
            Matcher m = TwitterTextEmojiRegex.VALID_EMOJI_PATTERN.matcher(text).region(i, end);
            while (m.find()) {
                found.put(m.start(), m.end());
            }
            i = end;
        }
        return found;
    }

    /** Emoji, their components (keycap digits, skin tones, joiners, tags) and variation selectors. */
    private static boolean emojiPart(int cp) {
        return cp == 0x200D || cp == 0xFE0E || cp == 0xFE0F || cp == 0x20E3 || cp >= 0xE0020 && cp <= 0xE007F
                || UCharacter.hasBinaryProperty(cp, UProperty.EMOJI)
                || UCharacter.hasBinaryProperty(cp, UProperty.EMOJI_COMPONENT)
                || UCharacter.hasBinaryProperty(cp, UProperty.EXTENDED_PICTOGRAPHIC);
    }
}
