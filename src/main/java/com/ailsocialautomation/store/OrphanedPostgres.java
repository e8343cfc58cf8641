package com.ailsocialautomation.store;

import com.ailsocialautomation.config.ConfigError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL left running on our cluster by an AIL process that is gone (kill -9, the OOM killer): it holds the
 * cluster, so a new server could not start there. Called only while this process holds the data directory's lock,
 * which the OS releases when its holder dies, so a postmaster still running on the cluster belongs to no live AIL.
 * It is stopped as pg_ctl would: fast shutdown (SIGINT), then immediate (SIGQUIT), and only then killed.
 */
final class OrphanedPostgres {
    private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);

    private OrphanedPostgres() {}

    static void stopIfAny(Path pgData) {
        Optional<ProcessHandle> postmaster = postmaster(pgData);
        if (postmaster.isEmpty()) {
            return;
        }
        long pid = postmaster.get().pid();
        log.warn("Stopping the PostgreSQL (pid {}) that a stopped AIL process left running on {}", pid, pgData);
        if (stop(postmaster.get(), "INT", Duration.ofSeconds(15)) || stop(postmaster.get(), "QUIT", Duration.ofSeconds(5))) {
            return;
        }
        postmaster.get().destroyForcibly();
        if (!gone(postmaster.get(), Duration.ofSeconds(5))) {
            throw new ConfigError("AIL_DATA_DIR", "holds a PostgreSQL (pid " + pid + ") left running by an earlier AIL that "
                    + "could not be stopped; stop it (kill " + pid + ") and start AIL again");
        }
    }

    /** The live postmaster that postmaster.pid names, if it really is a postgres serving this very cluster. */
    private static Optional<ProcessHandle> postmaster(Path pgData) {
        List<String> lines;
        try {
            lines = Files.readAllLines(pgData.resolve("postmaster.pid"));
        } catch (IOException e) {
            return Optional.empty(); // none: the cluster is not in use
        }
        if (lines.size() < 2 || !lines.get(0).strip().matches("\\d{1,10}")) {
            return Optional.empty(); // half-written: PostgreSQL's own start-up check decides
        }
        Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive);
        boolean postgres = process.flatMap(p -> p.info().command()).map(c -> Path.of(c).getFileName().toString().startsWith("postgres")).orElse(false);
        boolean ours = sameDirectory(Path.of(lines.get(1).strip()), pgData);
        // a stale file whose pid now names another program is left to PostgreSQL, which removes it itself
        return postgres && ours ? process : Optional.empty();
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean stop(ProcessHandle postmaster, String signal, Duration patience) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(postmaster.pid())).redirectErrorStream(true).start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            postmaster.destroy(); // no kill command: SIGTERM is a smart shutdown, and its clients died with AIL
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return gone(postmaster, patience);
    }

    private static boolean gone(ProcessHandle process, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !process.isAlive();
    }
}
