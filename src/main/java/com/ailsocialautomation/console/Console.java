package com.ailsocialautomation.console;

import com.ailsocialautomation.command.CommandService;
import com.ailsocialautomation.command.Outstanding;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * `java -jar ail.jar console`: a local /ail prompt on standard input over the running service (database,
 * engine, web server for OAuth links), as user "local" in workspace "console", an admin. Works piped too;
 * EOF ends it. Files in replies (my-data) are saved in the data directory's {@code exports/}, or in the directory
 * {@code AIL_EXPORT_DIR} names ({@code .} for the current one): never loose in a source checkout by surprise.
 */
public final class Console {
    private Console() {}

    /** The variable that moves exports out of the data directory. */
    public static final String EXPORT_DIR = "AIL_EXPORT_DIR";

    public static void run(CommandService commands, Outstanding outstanding, Path dataDir, String exportDir,
                           InputStream in, PrintStream out) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        new ConsoleSession(commands, reader, out, System.console() != null, List.of(exportDirectory(dataDir, exportDir)))
                .run();
        new ConsoleEnd(commands, outstanding, ConsoleSession.LOCAL, out).finish();
    }

    /** Where my-data exports go: {@code exportDir} when set (relative to the current directory), else data/exports. */
    static Path exportDirectory(Path dataDir, String exportDir) {
        return exportDir == null || exportDir.isBlank()
                ? dataDir.resolve("exports")
                : Path.of(exportDir.strip()).toAbsolutePath().normalize();
    }
}
