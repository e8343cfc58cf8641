package com.ailsocialautomation.console;

import com.ailsocialautomation.App;
import com.ailsocialautomation.config.Config;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * `java -jar ail.jar console`: the whole service (database, engine, web server for OAuth links) with a local
 * /ail prompt on standard input, as user "local" in workspace "console", an admin. Works piped too; EOF ends it.
 */
public final class Console {
    private Console() {}

    public static int run(Config config, InputStream in, PrintStream out) {
        ConsoleNotifier notifier = new ConsoleNotifier(out);
        try (App app = App.start(config, null, List.of(notifier))) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean interactive = System.console() != null;
            new ConsoleSession(app.commands(), reader, out, interactive).run();
        }
        return 0;
    }
}
