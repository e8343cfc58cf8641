package com.ailsocialautomation.console;

import com.ailsocialautomation.message.Reply;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** Saves a file from a reply for the console user: never over an existing file, readable by the owner only. */
final class ConsoleFiles {
    private ConsoleFiles() {}

    /** Writes the file into the first directory that takes it; returns the line to print. */
    static String save(Reply.File file, List<Path> directories) {
        String name = file.name().replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^\\.+", "");
        if (name.isEmpty()) {
            name = "ail-file";
        }
        IOException last = null;
        for (Path dir : directories) {
            try {
                Path saved = writeNew(dir, name, file.content());
                return "Saved " + saved + " (" + file.content().length + " bytes, readable only by you).";
            } catch (IOException e) {
                last = e;
            }
        }
        return "The file " + file.name() + " could not be saved in " + directories + ": "
                + (last == null ? "no directory given" : last.getClass().getSimpleName() + " " + last.getMessage());
    }

    private static Path writeNew(Path dir, String name, byte[] content) throws IOException {
        if (!Files.isDirectory(dir)) {
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 1; ; n++) {
            Path target = dir.resolve(n == 1 ? name : stem + "-" + n + ext);
            try {
                create(target);
            } catch (FileAlreadyExistsException e) {
                if (n >= 1000) {
                    throw e;
                }
                continue;
            }
            Files.write(target, content, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            return target.toAbsolutePath();
        }
    }

    /** Created owner-only from the start, so the personal data is never readable by others, even briefly. */
    private static void create(Path target) throws IOException {
        if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(target);
        }
    }
}
