package com.ailsocialautomation.platform.linkedin;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CommentaryTest {
    @Test
    void everyReservedCharacterGetsOneBackslash() {
        assertEquals("\\\\ \\| \\{ \\} \\@ \\[ \\] \\( \\) \\< \\> \\# \\* \\_ \\~", Commentary.escape("\\ | { } @ [ ] ( ) < > # * _ ~"));
    }

    @Test
    void ordinaryTextLinksAndEmojiAreLeftAlone() {
        String text = "Hello, world! Read https://example.com/a?b=c&d=e 🚀 «ok» 50% off.";
        assertEquals(text, Commentary.escape(text));
    }

    @Test
    void aBackslashAlreadyInTheTextIsEscapedRatherThanTakenAsAnEscape() {
        assertEquals("C:\\\\temp \\\\\\#1", Commentary.escape("C:\\temp \\#1"));
    }
}
