package com.ailsocialautomation;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/** Lets tests in other packages run the jar's sub-commands in-process with their own environment and streams. */
public final class MainRunner {
    private MainRunner() {}

    public static int run(String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        return Main.run(args, env, in, out, err);
    }
}
