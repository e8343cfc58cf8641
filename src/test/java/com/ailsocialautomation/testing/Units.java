package com.ailsocialautomation.testing;

import com.ailsocialautomation.command.Action;
import com.ailsocialautomation.command.Handler;
import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.engine.Engine;
import com.ailsocialautomation.net.GuardedHttp;
import com.ailsocialautomation.net.Resolver;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.store.Vault;
import com.ailsocialautomation.wiring.CommandLayer;
import com.ailsocialautomation.wiring.Platforms;
import com.ailsocialautomation.wiring.Publishing;
import com.ailsocialautomation.wiring.Store;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The service's own wiring units (store, platforms, publishing, command layer) over a test database, as the app
 * builds them, with what a test needs in place of the outside world: its clock, platform stand-ins and, where a
 * test is about a front end, stand-in handlers. Nothing starts until a test starts the engine.
 */
public final class Units implements AutoCloseable {
    public final Config config;
    public final Clock clock;
    public final MeterRegistry metrics;
    public final Store store;
    public final Platforms platforms;
    public final Publishing publishing;
    public final CommandLayer commandLayer;
    private final Deque<AutoCloseable> owned = new ArrayDeque<>();

    private Units(Builder b) {
        config = b.config();
        clock = b.clock;
        metrics = b.metrics;
        store = Store.over(b.dataSource, b.vault);
        platforms = Platforms.with(config, store, (name, part) -> owned.push(part), clock, b.resolver, b.providers);
        publishing = new Publishing(config, clock, store, platforms, metrics, b.tuning);
        commandLayer = new CommandLayer(config, clock, store, platforms, publishing,
                new CommandLayer.Overrides(b.handlers, b.actions));
    }

    public static Builder over(DataSource dataSource, Vault vault) {
        return new Builder(dataSource, vault);
    }

    public static Builder over(PostgresExtension pg) {
        return new Builder(pg.dataSource(), pg.vault());
    }

    /** Starts the publishing engine; closing these units stops it. */
    public Engine startEngine() {
        Engine engine = publishing.start();
        owned.push(engine);
        return engine;
    }

    @Override
    public void close() {
        while (!owned.isEmpty()) {
            try {
                owned.pop().close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static final class Builder {
        private final DataSource dataSource;
        private final Vault vault;
        private final Map<String, String> env = new HashMap<>(Map.of("AIL_INSECURE_LOOPBACK", "true",
                "AIL_HTTP_TIMEOUT_SECONDS", "3", "AIL_POLL_INTERVAL_MS", "200", "AIL_ENGINE_THREADS", "4",
                "AIL_HEARTBEAT_MS", "300", "AIL_COMMANDS_PER_MINUTE_USER", "0", "AIL_COMMANDS_PER_MINUTE_WORKSPACE", "0"));
        private Clock clock = Clock.systemUTC();
        private MeterRegistry metrics = new SimpleMeterRegistry();
        private Config.Engine engine;
        private Function<GuardedHttp, List<Provider>> providers = http -> List.of();
        private Resolver resolver = Resolver.system();
        private Publishing.Tuning tuning = Publishing.DEFAULT;
        private final List<Handler> handlers = new ArrayList<>();
        private final Map<String, Action> actions = new HashMap<>();

        private Builder(DataSource dataSource, Vault vault) {
            this.dataSource = dataSource;
            this.vault = vault;
        }

        /** A setting as the environment would give it. */
        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        public Builder clock(Clock testClock) {
            clock = testClock;
            return this;
        }

        /** Where the units record metrics (shared by several engines of one test). */
        public Builder metrics(MeterRegistry registry) {
            metrics = registry;
            return this;
        }

        public Builder engine(Config.Engine settings) {
            engine = settings;
            return this;
        }

        /** Platform stand-ins, added to (and replacing by id) the providers the configuration turns on. */
        public Builder providers(Function<GuardedHttp, List<Provider>> standIns) {
            providers = standIns;
            return this;
        }

        /** How host names resolve for the URL guard (public names without asking real DNS). */
        public Builder resolver(Resolver names) {
            resolver = names;
            return this;
        }

        public Builder tuning(Publishing.Tuning timings) {
            tuning = timings;
            return this;
        }

        /** Stand-in handlers for the subcommands they serve. */
        public Builder handlers(List<Handler> standIns) {
            handlers.addAll(standIns);
            return this;
        }

        public Builder actions(Map<String, Action> standIns) {
            actions.putAll(standIns);
            return this;
        }

        private Config config() {
            Config config = Config.from(env);
            return engine == null ? config : config.withEngine(engine);
        }

        public Units build() {
            return new Units(this);
        }
    }
}
