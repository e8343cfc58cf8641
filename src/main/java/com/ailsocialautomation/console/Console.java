package com.ailsocialautomation.console;

import com.ailsocialautomation.config.Config;

import java.io.InputStream;
import java.io.PrintStream;

/** The local /ail prompt (filled in by the command-layer work). */
public final class Console {
    private Console() {}

    public static int run(Config config, InputStream in, PrintStream out) {
        out.println("The console is not built yet.");
        return 1;
    }
}
