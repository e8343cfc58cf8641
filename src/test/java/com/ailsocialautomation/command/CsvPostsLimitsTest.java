package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.platform.Platform;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The import's limits are the ones its refusals name: a file exactly at a limit imports, one past it is refused; and
 * the line a row is reported on is the line a spreadsheet shows, whatever the line endings.
 */
class CsvPostsLimitsTest {
    private static final String HEADER = "when,to,text,media,alt\n";

    private static List<CsvPosts.Row> read(String text) {
        return CsvPosts.read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String refusal(String text) {
        return assertThrows(UserError.class, () -> read(text)).getMessage();
    }

    @Test
    void exactlyTheMostPostsImportAndOneMoreIsRefused() {
        assertEquals(CsvPosts.MAX_ROWS, read(HEADER + "tomorrow,x,Hi,,\n".repeat(CsvPosts.MAX_ROWS)).size());
        assertEquals("That file has more than 500 posts; an import takes at most 500. Split it into smaller files.",
                refusal(HEADER + "tomorrow,x,Hi,,\n".repeat(CsvPosts.MAX_ROWS + 1)));
    }

    @Test
    void aFileOfExactlyTheMostBytesIsReadAndOneByteMoreIsRefused() {
        int rows = 400;
        int each = (CsvPosts.MAX_BYTES - HEADER.length()) / rows;
        int rest = (CsvPosts.MAX_BYTES - HEADER.length()) % rows;
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 0; i < rows; i++) {
            int text = each - "tomorrow,x,,,\n".length() + (i == rows - 1 ? rest : 0);
            file.append("tomorrow,x,").append("y".repeat(text)).append(",,\n");
        }
        String exact = file.toString();
        assertEquals(CsvPosts.MAX_BYTES, exact.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(rows, read(exact).size());
        assertEquals("That file is 1,048,577 bytes; an import takes at most 1,048,576 (about 500 posts). Split it into smaller files.",
                refusal(exact + "\n"));
    }

    @Test
    void aFieldAtItsLimitIsTakenAndOneCharacterMoreIsRefusedNamingTheLineAndColumn() {
        String when = "w".repeat(CsvPosts.MAX_WHEN);
        assertEquals(when, read(HEADER + when + ",x,Hi,,\n").get(0).when());
        assertEquals("Line 2: the when field is 101 characters; at most 100.", refusal(HEADER + when + "w,x,Hi,,\n"));
        String options = "o".repeat(CsvPosts.MAX_OPTIONS);
        assertEquals(options, read("when,to,text,media,alt,options\ntomorrow,x,Hi,,," + options + "\n").get(0).options());
    }

    @Test
    void everyPictureOfTheLargestCarouselMayHaveAFullLengthAltText() {
        List<String> alts = Collections.nCopies(Platform.mostMedia(), "a".repeat(AltTexts.MAX_CHARACTERS));
        String row = "tomorrow,x,Hi,,\"" + String.join("\n", alts) + "\"\n";
        assertEquals(alts, read(HEADER + row).get(0).alts());
    }

    @Test
    void aZeroByteIsReportedAtItsPositionCountedFromOne() {
        byte[] bytes = (HEADER + "tomorrow,x,Hi,,\n").getBytes(StandardCharsets.UTF_8);
        bytes[HEADER.length() + 3] = 0;
        assertEquals("That file holds binary data (a zero byte at byte " + (HEADER.length() + 4) + "), not CSV text; "
                + "export it from your spreadsheet as CSV UTF-8.", assertThrows(UserError.class, () -> CsvPosts.read(bytes)).getMessage());
    }

    @Test
    void rowsKnowTheirLineWithUnixOrWindowsLineEndingsAndBlankLinesBetween() {
        List<CsvPosts.Row> unix = read(HEADER + "\n\ntomorrow,x,One,,\n\nnext week,x,\"Two\nlines\",,\nlater,x,Three,,\n");
        assertEquals(List.of(4, 6, 8), unix.stream().map(CsvPosts.Row::line).toList());
        List<CsvPosts.Row> windows = read(HEADER.replace("\n", "\r\n") + "\r\n\r\ntomorrow,x,One,,\r\n\r\nlater,x,Two,,\r\n");
        assertEquals(List.of(4, 6), windows.stream().map(CsvPosts.Row::line).toList());
        assertEquals("Line 6 has 3 fields, the header 5; quote a field that holds a comma.",
                refusal(HEADER + "\n\ntomorrow,x,One,,\n\nlater,x,Two\n"));
        assertEquals("Line 3 has 1 fields, the header 5; quote a field that holds a comma.",
                refusal(HEADER + "tomorrow,x,One,,\nx\n"), "a one-letter line is counted once");
    }
}
