package com.ailsocialautomation;

import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.config.ConfigCipher;
import com.ailsocialautomation.config.ConfigError;
import com.ailsocialautomation.wiring.StartError;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.console.Console;
import com.ailsocialautomation.console.ConsoleNotifier;
import com.ailsocialautomation.doctor.Doctor;
import com.ailsocialautomation.store.DataDirectory;
import com.ailsocialautomation.store.KeyRotation;
import com.ailsocialautomation.store.VaultError;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The jar's own sub-commands: serve (default), console, rotate-key, encrypt-config. */
public final class Main {
    static final String USAGE = String.join("\n",
            "Usage: java -jar ail.jar [command]",
            "  serve                   run the service (the default)",
            "  console                 run the service with a local /ail prompt on standard input",
            "  doctor                  check the configuration, credentials, public URL and database without starting",
            "  rotate-key              add a new encryption key and re-encrypt every stored secret with it",
            "  rotate-key --master     replace the master key that wraps the keyset (written to data/master.key,",
            "                          or printed for AIL_ENCRYPTION_KEY); stop the service first",
            "  encrypt-config [value]  print an ENC(...) form of the value for configuration (needs AIL_CONFIG_PASSWORD);",
            "                          without one it reads the value from standard input, keeping it out of shell history",
            "Configuration comes from environment variables; see the README.");

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.in, System.out, System.err));
    }

    /**
     * Runs a sub-command with the given environment and returns the exit code; long-running commands return when
     * they are stopped. A start-up failure the operator can fix is one line on {@code err} and exit code 1.
     */
    static int run(String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "serve" : args[0];
        try {
            switch (command) {
                case "serve" -> {
                    return serve(Config.from(env));
                }
                case "console" -> {
                    return runApp(App.create(Config.from(env), Clock.systemUTC(), List.of(new ConsoleNotifier(out))), app -> Console.run(app.commands(), app.outstanding(), app.config().dataDir(), env.get(Console.EXPORT_DIR), in, out));
                }
                case "doctor" -> {
                    return Doctor.run(env, out, java.time.Clock.systemUTC());
                }
                case "rotate-key" -> {
                    if (args.length == 2 && "--master".equals(args[1])) {
                        return rotateMasterKey(Config.from(env), out, err);
                    }
                    if (args.length > 1) {
                        err.println("rotate-key takes no argument but --master: java -jar ail.jar rotate-key [--master]");
                        return 2;
                    }
                    return rotateKey(Config.from(env), out);
                }
                case "encrypt-config" -> {
                    return encryptConfig(Arrays.copyOfRange(args, 1, args.length), env, in, out, err);
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
        } catch (ConfigError | VaultError | StartError e) {
            err.println("AIL cannot start: " + e.getMessage());
            return 1;
        }
    }

    private static int serve(Config config) {
        return runApp(App.create(config, Clock.systemUTC(), List.of()), App::awaitStop);
    }

    /** Launches the app, runs {@code work} while it runs, then stops it. */
    private static int runApp(App app, java.util.function.Consumer<App> work) {
        // The hook is registered before anything starts, so a SIGTERM or Ctrl-C during start-up also stops
        // the embedded PostgreSQL (it runs detached from this JVM and would otherwise be left behind).
        // A stop asked for by SIGTERM or Ctrl-C that ended cleanly is a success: exit code 0, not the JVM's 143 or
        // 130 (docker and systemd report those as failures); 1 if stopping failed.
        Thread hook = new Thread(() -> {
            int status = 0;
            try {
                app.close();
            } catch (RuntimeException e) {
                System.err.println("AIL did not stop cleanly: " + e.getMessage());
                status = 1;
            }
            Runtime.getRuntime().halt(status);
        }, "ail-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            app.launch();
            work.accept(app);
        } finally {
            app.close();
            removeHook(hook);
        }
        return 0;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run; nothing to remove
        }
    }

    /**
     * Replaces the master key that wraps the keyset. The new key goes where the old one lived: data/master.key in
     * embedded mode (staged first, so a failure leaves the old key working), or printed for AIL_ENCRYPTION_KEY.
     */
    private static int rotateMasterKey(Config config, PrintStream out, PrintStream err) {
        byte[] next = new byte[32];
        new java.security.SecureRandom().nextBytes(next);
        boolean inFile = config.encryptionKey() == null;
        try (App app = App.storeOnly(config, Clock.systemUTC())) {
            java.nio.file.Path staged = inFile ? DataDirectory.stageMasterKey(config.dataDir(), next) : null;
            try {
                app.vault().rewrap(next);
            } catch (RuntimeException e) {
                if (staged != null) {
                    java.nio.file.Files.deleteIfExists(staged);
                }
                throw e;
            }
            if (inFile) {
                try {
                    DataDirectory.commitMasterKey(config.dataDir());
                } catch (java.io.IOException e) {
                    err.println("The keyset is now wrapped under the new master key, which is in " + staged
                            + ", but it could not replace master.key: rename it to master.key before the next start.");
                    return 1;
                }
                out.println("The master key in " + config.dataDir().resolve("master.key")
                        + " was replaced; back up the new file (the old key no longer opens the keyset).");
            } else {
                out.println("New master key (set AIL_ENCRYPTION_KEY to it on every instance before their next start; "
                        + "the old key no longer opens the keyset):");
                out.println(java.util.Base64.getEncoder().encodeToString(next));
            }
            return 0;
        } catch (java.io.IOException e) {
            err.println("AIL cannot rotate the master key: " + e.getMessage());
            return 1;
        }
    }

    private static int rotateKey(Config config, PrintStream out) {
        try (App app = App.storeOnly(config, Clock.systemUTC())) {
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

    /** The value comes from the command line or, without one, from the first line of standard input (out of shell history). */
    private static int encryptConfig(String[] values, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        String password = env.get("AIL_CONFIG_PASSWORD");
        if (values.length > 1) {
            err.println("encrypt-config takes one value: java -jar ail.jar encrypt-config, then type the value (or pipe it in)");
            return 2;
        }
        if (password == null || password.isBlank()) {
            err.println("AIL cannot start: AIL_CONFIG_PASSWORD must be set to the password that will decrypt the value");
            return 1;
        }
        String value = values.length == 1 ? values[0] : firstLine(in);
        if (value == null || value.isEmpty()) {
            err.println("encrypt-config read no value: type it after the command and press Enter, or pipe it in "
                    + "(printf '%s' \"$VALUE\" | java -jar ail.jar encrypt-config)");
            return 2;
        }
        out.println(new ConfigCipher(Secret.of(password)).encrypt(value));
        return 0;
    }

    private static String firstLine(InputStream in) {
        try {
            return new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)).readLine();
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
