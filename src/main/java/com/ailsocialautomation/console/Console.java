package com.ailsocialautomation.console;

import com.ailsocialautomation.App;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * `java -jar ail.jar console`: a local /ail prompt on standard input over the running service (database,
 * engine, web server for OAuth links), as user "local" in workspace "console", an admin. Works piped too;
 * EOF ends it.
 */
public final class Console {
    private Console() {}

    public static void run(App app, InputStream in, PrintStream out) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        new ConsoleSession(app.commands(), reader, out, System.console() != null).run();
    }
}
