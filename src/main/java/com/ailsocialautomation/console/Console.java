package com.ailsocialautomation.console;

import com.ailsocialautomation.command.CommandService;

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
 * EOF ends it. Files in replies (my-data) are saved in the current directory, else in AIL_DATA_DIR.
 */
public final class Console {
    private Console() {}

    public static void run(CommandService commands, Path dataDir, InputStream in, PrintStream out) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        // my-data goes to the current directory, or to AIL_DATA_DIR when the current one is not writable
        new ConsoleSession(commands, reader, out, System.console() != null,
                List.of(Path.of("").toAbsolutePath(), dataDir)).run();
    }
}
