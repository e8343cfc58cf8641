package com.ailsocialautomation.testing;

import com.ailsocialautomation.App;
import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.notify.Notifier;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment of a service started as Main starts it, for tests: a fresh database of its own on the test
 * PostgreSQL, the test master key, a data directory, any free port, loopback addresses allowed and fast polling.
 * Tests add what they are about ({@code with("SLACK_API_URL", ...)}).
 */
public final class ServiceEnv {
    private final Map<String, String> vars = new HashMap<>();

    private ServiceEnv() {}

    /** A service on its own new database, keeping its files in {@code dataDir}. */
    public static ServiceEnv in(Path dataDir) {
        return onDatabase(PostgresExtension.newDatabase(), dataDir);
    }

    /** A service on the existing test database {@code databaseName} (a restart, or two instances on one database). */
    public static ServiceEnv onDatabase(String databaseName, Path dataDir) {
        ServiceEnv env = new ServiceEnv();
        env.vars.put("AIL_DATABASE_URL", PostgresExtension.jdbcUrl(databaseName));
        env.vars.put("AIL_DATABASE_USER", "postgres");
        env.vars.put("AIL_ENCRYPTION_KEY", PostgresExtension.MASTER_KEY_BASE64);
        env.vars.put("AIL_DATA_DIR", dataDir.toString());
        env.vars.put("AIL_PORT", "0");
        env.vars.put("AIL_INSECURE_LOOPBACK", "true");
        env.vars.put("AIL_POLL_INTERVAL_MS", "100");
        // tests send commands faster than people do; the throttle's own tests turn it back on
        env.vars.put("AIL_COMMANDS_PER_MINUTE_USER", "0");
        env.vars.put("AIL_COMMANDS_PER_MINUTE_WORKSPACE", "0");
        return env;
    }

    public ServiceEnv with(String name, String value) {
        vars.put(name, value);
        return this;
    }

    public ServiceEnv without(String name) {
        vars.remove(name);
        return this;
    }

    /** The variables, as Main would read them from the environment. */
    public Map<String, String> vars() {
        return Map.copyOf(vars);
    }

    public Config config() {
        return Config.from(vars);
    }

    /** The service, started as Main starts it, on the system clock. */
    public App start() {
        return start(List.of());
    }

    /** The service started on exactly these variables, as Main would start it. */
    public static App start(Map<String, String> vars) {
        return App.create(Config.from(vars), Clock.systemUTC(), List.of()).launch();
    }

    /** The service with the notifiers of local front ends (a recording one, as the console's would be). */
    public App start(List<Notifier> notifiers) {
        return App.create(config(), Clock.systemUTC(), notifiers).launch();
    }
}
