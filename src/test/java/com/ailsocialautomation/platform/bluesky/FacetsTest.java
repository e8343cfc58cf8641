package com.ailsocialautomation.platform.bluesky;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FacetsTest {

    /** The text a facet covers, cut by its byte offsets as Bluesky does. */
    private static String covered(String text, Facet facet) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new String(Arrays.copyOfRange(bytes, facet.byteStart(), facet.byteEnd()), StandardCharsets.UTF_8);
    }

    @Test
    void offsetsAreUtf8BytesSoEmojiAndAccentsBeforeALinkShiftIt() {
        String text = "Café 🎉 launch: https://example.com/spring";
        List<Facet> facets = Facets.detect(text);
        assertEquals(1, facets.size());
        Facet link = facets.get(0);
        // "Café " is 6 bytes (é is 2), the party popper 4, " launch: " 9
        assertEquals(19, link.byteStart());
        assertEquals(19 + "https://example.com/spring".length(), link.byteEnd());
        assertEquals(Facet.Kind.LINK, link.kind());
        assertEquals("https://example.com/spring", link.value());
        assertEquals("https://example.com/spring", covered(text, link));
    }

    @Test
    void aMentionAfterNonAsciiTextCoversTheAtSignAndTheHandle() {
        String text = "Grüße an @ana.bsky.social! 👋";
        Facet mention = Facets.detect(text).get(0);
        assertEquals(Facet.Kind.MENTION, mention.kind());
        assertEquals("ana.bsky.social", mention.value());
        assertEquals("@ana.bsky.social", covered(text, mention));
        assertEquals("Grüße an ".getBytes(StandardCharsets.UTF_8).length, mention.byteStart());
    }

    @Test
    void hashtagsAfterEmojiKeepTheirBytesAndLoseTrailingPunctuation() {
        String text = "日本語 👩‍💻 #Release2026, #ünïcode! and #42 and #️⃣ and (#notatag)";
        List<Facet> facets = Facets.detect(text);
        assertEquals(List.of("Release2026", "ünïcode"), facets.stream().map(Facet::value).toList());
        assertEquals("#Release2026", covered(text, facets.get(0)));
        assertEquals("#ünïcode", covered(text, facets.get(1)));
        assertEquals("日本語 👩‍💻 ".getBytes(StandardCharsets.UTF_8).length, facets.get(0).byteStart());
    }

    @Test
    void aTagOfMoreThan64GraphemesIsPlainText() {
        String ok = "a".repeat(64);
        String tooLong = "b".repeat(65);
        List<Facet> facets = Facets.detect("#" + ok + " #" + tooLong + " #" + "🎉".repeat(64));
        assertEquals(List.of(ok, "🎉".repeat(64)), facets.stream().map(Facet::value).toList(),
                "64 emoji are 64 graphemes (128 UTF-16 units, 256 bytes) and still a tag");
    }

    @Test
    void linksLoseTheSentencesFullStopAndAnUnopenedParenthesis() {
        String text = "Read it (https://example.com/a) or https://example.com/b. Or http://example.com/c?x=(1)";
        List<String> links = Facets.detect(text).stream().map(f -> covered(text, f)).toList();
        assertEquals(List.of("https://example.com/a", "https://example.com/b", "http://example.com/c?x=(1)"), links);
    }

    @Test
    void thingsThatOnlyLookLikeFacetsAreLeftAlone() {
        List<Facet> facets = Facets.detect("mail ana@example.com, @nodot, ftp://example.com, C#, issue#12, @-bad.example");
        assertEquals(List.of(), facets);
    }

    @Test
    void facetsNeverOverlapAndALinkWinsOverWhatIsInsideIt() {
        String text = "(https://example.com/@ana.bsky.social) @bob.example.org #tag https://a.example/#x";
        List<Facet> facets = Facets.detect(text);
        assertEquals(List.of("https://example.com/@ana.bsky.social", "@bob.example.org", "#tag", "https://a.example/#x"),
                facets.stream().map(f -> covered(text, f)).toList());
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        for (int i = 0; i < facets.size(); i++) {
            Facet f = facets.get(i);
            assertTrue(f.byteStart() < f.byteEnd() && f.byteEnd() <= bytes);
            if (i > 0) {
                assertTrue(facets.get(i - 1).byteEnd() <= f.byteStart());
            }
        }
    }

    @Test
    void aFacetIsWrittenAsTheLexiconHasIt() {
        Facet tag = new Facet(3, 8, Facet.Kind.TAG, "ail");
        assertEquals(java.util.Map.of("index", java.util.Map.of("byteStart", 3, "byteEnd", 8),
                "features", List.of(java.util.Map.of("$type", "app.bsky.richtext.facet#tag", "tag", "ail"))), tag.json());
        assertEquals("did:plc:abc", new Facet(0, 4, Facet.Kind.MENTION, "a.bc").withValue("did:plc:abc").json()
                .get("features").toString().replaceAll(".*did=([^,}]+).*", "$1"));
    }
}
