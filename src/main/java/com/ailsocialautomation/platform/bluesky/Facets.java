package com.ailsocialautomation.platform.bluesky;

import com.ibm.icu.text.BreakIterator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the links, mentions and hashtags in a post's text the way Bluesky's own app does, so they are clickable:
 * each starts the text or follows a space (links and mentions also an opening parenthesis). Offsets are UTF-8 bytes,
 * end-exclusive, and facets never overlap (a link wins over a mention or tag inside it). Mentions still carry the
 * handle; the provider resolves it to a DID and drops the ones that do not resolve.
 */
final class Facets {
    static final int MAX_TAG_GRAPHEMES = 64;

    private static final Pattern LINK = Pattern.compile("(?:^|(?<=[\\s(]))https?://\\S+", Pattern.CASE_INSENSITIVE);
    private static final Pattern MENTION = Pattern.compile("(?:^|(?<=[\\s(]))@([a-zA-Z0-9.-]++)(?!\\w)");
    private static final Pattern HANDLE = Pattern.compile(
            "([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?");
    // a tag runs to the next space or zero-width character; Bluesky's app stops at the same ones
    private static final Pattern TAG = Pattern.compile("(?:^|(?<=\\s))[#\\uFF03]([^\\s\\u00AD\\u2060\\u200A-\\u200D\\u20E2]+)");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("\\p{P}+$");
    private static final Pattern HAS_WORD = Pattern.compile("[^\\d\\p{P}]");

    private Facets() {}

    static List<Facet> detect(String text) {
        List<Facet> found = new ArrayList<>();
        links(text, found);
        mentions(text, found);
        tags(text, found);
        found.sort(Comparator.comparingInt(Facet::byteStart));
        List<Facet> kept = new ArrayList<>();
        int end = 0;
        for (Facet facet : found) {
            if (facet.byteStart() >= end) {
                kept.add(facet);
                end = facet.byteEnd();
            }
        }
        return kept;
    }

    private static void links(String text, List<Facet> out) {
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            String uri = m.group();
            if (uri.matches(".*[.,;:!?]$")) {
                uri = uri.substring(0, uri.length() - 1); // "see https://example.com." ends the sentence
            }
            if (uri.endsWith(")") && !uri.contains("(")) {
                uri = uri.substring(0, uri.length() - 1); // "(https://example.com)"
            }
            if (uri.length() > "https://".length()) {
                out.add(facet(text, m.start(), m.start() + uri.length(), Facet.Kind.LINK, uri));
            }
        }
    }

    private static void mentions(String text, List<Facet> out) {
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            String handle = m.group(1).replaceAll("[.-]+$", "");
            if (handle.length() <= 253 && HANDLE.matcher(handle).matches()) {
                out.add(facet(text, m.start(), m.start() + 1 + handle.length(), Facet.Kind.MENTION, handle));
            }
        }
    }

    private static void tags(String text, List<Facet> out) {
        Matcher m = TAG.matcher(text);
        while (m.find()) {
            String tag = TRAILING_PUNCTUATION.matcher(m.group(1)).replaceAll("");
            // U+FE0F after # is the keycap emoji #️⃣, not a tag; a tag of only digits is a number (#1)
            if (tag.isEmpty() || tag.charAt(0) == '\uFE0F' || !HAS_WORD.matcher(tag).find() || graphemes(tag) > MAX_TAG_GRAPHEMES) {
                continue;
            }
            out.add(facet(text, m.start(), m.start() + 1 + tag.length(), Facet.Kind.TAG, tag));
        }
    }

    private static Facet facet(String text, int start, int end, Facet.Kind kind, String value) {
        return new Facet(utf8Length(text.substring(0, start)), utf8Length(text.substring(0, end)), kind, value);
    }

    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    static int graphemes(String s) {
        BreakIterator it = BreakIterator.getCharacterInstance();
        it.setText(s);
        int count = 0;
        while (it.next() != BreakIterator.DONE) {
            count++;
        }
        return count;
    }
}
