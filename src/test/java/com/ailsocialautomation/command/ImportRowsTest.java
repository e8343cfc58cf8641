package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.message.PostOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A line of an import is the /ail schedule command it stands for, read by the same grammar. */
class ImportRowsTest {
    private static CsvPosts.Row row(String when, String to, String text, List<String> media, List<String> alts, String options) {
        return new CsvPosts.Row(2, when, to, text, media, alts, options);
    }

    @Test
    void aLineIsTheScheduleCommandItsColumnsName() {
        ParsedCommand command = ImportCommands.schedule(row("tomorrow 09:00", "x,bluesky", "Hello\nthere",
                List.of("https://example.com/a.png"), List.of("An A"), "title:\"Spring \\\"26\\\"\" privacy:unlisted"));
        assertEquals(CommandParser.parse("schedule at:\"tomorrow 09:00\" to:x,bluesky media:https://example.com/a.png "
                + "alt:\"An A\" title:\"Spring \\\"26\\\"\" privacy:unlisted Hello\nthere"), command);
    }

    @Test
    void anExportedPostsCommentAndOwnTextsImportBack() {
        PostOptions options = new PostOptions("Spring", null, List.of(), List.of(), List.of(), "First \"comment\"\nhere",
                Map.of(PlatformId.X, "Short, for X", PlatformId.BLUESKY, "=1+1 \\ sky"));
        CsvPosts.Row exported = row("2027-01-05T09:00+01:00", "a3f9", "The long text", List.of(), List.of(),
                CsvExport.options(options));
        CsvPosts.Row imported = CsvPosts.read(CsvPosts.write(List.of(exported))).get(0);
        assertEquals(CommandParser.parse("schedule at:2027-01-05T09:00+01:00 to:a3f9 title:Spring "
                        + "comment:\"First \\\"comment\\\"\nhere\" text.x:\"Short, for X\" text.bluesky:\"=1+1 \\\\ sky\" The long text"),
                ImportCommands.schedule(imported));
    }

    @Test
    void whatALineCannotBeIsRefusedInOneLineWithoutTheUsage() {
        for (CsvPosts.Row bad : List.of(
                row("", "", "Hi", List.of(), List.of(), ""),
                row("tomorrow 09:00", "", "Hi", List.of(), List.of(), "every:\"monday 09:00\""),
                row("tomorrow 09:00", "", "Hi", List.of(), List.of(), "to:x"),
                row("tomorrow 09:00", "", "Hi", List.of("https://example.com/a.png", "https://example.com/b.png"),
                        List.of("", "A B"), ""),
                row("tomorrow 09:00", "", "", List.of(), List.of(), ""))) {
            UserError e = assertThrows(UserError.class, () -> ImportCommands.schedule(bad), bad.toString());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
        assertTrue(assertThrows(UserError.class, () -> ImportCommands.schedule(row("tomorrow 09:00", "", "Hi", List.of(),
                List.of(), "every:\"monday 09:00\""))).getMessage().contains("which an import does not take"));
    }
}
