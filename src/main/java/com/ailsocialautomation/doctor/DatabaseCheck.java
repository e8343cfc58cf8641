package com.ailsocialautomation.doctor;

import com.ailsocialautomation.config.Config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** The external database answers (connect and read its version), or the embedded one's data directory is usable. */
final class DatabaseCheck {
    private static final String NAME = "database";

    private DatabaseCheck() {}

    static Check check(Config config) {
        return config.embeddedDatabase() ? embedded(config.dataDir()) : external(config.externalDatabase());
    }

    private static Check external(Config.ExternalDatabase db) {
        Properties props = new Properties();
        if (db.user() != null) {
            props.setProperty("user", db.user());
        }
        if (db.password() != null) {
            props.setProperty("password", db.password().reveal());
        }
        props.setProperty("connectTimeout", Long.toString(Doctor.TIMEOUT.toSeconds()));
        props.setProperty("loginTimeout", Long.toString(Doctor.TIMEOUT.toSeconds()));
        try (Connection c = DriverManager.getConnection(db.url(), props);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("show server_version")) {
            rs.next();
            return Check.ok(NAME, "PostgreSQL " + rs.getString(1).split(" ")[0] + " at AIL_DATABASE_URL answers");
        } catch (SQLException e) {
            // the driver's message names host, port, database or user, never the password
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            return Check.fail(NAME, "AIL_DATABASE_URL cannot be used: " + message);
        }
    }

    private static Check embedded(Path dataDir) {
        if (!Files.exists(dataDir)) {
            return Check.ok(NAME, "embedded PostgreSQL; AIL_DATA_DIR (" + dataDir + ") will be created at the first start");
        }
        if (!Files.isDirectory(dataDir) || !Files.isWritable(dataDir)) {
            return Check.fail(NAME, "AIL_DATA_DIR (" + dataDir + ") is not a writable directory");
        }
        Path version = dataDir.resolve("postgres").resolve("PG_VERSION");
        String cluster;
        try {
            cluster = Files.exists(version) ? "a PostgreSQL " + Files.readString(version).strip() + " cluster" : "no cluster yet";
        } catch (IOException e) {
            return Check.fail(NAME, "the embedded cluster's version cannot be read: " + e.getMessage());
        }
        String key = Files.exists(dataDir.resolve("master.key")) ? "its master.key" : "no master.key yet (one is generated at start)";
        String use = inUse(dataDir) ? "; a running AIL holds it now" : "";
        return Check.ok(NAME, "embedded PostgreSQL in AIL_DATA_DIR (" + dataDir + ") with " + cluster + " and " + key + use);
    }

    /** Whether another process holds the data directory's lock (taken and released at once when free). */
    private static boolean inUse(Path dataDir) {
        Path lockFile = dataDir.resolve("ail.lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
            return true;
        }
    }
}
