package com.ailsocialautomation.store;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A word is taken for a post's or series' short id (and looked up as one) only when it has that shape. */
class ShortIdsTest {
    @Test
    void aShortIdIsItsKindsLetterAndFourOfTheUnambiguousCharactersInAnyCase() {
        assertTrue(ShortIds.looksLike('p', ShortIds.next('p')));
        assertTrue(ShortIds.looksLike('p', "Pa2z9"), "the first letter of the alphabet, in capitals too");
        assertFalse(ShortIds.looksLike('p', "pa2z1"), "1 is never in a short id (it reads as l)");
        assertFalse(ShortIds.looksLike('p', "poooo"), "o is never in a short id (it reads as 0)");
        assertFalse(ShortIds.looksLike('s', "pa2z9"), "a post's id taken for a series'");
        assertFalse(ShortIds.looksLike('p', "pa2z"));
        assertFalse(ShortIds.looksLike('p', "pa2z9x"));
        assertFalse(ShortIds.looksLike('p', null));
    }
}
