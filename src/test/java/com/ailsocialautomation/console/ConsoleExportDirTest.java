package com.ailsocialautomation.console;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** my-data lands in the data directory's exports/ unless AIL_EXPORT_DIR names another place (issue 17.8). */
class ConsoleExportDirTest {
    @Test
    void exportsGoToTheDataDirectoryUnlessTheVariableSaysOtherwise() {
        Path data = Path.of("/srv/ail/data");
        assertEquals(data.resolve("exports"), Console.exportDirectory(data, null));
        assertEquals(data.resolve("exports"), Console.exportDirectory(data, " "));
        assertEquals(Path.of("").toAbsolutePath(), Console.exportDirectory(data, "."));
        assertEquals(Path.of("/tmp/out"), Console.exportDirectory(data, "/tmp/out"));
    }
}
