package com.ailsocialautomation.store;

import com.ailsocialautomation.config.ConfigError;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AIL_DATA_DIR in embedded mode: holds the PostgreSQL cluster and the generated master key, and is locked
 * so that a second instance on the same directory stops before it touches anything.
 */
public final class DataDirectory implements AutoCloseable {
    /**
     * Directories this JVM holds. The OS lock is a POSIX record lock, and closing any descriptor of the file drops
     * every such lock the process holds on it, so a second attempt from this JVM must be refused before it opens
     * the file; otherwise its failure would silently unlock the directory for other processes.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    public static DataDirectory lock(Path root) {
        Path key = root.toAbsolutePath().normalize();
        if (!HELD.add(key)) {
            throw inUse(root);
        }
        try {
            Files.createDirectories(root);
            FileChannel channel = FileChannel.open(root.resolve("ail.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw inUse(root);
            }
            return new DataDirectory(root, channel, lock);
        } catch (IOException e) {
            HELD.remove(key);
            throw new ConfigError("AIL_DATA_DIR", "(" + root + ") cannot be created or locked: " + e.getMessage());
        } catch (RuntimeException e) {
            HELD.remove(key);
            throw e;
        }
    }

    private static ConfigError inUse(Path root) {
        return new ConfigError("AIL_DATA_DIR", "(" + root + ") is in use by another running AIL instance; stop it first or give this one its own AIL_DATA_DIR");
    }

    public Path postgresData() {
        return root.resolve("postgres");
    }

    /** The master key file, generated on first start with owner-only permissions (600). */
    public byte[] masterKey() {
        Path file = root.resolve("master.key");
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Path tmp = root.resolve("master.key.tmp");
                Files.deleteIfExists(tmp);
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n");
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                return key;
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file).trim());
            if (key.length < 32) {
                throw new ConfigError("AIL_DATA_DIR", "holds a master.key shorter than 32 bytes; restore it from backup");
            }
            return key;
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigError("AIL_DATA_DIR", "holds a master.key that cannot be read (" + e.getClass().getSimpleName() + "); restore it from backup");
        }
    }

    /**
     * `rotate-key --master`, step one: the new key is written beside the old one (master.key.new, mode 600) before the
     * keyset is re-wrapped, so no moment exists where the only copy of the key that opens the keyset is in memory.
     */
    public static Path stageMasterKey(Path root, byte[] key) {
        Path staged = root.resolve("master.key.new");
        try {
            Files.deleteIfExists(staged);
            Files.createFile(staged, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(staged, Base64.getEncoder().encodeToString(key) + "\n");
            return staged;
        } catch (IOException e) {
            throw new ConfigError("AIL_DATA_DIR", "cannot hold a new master key (" + e.getClass().getSimpleName()
                    + "); nothing was changed");
        }
    }

    /** Step two, after the keyset was re-wrapped: the new key replaces master.key. */
    public static void commitMasterKey(Path root) throws IOException {
        Files.move(root.resolve("master.key.new"), root.resolve("master.key"),
                java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        } finally {
            HELD.remove(root.toAbsolutePath().normalize());
        }
    }
}
