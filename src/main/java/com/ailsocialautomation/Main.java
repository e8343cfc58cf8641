package com.ailsocialautomation;

import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.console.Console;
import com.ailsocialautomation.config.ConfigCipher;
import com.ailsocialautomation.config.ConfigError;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.store.KeyRotation;

import java.io.PrintStream;
import java.util.Arrays;

/** The jar's own sub-commands: serve (default), console, rotate-key, encrypt-config. */
public final class Main {
    static final String USAGE = String.join("\n",
            "Usage: java -jar ail.jar [command]",
            "  serve                   run the service (the default)",
            "  console                 run the service with a local /ail prompt on standard input",
            "  rotate-key              add a new encryption key and re-encrypt every stored secret with it",
            "  encrypt-config <value>  print an ENC(...) form of <value> for configuration (needs AIL_CONFIG_PASSWORD)",
            "Configuration comes from environment variables; see the README.");

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a sub-command and returns the exit code; long-running commands return when they are stopped. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "serve" : args[0];
        try {
            switch (command) {
                case "serve" -> {
                    App app = App.start(Config.fromEnvironment());
                    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "ail-shutdown"));
                    app.awaitStop();
                    return 0;
                }
                case "console" -> {
                    return Console.run(Config.fromEnvironment(), System.in, out);
                }
                case "rotate-key" -> {
                    return rotateKey(out);
                }
                case "encrypt-config" -> {
                    return encryptConfig(Arrays.copyOfRange(args, 1, args.length), out, err);
                }
                case "help", "--help", "-h" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    err.println("Unknown command '" + command + "'.");
                    err.println(USAGE);
                    return 2;
                }
            }
        } catch (ConfigError e) {
            err.println("AIL cannot start: " + e.getMessage());
            return 1;
        }
    }

    private static int rotateKey(PrintStream out) {
        try (App app = App.startStoreOnly(Config.fromEnvironment())) {
            KeyRotation.Report report = new KeyRotation(app.database().dataSource(), app.vault()).rotate();
            out.println("New primary key " + Integer.toUnsignedString(report.newKeyId()) + " added; "
                    + report.total() + " secrets re-encrypted:");
            report.reencrypted().forEach((column, count) -> out.println("  " + column + ": " + count));
            if (!report.unreadable().isEmpty()) {
                out.println(report.unreadable().size() + " values could not be opened and were left as they are:");
                report.unreadable().forEach(place -> out.println("  " + place));
                return 1;
            }
            return 0;
        }
    }

    private static int encryptConfig(String[] values, PrintStream out, PrintStream err) {
        String password = System.getenv("AIL_CONFIG_PASSWORD");
        if (values.length != 1) {
            err.println("encrypt-config takes exactly one value: java -jar ail.jar encrypt-config '<value>'");
            return 2;
        }
        if (password == null || password.isBlank()) {
            err.println("AIL cannot start: AIL_CONFIG_PASSWORD must be set to the password that will decrypt the value");
            return 1;
        }
        out.println(new ConfigCipher(Secret.of(password)).encrypt(values[0]));
        return 0;
    }
}
