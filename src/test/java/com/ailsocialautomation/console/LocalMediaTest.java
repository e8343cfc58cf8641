package com.ailsocialautomation.console;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.command.CommandParser;
import com.ailsocialautomation.command.ParsedCommand;
import com.ailsocialautomation.message.MediaInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** media:<path> in the console: files of this machine become LocalFile inputs after the links; links stay links. */
class LocalMediaTest {
    @TempDir
    Path dir;

    @Test
    void pathsAndFileUrlsBecomeLocalFilesAfterTheLinksAndAltsStayInOrder() throws Exception {
        Path photo = Files.write(dir.resolve("my photo.jpg"), new byte[] {1, 2, 3});
        Path clip = Files.write(dir.resolve("clip.mp4"), new byte[] {4});
        ParsedCommand parsed = CommandParser.parse("post media:\"my photo.jpg\" media:https://example.com/a.png media:"
                + clip.toUri() + " alt:one alt:two alt:three Hello");

        ParsedCommand attached = LocalMedia.attach(parsed, dir);

        assertEquals(List.of("https://example.com/a.png"), attached.options("media"));
        assertEquals(List.of(new MediaInput.LocalFile(photo, null), new MediaInput.LocalFile(clip, null)), attached.files());
        assertEquals(List.of("one", "two", "three"), attached.options("alt"));
        assertEquals("Hello", attached.text());
    }

    @Test
    void onlyLinksLeaveTheCommandAsItWas() {
        ParsedCommand parsed = CommandParser.parse("post media:https://example.com/a.png Hi");
        assertSame(parsed, LocalMedia.attach(parsed, dir));
    }

    @Test
    void aMissingFileOrAFolderIsRefusedNamingWhereItLooked() throws Exception {
        String missing = assertThrows(UserError.class,
                () -> LocalMedia.attach(CommandParser.parse("post media:./nope.jpg Hi"), dir)).getMessage();
        assertEquals("media:./nope.jpg: there is no readable file at " + dir.resolve("nope.jpg") + "; check the path "
                + "(relative paths start in " + dir + ").", missing);
        Files.createDirectory(dir.resolve("pics"));
        assertTrue(assertThrows(UserError.class, () -> LocalMedia.attach(CommandParser.parse("post media:pics Hi"), dir))
                .getMessage().contains("(it is a folder)"));
    }
}
