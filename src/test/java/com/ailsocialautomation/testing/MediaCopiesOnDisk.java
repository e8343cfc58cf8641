package com.ailsocialautomation.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The temporary copies AIL makes of media while it checks them (directories {@code ail-media-*} in java.io.tmpdir),
 * for tests that prove a refused post or file leaves none behind. Other tests may copy media meanwhile, so a test
 * looks for its own bytes, not for an empty directory.
 */
public final class MediaCopiesOnDisk {
    private MediaCopiesOnDisk() {}

    /** The copies' directories now, sorted. */
    public static List<Path> all() throws IOException {
        try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.filter(p -> p.getFileName().toString().startsWith("ail-media-")).sorted().toList();
        }
    }

    /** Whether a file under {@code dir} holds exactly {@code content} (false once the directory is gone). */
    public static boolean holds(Path dir, byte[] content) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).anyMatch(f -> {
                try {
                    return Arrays.equals(Files.readAllBytes(f), content);
                } catch (IOException gone) {
                    return false; // another test's copy, deleted as we looked
                }
            });
        } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException gone) {
            return false;
        }
    }
}
