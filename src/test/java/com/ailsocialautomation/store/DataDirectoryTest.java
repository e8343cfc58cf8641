package com.ailsocialautomation.store;

import com.ailsocialautomation.config.ConfigError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void aDirectoryIsHeldByOneInstanceAtATimeAndFreedWhenItStops() {
        Path root = tmp.resolve("data");
        try (DataDirectory first = DataDirectory.lock(root)) {
            ConfigError e = assertThrows(ConfigError.class, () -> DataDirectory.lock(root));
            assertEquals("AIL_DATA_DIR", e.variable());
            assertTrue(e.getMessage().contains("is in use by another running AIL instance"));
            // the refused attempt must not have released the first holder's lock
            assertThrows(ConfigError.class, () -> DataDirectory.lock(tmp.resolve("other/../data")));
        }
        DataDirectory.lock(root).close();
    }

    @Test
    void theMasterKeyIsGeneratedOnceAndThenReadBack() throws Exception {
        Path root = tmp.resolve("data");
        byte[] key;
        try (DataDirectory dir = DataDirectory.lock(root)) {
            key = dir.masterKey();
            assertEquals(32, key.length);
        }
        try (DataDirectory dir = DataDirectory.lock(root)) {
            assertArrayEquals(key, dir.masterKey());
        }
        Files.writeString(root.resolve("master.key"), "dG9vIHNob3J0\n");
        try (DataDirectory dir = DataDirectory.lock(root)) {
            ConfigError e = assertThrows(ConfigError.class, dir::masterKey);
            assertTrue(e.getMessage().contains("master.key shorter than 32 bytes"), e.getMessage());
        }
    }

    @Test
    void eachDataDirectoryGetsItsOwnRandomMasterKey() {
        byte[] one;
        byte[] two;
        try (DataDirectory a = DataDirectory.lock(tmp.resolve("a")); DataDirectory b = DataDirectory.lock(tmp.resolve("b"))) {
            one = a.masterKey();
            two = b.masterKey();
        }
        assertFalse(java.util.Arrays.equals(one, two), "two installations were given the same master key");
        assertFalse(java.util.Arrays.equals(new byte[32], one), "the master key is all zeros");
    }
}
