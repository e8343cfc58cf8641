package com.ailsocialautomation.command;

import com.ailsocialautomation.testing.PerInputTimeLimit;
import com.ailsocialautomation.UserError;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any line typed after /ail either parses into a command its declaration allows or gives a one-line UserError;
 * nothing else escapes. `mvn test` replays the seeds in CommandParserFuzzTestInputs; JAZZER_FUZZ=1 fuzzes.
 */
class CommandParserFuzzTest {

    // Entries go into a libFuzzer dictionary file, where a quote, a backslash and any non-ASCII byte must be escaped.
    @FuzzTest(maxDuration = "30s")
    @PerInputTimeLimit
    @DictionaryEntries({"post ", "schedule ", "edit ", "reschedule ", "connect ", "timezone ", "help ", "list ",
            "to:", "media:", "at:", "in:", "public:yes", "--", "https://", " ", "\\\"", "\\\\\\\"", "\\x0A",
            "\\xE2\\x80\\x9C", "\\xE2\\x80\\x9D"})
    void anyLineParsesOrGivesOneLineUserError(FuzzedDataProvider data) {
        String line = data.consumeRemainingAsString();
        try {
            ParsedCommand command = CommandParser.parse(line);
            CommandSpec spec = Commands.get(command.name());
            for (String key : command.options().keySet()) {
                assertTrue(spec.option(key).isPresent(), key);
                command.options(key).forEach(v -> assertFalse(v.isBlank(), key));
            }
            assertTrue(command.args().size() <= spec.args().size());
            assertTrue(spec.takesText() || command.text().isEmpty());
            assertEquals(command.text(), command.text().stripTrailing());
        } catch (UserError e) {
            assertOneLine(e.getMessage());
        }
    }

    static void assertOneLine(String message) {
        assertTrue(message != null && !message.isBlank());
        assertTrue(message.length() < 1000, message);
        message.chars().forEach(c -> assertFalse(
                c == '\n' || c == '\r' || Character.getType(c) == Character.CONTROL
                        || Character.getType(c) == Character.LINE_SEPARATOR
                        || Character.getType(c) == Character.PARAGRAPH_SEPARATOR, message));
    }
}
