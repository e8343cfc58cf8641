package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where a typed line ends or a word only looks like syntax: read as a person means it, or refused in one line. */
class CommandParserEdgesTest {
    private static ParsedCommand parse(String line) {
        return CommandParser.parse(line);
    }

    private static String error(String line) {
        return assertThrows(UserError.class, () -> parse(line)).getMessage();
    }

    @Test
    void onlyTwoDashesOnTheirOwnEndTheOptionsMoreDashesAreText() {
        assertEquals("--- dashes in front", parse("post to:x --- dashes in front").text());
        assertEquals("--quiet please", parse("post to:x --quiet please").text());
        assertTrue(error("post to:x --").startsWith("Missing the text (or media:<url>)."), "a -- that ends the line ends the options");
        assertEquals(List.of("x"), parse("schedule to:x at:tomorrow -- --").options("to"));
    }

    @Test
    void aQuotedWordMayEndTheLineOrBeFollowedBySpaceButNotByMoreLetters() {
        assertEquals(List.of("p2345"), parse("cancel \"p2345\"").args());
        assertEquals(List.of("p2345"), parse("cancel \"p2345\"  ").args());
        assertEquals(List.of("p2\"3\\45"), parse("cancel \"p2\\\"3\\\\45\"").args(), "escaped quote and backslash");
        assertTrue(error("cancel \"p2345\\").startsWith("Unterminated quote in <"), "a backslash that ends the line escapes nothing");
        assertTrue(error("cancel \"p2345\"x").startsWith("Put a space after the closing quote of <"), error("cancel \"p2345\"x"));
    }
}
