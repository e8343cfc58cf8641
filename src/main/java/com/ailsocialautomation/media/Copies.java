package com.ailsocialautomation.media;

import com.ailsocialautomation.platform.MediaFacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The items of one command while it is being accepted, in a temporary directory only this process's user can
 * read. Closing deletes the directory and everything in it, whether the post was stored or refused.
 */
public final class Copies implements AutoCloseable {
    Copies() {}

    private final List<Copy> items = new ArrayList<>();
    private Path dir; // made with the first file: a command without media touches no disk

    private static Path directory() throws IOException {
        Path dir;
        try {
            dir = Files.createTempDirectory("ail-media-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            dir = Files.createTempDirectory("ail-media-"); // not a POSIX file system: the default is private there
        }
        return dir;
    }

    /** A new empty file, readable by this user only, for the item at {@code position}. */
    Path newFile(int position) throws IOException {
        if (dir == null) {
            dir = directory();
        }
        Path file = dir.resolve("item-" + position);
        try {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            return Files.createFile(file);
        }
    }

    void add(Copy copy) {
        items.add(copy);
    }

    public List<Copy> items() {
        return List.copyOf(items);
    }

    public List<MediaFacts> facts() {
        return items.stream().map(Copy::facts).toList();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    @Override
    public void close() {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the temporary media copies could not be deleted", e);
        }
    }
}
