package com.ailsocialautomation.platform;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TwitterTextParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The linear link finder and X length agree with twitter-text itself (on its conformance cases and on random short
 * texts built from the pieces its pattern cares about, where twitter-text is still quick), and stay fast where
 * twitter-text takes seconds.
 */
class TweetLinksTest {
    private static final String[] PIECES = {"a", "b", "x", ".", ".", ".", "com", "co", "jp", "t.co/", "http://", "https://",
            "HTTPS://", "/", "/", "(", ")", "?", "=", "-", "_", " ", "@", "#", "$", "é", "例", "рф", "😀", "1", "8", ":", "xn--p1ai",
            "xn--", ",", "!", "'", "~", "&", "\u2013", "\u00a0", "\n", "\u200e", "ﾟ", "w", "ü", "Я", "\u0301", "👍🏽",
            "1\uFE0F\u20E3", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrst", "org", "museum", "\u3002"};

    @Test
    void twitterTextsOwnConformanceTextsAreCountedAsItCountsThem() throws Exception {
        Extractor bare = new Extractor();
        List<String> texts;
        try (var in = TweetLinksTest.class.getResourceAsStream("/twitter-text/validate-texts.txt")) {
            texts = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#"))
                    .map(TweetLinksTest::unescape).toList();
        }
        assertTrue(texts.size() > 40, "every text read");
        for (String text : texts) {
            assertEquals(TwitterTextParser.parseTweet(text).weightedLength, TweetLength.of(text), text);
            assertEquals(spans(bare, text), TweetLinks.find(text, true), text);
        }
        assertEquals(86, TweetLength.of("Test https://test.com test https://test.com test.com test"));
    }

    @Test
    void aLongRunOfLabelsIsCountedInMilliseconds() {
        // twitter-text's pattern takes seconds on a few KB of these (minutes at 50,000, the command cap); the bound
        // here is loose for a loaded machine, after a first run has loaded the TLD lists
        TweetLength.of("a.".repeat(1_000));
        for (String unit : List.of("a.", "a-", "a.a_a.com ", "a.a.a.a.a.a.a.a.a_a.com", "(a)", "x.co/(", "https://a.")) {
            String text = unit.repeat(50_000 / unit.length());
            long start = System.nanoTime();
            TweetLength.of(text);
            TweetLinks.find(text, false);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 1_500, unit + " took " + millis + " ms");
        }
    }

    private static String unescape(String line) {
        String text = line.replace("\\n", "\n").replace("\\\"", "\"");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\\\U([0-9a-f]{8})").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1), 16))));
        }
        return m.appendTail(out).toString();
    }

    @Test
    void randomTextsAreCountedAsTwitterTextCountsThem() {
        Random random = new Random(13_2);
        Extractor protocolOnly = new Extractor();
        protocolOnly.setExtractURLWithoutProtocol(false);
        Extractor bare = new Extractor();
        int withLinks = 0;
        for (int i = 0; i < 8_000; i++) {
            StringBuilder text = new StringBuilder();
            int pieces = 1 + random.nextInt(14);
            for (int p = 0; p < pieces; p++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String s = text.toString();
            assertEquals(TwitterTextParser.parseTweet(s).weightedLength, TweetLength.of(s), "X length of [" + s + "]");
            assertEquals(spans(protocolOnly, s), TweetLinks.find(s, false), "links with a protocol in [" + s + "]");
            assertEquals(spans(bare, s), TweetLinks.find(s, true), "links in [" + s + "]");
            withLinks += spans(bare, s).isEmpty() ? 0 : 1;
        }
        assertTrue(withLinks > 500, "the texts exercise links: " + withLinks);
    }

    private static List<TweetLinks.Span> spans(Extractor extractor, String s) {
        return extractor.extractURLsWithIndices(s).stream().map(e -> new TweetLinks.Span(e.getStart(), e.getEnd())).toList();
    }
}
