package com.ailsocialautomation.message;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadPartsTest {
    @Test
    void aTextWithoutSeparatorIsOnePartUnchanged() {
        assertEquals(List.of("One\n\nwith --- inside\n"), ThreadParts.of("One\n\nwith --- inside\n"));
        assertFalse(ThreadParts.isThread("a --- b"));
    }

    @Test
    void lineOfDashesSeparatesPartsAndTheBlankLinesAroundItGo() {
        assertEquals(List.of("First", "Second\nline", "Third"),
                ThreadParts.of("First\n\n---\n\nSecond\nline\n  ---  \nThird"));
        assertTrue(ThreadParts.isThread("a\n---\nb"));
    }

    @Test
    void windowsLineEndsSeparateToo() {
        assertEquals(List.of("a", "b"), ThreadParts.of("a\r\n---\r\nb"));
    }

    @Test
    void anEmptyPartStaysSoValidationCanNameIt() {
        assertEquals(List.of("a", "", "b"), ThreadParts.of("a\n---\n---\nb"));
    }

    @Test
    void fourDashesAreText() {
        assertEquals(List.of("a\n----\nb"), ThreadParts.of("a\n----\nb"));
    }
}
