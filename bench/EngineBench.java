import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.engine.Engine;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.Database;
import com.ailsocialautomation.store.NewAccount;
import com.ailsocialautomation.store.StoredTokens;
import com.ailsocialautomation.store.Vault;
import com.ailsocialautomation.wiring.Owner;
import com.ailsocialautomation.wiring.Platforms;
import com.ailsocialautomation.wiring.Publishing;
import com.ailsocialautomation.wiring.Store;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publishing throughput and dispatch lag of AIL's engine, as the service wires it with its default settings, against
 * a loopback webhook that answers in 50 ms, next to the ceiling measured in the same run: a bare db-scheduler task
 * on the same database making the same HTTP call (the same webhook provider and client) with the same number of
 * threads and the same polling. PostgreSQL runs with fsync and synchronous commits on, as the service runs it.
 * Burst: N targets due at one moment; lag = arrival at the receiver - due time. Sustained: a larger batch, rate =
 * arrivals / (last - first arrival). Steady: 40 targets a second below capacity. CPU per target is this JVM's (the
 * engine, the receiver and the load) and the embedded PostgreSQL's (all its processes); heap is the most used at any
 * 50 ms sample. On a machine whose cores are busy with other work, the rates follow the CPU per target; the ratio to
 * the same run's ceiling is what compares. Both are measured warm: the ceiling after a warm-up run of its own, AIL
 * after a first run on a fresh instance, which is printed too ("just started": the JIT compiles AIL's code while it
 * publishes, as in a service just started). Last, the instances as a deployment runs them: processes of the built jar,
 * each with CPU of its own (see {@link #processes}). Run with bench/engine.sh.
 */
public class EngineBench {
    static final Pattern SCHEDULED = Pattern.compile("\"scheduled_at\":\"([^\"]+)\"");
    static final ConcurrentLinkedQueue<long[]> arrivals = new ConcurrentLinkedQueue<>(); // {arrival ms, due ms}
    static final AtomicLong peakHeap = new AtomicLong();
    static final Pattern POST_ID = Pattern.compile("\"post_id\":\"([^\"]+)\"");
    /** The posts that reached the receiver, and how many reached it again: a benchmark that posts twice ends with an error. */
    static final Set<String> delivered = ConcurrentHashMap.newKeySet();
    static final AtomicLong twice = new AtomicLong();

    /**
     * A phase's figures; {@code cpuMsPerTarget} is the engine's JVM CPU (this JVM's, which also runs the receiver and the
     * load, or the instance processes' alone), {@code jitMsPerTarget} the part of it the JIT's compiler threads spent
     * (a JVM that has run for minutes is still compiling: its share says how far from warm the figure is), and
     * {@code busyCores} the whole machine's cores busy from the due time to the last arrival: near this machine's
     * count, the phase was bound by its cores.
     */
    record Figures(int n, double perSecond, long p50, long p99, double cpuMsPerTarget, double jitMsPerTarget, double pgCpuMsPerTarget,
                   double busyCores) {}

    /**
     * BENCH_STATEMENTS=1: each sustained phase also lists PostgreSQL's statements per target (pg_stat_statements: calls,
     * execution and planning time, rows, WAL bytes and buffers), and PostgreSQL logs a sample of plans with their
     * buffers (auto_explain). It costs some speed, so the rates of such a run are not the ones to compare.
     */
    static final boolean STATEMENTS = "1".equals(System.getenv("BENCH_STATEMENTS"));
    static EmbeddedPostgres server;

    /** The embedded PostgreSQL's data directory: its processes' CPU is counted beside this JVM's. */
    static Path pgData;

    /** CPU time in ms of the embedded postmaster and its children (the backends), from /proc; 0 where there is none. */
    static long postgresCpuMillis() {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).trim());
            long millis = 0;
            try (var procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path proc : procs) {
                    try {
                        ProcStat stat = ProcStat.read(proc.resolve("stat"));
                        if (Long.parseLong(proc.getFileName().toString()) == postmaster || stat.parent() == postmaster) {
                            millis += stat.cpuMillis();
                        }
                    } catch (Exception gone) { // a backend that ended meanwhile
                    }
                }
            }
            return millis;
        } catch (Exception e) {
            return 0;
        }
    }

    /** A process's (or a thread's) /proc stat file, read once: its command name, its parent's pid and its CPU time. */
    record ProcStat(String command, long parent, long cpuMillis) {
        static ProcStat read(Path file) throws IOException {
            String stat = Files.readString(file);
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // the fields after the name, which may hold spaces
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
            return new ProcStat(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')), Long.parseLong(f[1]),
                    ticks * 10); // USER_HZ is 100 on Linux
        }
    }

    public static void main(String[] args) throws Exception {
        int burst = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        int sustained = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        HttpServer hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        hook.setExecutor(Executors.newCachedThreadPool());
        hook.createContext("/hook", ex -> {
            long now = System.currentTimeMillis();
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher post = POST_ID.matcher(body);
            Matcher m = SCHEDULED.matcher(body);
            if (post.find() && !delivered.add(post.group(1))) {
                twice.incrementAndGet(); // a repeat is not an arrival: it must not stand in for a post still missing
            } else if (m.find()) {
                arrivals.add(new long[] {now, Instant.parse(m.group(1)).toEpochMilli()});
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException ignored) {
            }
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        hook.start();
        Thread sampler = new Thread(() -> {
            var memory = ManagementFactory.getMemoryMXBean();
            while (true) {
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        String url = "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook";
        Path dir = Files.createTempDirectory("ail-engine-bench");
        var builder = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        if (STATEMENTS) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements,auto_explain")
                    .setServerConfig("auto_explain.log_min_duration", "0").setServerConfig("auto_explain.sample_rate", "0.003")
                    .setServerConfig("auto_explain.log_analyze", "on").setServerConfig("auto_explain.log_buffers", "on")
                    .setServerConfig("auto_explain.log_nested_statements", "on")
                    .setServerConfig("logging_collector", "on").setServerConfig("log_directory", dir.resolve("pglog").toString())
                    .setServerConfig("pg_stat_statements.track_planning", "on").setServerConfig("pg_stat_statements.track", "all");
        }
        try (EmbeddedPostgres pg = builder.start()) {
            pgData = dir.resolve("pg");
            server = pg;
            if (STATEMENTS) {
                try (var c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
                    st.execute("create extension pg_stat_statements");
                }
                System.out.println("PostgreSQL's log, with a sample of plans (auto_explain): " + dir.resolve("pglog"));
            }
            Map<String, String> vars = new HashMap<>(Map.of("AIL_INSECURE_LOOPBACK", "true",
                    "AIL_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32))));
            System.getenv().forEach((k, v) -> { // AIL_ENGINE_THREADS=... bench/engine.sh tries other settings
                if (k.startsWith("AIL_")) {
                    vars.put(k, v);
                }
            });
            Config config = Config.from(vars);
            Config.Engine engine = config.engine();
            System.out.printf("settings: %d threads per instance, polling every %d ms, max heap %d MB%n", engine.threads(),
                    engine.pollInterval().toMillis(), Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("%-50s %8s %9s %9s %11s %7s %10s %11s%n", "", "targets/s", "lag p50", "lag p99", "JVM CPU ms", "of JIT",
                    "PG CPU ms", "cores busy");
            ceiling(pg, "warmup", url, config, 1, burst, burst).n(); // the JIT warms up on the ceiling's code and the shared client's
            Figures ceiling = ceiling(pg, "bare1", url, config, 1, burst, sustained);
            // AIL's own code warms up the same way before it is compared; what a just-started instance does is printed too
            Figures[] cold = ail(pg, "ail0", url, config, 1, burst, sustained, true);
            Figures[] one = ail(pg, "ail1", url, config, 1, burst, sustained, false);
            Figures[] two = ail(pg, "ail2", url, config, 2, burst, sustained, false);
            System.out.printf("AIL / bare db-scheduler, sustained rate, 1 instance: %.2f (must be >= 0.70)%n",
                    one[1].perSecond() / ceiling.perSecond());
            System.out.printf("2 instances / 1 instance, sustained rate: %.2fx (must be >= 1.8)%n",
                    two[1].perSecond() / one[1].perSecond());
            System.out.printf("burst of %d, 1 instance: p99 lag %d ms (must be < 2000); on an instance just started: %d ms%n", burst,
                    one[0].p99(), cold[0].p99());
            System.out.printf("heap used at most: %d MB of %d MB%n", peakHeap.get() >> 20, Runtime.getRuntime().maxMemory() >> 20);
            projection(engine.threads(), ceiling, one[1], two[1]);
            processes(pg, url, config, 2 * sustained);
            exactlyOnce();
        } finally {
            // the hook's worker threads are not daemons: without shutting them down the JVM outlives the figures
            hook.stop(0);
            ((ExecutorService) hook.getExecutor()).shutdownNow();
        }
    }

    /**
     * What the CPU per target says, beside the rates: on this machine's shared cores every target costs its JVM and
     * PostgreSQL CPU on the same cores, so two instances add little; where each instance and PostgreSQL have cores of
     * their own, an instance is limited by its threads (each waiting 50 ms for the receiver) or by its JVM CPU, and
     * instances on one database by PostgreSQL's CPU. The JVM figure also holds the receiver and the load, so an
     * instance alone needs less: the projection errs low.
     */
    static void projection(int threads, Figures ceiling, Figures one, Figures two) {
        int cores = Runtime.getRuntime().availableProcessors();
        double jvm = one.cpuMsPerTarget();
        double pg = one.pgCpuMsPerTarget();
        System.out.printf("CPU per target, sustained: AIL %.2f ms JVM + %.2f ms PostgreSQL = %.2f ms (2 instances: %.2f + %.2f);"
                + " the ceiling %.2f + %.2f = %.2f ms%n", jvm, pg, jvm + pg, two.cpuMsPerTarget(), two.pgCpuMsPerTarget(),
                ceiling.cpuMsPerTarget(), ceiling.pgCpuMsPerTarget(), ceiling.cpuMsPerTarget() + ceiling.pgCpuMsPerTarget());
        System.out.printf("of the JVM's CPU per target, its JIT still compiling: %.2f ms with 1 instance, %.2f ms with 2 (the ceiling %.2f ms)%n",
                one.jitMsPerTarget(), two.jitMsPerTarget(), ceiling.jitMsPerTarget());
        System.out.printf("on these %d shared cores the CPU allows at most %.0f targets/s for AIL (%.0f for the ceiling),"
                + " however many instances%n", cores, cores * 1000 / (jvm + pg),
                cores * 1000 / (ceiling.cpuMsPerTarget() + ceiling.pgCpuMsPerTarget()));
        double byThreads = threads / 0.05;
        double instance = Math.min(byThreads, cores * 1000 / jvm);
        double database = cores * 1000 / pg;
        double both = Math.min(2 * instance, database);
        System.out.printf("cores not the limit (each instance and PostgreSQL on %d cores of their own): 1 instance %.0f targets/s"
                + " (threads allow %.0f, its JVM CPU %.0f), 2 instances %.0f (%.2fx; PostgreSQL's CPU allows %.0f)%n",
                cores, Math.min(instance, database), byThreads, cores * 1000 / jvm, both, both / Math.min(instance, database), database);
    }

    /**
     * Instances as a deployment runs them, each with CPU of its own: processes of the built jar ({@code serve},
     * {@code -Xmx256m}) on the one PostgreSQL, each in a cgroup whose CPU quota is BENCH_INSTANCE_CPUS cores (a quarter
     * of this machine's by default, as a container's CPU limit would give it), so that two instances, PostgreSQL and the
     * receiver fit on these cores at once. What the second instance adds is then what the shared parts allow (the
     * database, its locks, the shared queue), not what is left of the first one's cores; the cores-busy column says
     * whether the machine had room. The batch is {@code batch} posts due at once (twice the in-JVM sustained batch: at
     * a quarter of the machine an instance is slower). Each instance first publishes about one batch unmeasured with its
     * quota lifted, so that its JIT is warm, as the in-JVM phases are (under the quota the compiler threads, competing
     * with the publishing ones, were still compiling through the measured batch: half of its CPU). The JVM still sizes
     * itself for the quota it started under (one processor: the serial collector, one thread per compiler). Needs a
     * writable cgroup cpu controller (root): without one it says so and ends.
     */
    static void processes(EmbeddedPostgres pg, String url, Config config, int batch) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        double cpus = Double.parseDouble(System.getenv().getOrDefault("BENCH_INSTANCE_CPUS", String.valueOf(cores / 4.0)));
        if (!CpuGroup.available()) {
            System.out.println("instances with CPU of their own: skipped (it needs a writable cgroup cpu controller: run as root)");
            return;
        }
        System.out.printf("instances as processes of target/ail.jar (serve, -Xmx256m) on the one PostgreSQL, each limited to"
                + " %.2f cores by a cgroup CPU quota (JVM CPU: the instances' own):%n", cpus);
        Figures one = instances(pg, "ailp1", url, config, 1, cpus, batch);
        Figures two = instances(pg, "ailp2", url, config, 2, cpus, batch);
        System.out.printf("2 instances / 1 instance, each with %.2f cores of its own, sustained rate: %.2fx (must be >= 1.8)%n",
                cpus, two.perSecond() / one.perSecond());
    }

    /** {@code n} instance processes on a fresh database, each limited to {@code cpus} cores: a sustained batch. */
    static Figures instances(EmbeddedPostgres pg, String name, String url, Config config, int n, double cpus, int batch)
            throws Exception {
        try (Database db = database(pg, name, config)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Store store = Store.over(db.dataSource(), Vault.open(db.dataSource(), key));
            Poster poster = Poster.over(store, url);
            List<Instance> running = new ArrayList<>();
            try {
                for (int i = 0; i < n; i++) {
                    running.add(Instance.start(pg.getJdbcUrl("postgres", name), key, cpus, name + "-" + i));
                }
                LongSupplier cpu = () -> running.stream().mapToLong(Instance::cpuNanos).sum();
                LongSupplier jit = () -> running.stream().mapToLong(i -> compilerCpuMillis(i.process().pid())).sum();
                // the JIT warms up: each instance publishes about one batch first, without its quota, which would leave the
                // compiler threads (competing with 128 publishing ones for it) compiling through the measured batch
                running.forEach(i -> i.group().limit(0));
                phase(batch * n, poster.create(batch * n), release(store, 0), true, cpu, jit);
                running.forEach(i -> i.group().limit(cpus));
                Figures f = phase(batch, poster.create(batch), release(store, 0), true, cpu, jit);
                running.forEach(Instance::requireAlive);
                print(n + " instance process" + (n > 1 ? "es" : "") + String.format(", %.2f cores each, sustained", cpus), f);
                return f;
            } finally {
                for (Instance instance : reversed(running)) {
                    instance.close();
                }
            }
        }
    }

    /** A process of the built jar serving on the given database, in a cgroup with a CPU quota; stopped with SIGTERM. */
    record Instance(Process process, CpuGroup group, Path log) implements AutoCloseable {
        /** The instances running, which a Ctrl-C stops too (it skips the finally blocks). */
        static final Set<Instance> LIVE = ConcurrentHashMap.newKeySet();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (Instance instance : LIVE) {
                    try {
                        instance.close();
                    } catch (Exception e) { // the JVM is ending: the rest still gets its turn
                    }
                }
            }));
        }

        static Instance start(String jdbcUrl, byte[] key, double cpus, String name) throws Exception {
            CpuGroup group = CpuGroup.create("ail-bench-" + ProcessHandle.current().pid() + "-" + name, cpus);
            try {
                return start(jdbcUrl, key, group, name);
            } catch (Throwable e) {
                group.close();
                throw e;
            }
        }

        private static Instance start(String jdbcUrl, byte[] key, CpuGroup group, String name) throws Exception {
            Path dir = Files.createTempDirectory("ail-bench-" + name);
            int port;
            try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            String javaBin = ProcessHandle.current().info().command().orElse("java");
            // the shell joins the cgroup and then becomes the JVM, so every thread the JVM starts is in it
            ProcessBuilder pb = new ProcessBuilder("sh", "-c", "echo $$ > \"$1\" && exec \"$2\" -Xmx256m -jar target/ail.jar serve",
                    "sh", group.procs().toString(), javaBin);
            pb.environment().putAll(Map.of("AIL_DATABASE_URL", jdbcUrl, "AIL_DATABASE_USER", "postgres",
                    "AIL_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(key), "AIL_PORT", String.valueOf(port),
                    "AIL_INSECURE_LOOPBACK", "true", "AIL_DATA_DIR", dir.resolve("data").toString()));
            Path log = dir.resolve("log.txt");
            Instance instance = new Instance(pb.redirectErrorStream(true).redirectOutput(log.toFile()).start(), group, log);
            LIVE.add(instance);
            try {
                var client = HttpClient.newHttpClient();
                var ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                        .timeout(Duration.ofSeconds(5)).build();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (true) {
                    try {
                        if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                            return instance;
                        }
                    } catch (IOException notYet) { // not listening yet, or not answering within 5 s
                    }
                    if (!instance.process.isAlive() || System.nanoTime() > deadline) {
                        throw new IllegalStateException("instance " + name + " did not become ready; its log: " + log);
                    }
                    Thread.sleep(50);
                }
            } catch (Throwable e) {
                instance.process.destroyForcibly().waitFor();
                LIVE.remove(instance);
                throw e;
            }
        }

        /** Ends the benchmark if the process has ended: a figure over a process that died meanwhile would mean nothing. */
        void requireAlive() {
            if (!process.isAlive()) {
                throw new IllegalStateException("an instance process ended during the batch; its log: " + log);
            }
        }

        /** The process's CPU time in ns (all its threads), from /proc. */
        long cpuNanos() {
            try {
                return ProcStat.read(Path.of("/proc", String.valueOf(process.pid()), "stat")).cpuMillis() * 1_000_000L;
            } catch (Exception ended) {
                return 0;
            }
        }

        /** Stops the process (SIGTERM, then SIGKILL after 30 s), then removes its group and its files. */
        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            LIVE.remove(this);
            group.close();
            try (var files = Files.walk(log.getParent())) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** A cgroup (v1's cpu controller or v2's cpu.max) limiting its processes to a number of cores. */
    record CpuGroup(Path dir, Path procs) implements AutoCloseable {
        static final Path V1 = Path.of("/sys/fs/cgroup/cpu");
        static final Path V2 = Path.of("/sys/fs/cgroup");

        static boolean available() {
            try {
                create("ail-bench-probe-" + ProcessHandle.current().pid(), 1).close();
                return true;
            } catch (Exception e) {
                return false;
            }
        }

        static CpuGroup create(String name, double cpus) throws Exception {
            CpuGroup group;
            if (Files.exists(V1.resolve("cpu.cfs_quota_us"))) {
                Path dir = Files.createDirectories(V1.resolve(name));
                group = new CpuGroup(dir, dir.resolve("cgroup.procs"));
            } else if (List.of(Files.readString(V2.resolve("cgroup.subtree_control")).trim().split("\\s+")).contains("cpu")) {
                Path dir = Files.createDirectories(V2.resolve(name));
                group = new CpuGroup(dir, dir.resolve("cgroup.procs"));
            } else {
                throw new IllegalStateException("no cgroup cpu controller");
            }
            try {
                group.limit(cpus);
            } catch (RuntimeException e) {
                group.close();
                throw e;
            }
            return group;
        }

        /** Limits the group's processes to {@code cpus} cores, or lifts the limit (0). */
        void limit(double cpus) {
            long period = 100_000;
            String quota = cpus <= 0 ? null : String.valueOf(Math.round(cpus * period));
            try {
                if (dir.startsWith(V1)) {
                    Files.writeString(dir.resolve("cpu.cfs_period_us"), String.valueOf(period));
                    Files.writeString(dir.resolve("cpu.cfs_quota_us"), quota == null ? "-1" : quota);
                } else {
                    Files.writeString(dir.resolve("cpu.max"), (quota == null ? "max" : quota) + " " + period);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot set the CPU quota of " + dir, e);
            }
        }

        /** Removes the group once its processes have left it (the kernel empties it a moment after they end). */
        @Override
        public void close() throws Exception {
            for (int i = 0; i < 50; i++) {
                try {
                    Files.deleteIfExists(dir);
                    return;
                } catch (IOException busy) {
                    Thread.sleep(100);
                }
            }
        }
    }

    /** The ceiling: db-scheduler alone, one execution per target whose task makes the webhook call and nothing else. */
    static Figures ceiling(EmbeddedPostgres pg, String name, String url, Config config, int instances, int burst, int sustained)
            throws Exception {
        try (Database db = database(pg, name, config)) {
            Store store = Store.over(db.dataSource(), vault(db));
            Platforms platforms = Platforms.of(config, store, Owner.none(), Clock.systemUTC());
            var webhook = platforms.providers.get(Platform.WEBHOOK);
            Credentials creds = new Credentials(Secret.of("whsec_bench"), null, null, url, "bench", "bench", null);
            OneTimeTask<Void> bare = Tasks.oneTime("bare-webhook").execute((instance, context) ->
                    webhook.publish(creds, new PublishRequest(instance.getId(), "bench", List.of(), List.of(), UUID.randomUUID(),
                            context.getExecution().executionTime)));
            Config.Engine e = config.engine();
            Scheduler scheduler = Scheduler.create(db.dataSource(), List.of(bare)).threads(e.threads())
                    .pollingInterval(e.pollInterval()).heartbeatInterval(e.heartbeat()).pollUsingLockAndFetch(0.5, 1.0)
                    .enableImmediateExecution().build();
            scheduler.start();
            try {
                Thread.sleep(1000);
                Instant far = Instant.now().plusSeconds(3600);
                Figures f = phase(sustained, () -> {
                    for (int i = 0; i < sustained; i++) {
                        scheduler.schedule(bare.instance("b" + i), far);
                    }
                }, due -> store.sql.update("update scheduled_tasks set execution_time = ? where task_name = 'bare-webhook'", due), true);
                if (!name.equals("warmup")) {
                    print("bare db-scheduler + webhook call, sustained", f);
                }
                return f;
            } finally {
                scheduler.stop();
                platforms.http.close();
            }
        }
    }

    /**
     * AIL's engine on 1 or more instances: the burst, the sustained batch and the steady rate. {@code justStarted}: the
     * first run in this JVM, whose code the JIT has not compiled yet, as in a service just started; no steady phase.
     */
    static Figures[] ail(EmbeddedPostgres pg, String name, String url, Config config, int instances, int burst, int sustained,
                         boolean justStarted) throws Exception {
        try (Database db = database(pg, name, config)) {
            Vault vault = vault(db);
            List<AutoCloseable> parts = new ArrayList<>();
            Store store = Store.over(db.dataSource(), vault);
            Poster poster = Poster.over(store, url);
            try {
                for (int i = 0; i < instances; i++) {
                    Store own = Store.over(db.dataSource(), vault);
                    Platforms platforms = Platforms.of(config, own, Owner.none(), Clock.systemUTC());
                    parts.add(platforms.http);
                    parts.add(new Publishing(config, Clock.systemUTC(), own, platforms, new SimpleMeterRegistry(), Publishing.DEFAULT).start());
                }
                Thread.sleep(1000);
                String label = instances + " AIL instance" + (instances > 1 ? "s" : "") + (justStarted ? " just started" : "");
                Figures b = phase(burst, poster.create(burst), release(store, 0), false);
                print(label + ", burst of " + burst, b);
                Figures s = phase(sustained, poster.create(sustained), release(store, 0), true);
                print(label + ", sustained", s);
                if (justStarted) {
                    return new Figures[] {b, s};
                }
                Figures st = phase(600, poster.create(600), release(store, 25), false);
                print(label + ", steady 40 targets/s", st);
                return new Figures[] {b, s, st};
            } finally {
                for (AutoCloseable part : reversed(parts)) {
                    part.close();
                }
            }
        }
    }

    /** A workspace with one webhook account, to the receiver at {@code url}, whose posts the phases create. */
    record Poster(Store store, UUID ws, ChatUser user, Account account) {
        static Poster over(Store store, String url) {
            UUID ws = store.workspaces.ensure(FrontEnd.CONSOLE, "bench", "bench");
            ChatUser user = store.workspaces.ensureUser(ws, "bench", "bench");
            Account account = store.accounts.connect(ws, user.id(), new NewAccount(PlatformId.WEBHOOK, "bench", "bench", "bench",
                    null, url, null, null), new StoredTokens(Secret.of("whsec_bench"), null, null, null));
            return new Poster(store, ws, user, account);
        }

        /** n posts due an hour ahead: created before the clock starts, as the morning's posts were made the day before. */
        Runnable create(int n) {
            return () -> {
                Instant far = Instant.now().plusSeconds(3600);
                for (int i = 0; i < n; i++) {
                    store.posts.create(ws, user.id(), "bench " + i, List.of(), far, null, List.of(account));
                }
            };
        }
    }

    /** Moves the waiting posts (and their targets' executions) to {@code due} plus i * gapMs, in one transaction. */
    static Consumer<Instant> release(Store store, long gapMs) {
        return due -> store.sql.transaction(tx -> {
            tx.update("""
                    with x as (select id, row_number() over (order by id) - 1 as i from posts where scheduled_at > now() + interval '30 minutes')
                    update posts p set scheduled_at = ?::timestamptz + x.i * ? * interval '1 millisecond' from x where p.id = x.id""",
                    due, gapMs);
            tx.update("update post_targets t set due_at = p.scheduled_at from posts p where t.post_id = p.id and t.state = 'scheduled'");
            tx.update("""
                    update scheduled_tasks s set execution_time = t.due_at from post_targets t
                    where s.task_instance = t.workspace_id || '/' || t.id and s.picked = false""");
            return null;
        });
    }

    /**
     * Prepares n deliveries far ahead, releases them due 1.5 s later, waits for them at the receiver and measures
     * the rate (n over last arrival - due, or over last - first arrival for a sustained rate) and the lag.
     */
    static Figures phase(int n, Runnable prepare, Consumer<Instant> release, boolean sustainedRate) throws Exception {
        long self = ProcessHandle.current().pid();
        return phase(n, prepare, release, sustainedRate, EngineBench::jvmCpuNanos, () -> compilerCpuMillis(self));
    }

    /** The same, with the engine's CPU (in ns) read from {@code engineCpu} and its compiler threads' (in ms) from {@code jitCpu}. */
    static Figures phase(int n, Runnable prepare, Consumer<Instant> release, boolean sustainedRate, LongSupplier engineCpu,
                         LongSupplier jitCpu) throws Exception {
        prepare.run();
        exactlyOnce();
        System.gc();
        arrivals.clear();
        delivered.clear();
        long cpu0 = engineCpu.getAsLong();
        long jit0 = jitCpu.getAsLong();
        long pg0 = postgresCpuMillis();
        Instant due = Instant.now().plusMillis(1500);
        statements(null);
        release.accept(due);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis())); // the machine's work from the due time on
        long busy0 = machineBusyMillis();
        long wall0 = System.currentTimeMillis();
        awaitArrivals(n);
        long busy = machineBusyMillis() - busy0;
        long wall = System.currentTimeMillis() - wall0;
        if (sustainedRate) {
            statements(n);
        }
        long cpu = engineCpu.getAsLong() - cpu0;
        long jit = jitCpu.getAsLong() - jit0;
        long pg = postgresCpuMillis() - pg0;
        exactlyOnce();
        List<Long> lags = new ArrayList<>();
        long first = Long.MAX_VALUE;
        long last = 0;
        for (long[] a : arrivals) {
            lags.add(a[0] - a[1]);
            first = Math.min(first, a[0]);
            last = Math.max(last, a[0]);
        }
        Collections.sort(lags);
        double seconds = (last - (sustainedRate ? first : due.toEpochMilli())) / 1000.0;
        return new Figures(n, (sustainedRate ? n - 1 : n) / seconds, pct(lags, 50), pct(lags, 99), cpu / 1e6 / n, (double) jit / n, (double) pg / n,
                (double) busy / wall);
    }

    /** Ends the benchmark if a post reached the receiver twice (in this phase, or late from the one before). */
    static void exactlyOnce() {
        if (twice.get() > 0) {
            throw new IllegalStateException(twice.get() + " posts reached the receiver twice: each must be published exactly once");
        }
    }

    /**
     * The CPU time in ms of a JVM's JIT compiler threads (C1 and C2), from /proc; 0 where there is none. A compiler thread
     * that ends takes its time with it (the JVM adds and ends them as its queue grows, above one of each on machines
     * with more cores), so on such machines the figure can err low.
     */
    static long compilerCpuMillis(long pid) {
        long millis = 0;
        try (var tasks = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    ProcStat stat = ProcStat.read(task.resolve("stat"));
                    if (stat.command().startsWith("C1 Compiler") || stat.command().startsWith("C2 Compiler")) {
                        millis += stat.cpuMillis();
                    }
                } catch (Exception gone) { // a thread that ended meanwhile
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return millis;
    }

    /** This JVM's CPU time in ns. */
    static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * The CPU time in ms all of this machine's cores spent busy, from /proc/stat: not idle and not waiting for I/O; time
     * the hypervisor gave to others while a core had work (steal) counts as busy, as that core had no room either.
     */
    static long machineBusyMillis() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) { // user nice system idle iowait irq softirq steal
                busy += i == 4 || i == 5 ? 0 : Long.parseLong(f[i]);
            }
            return busy * 10; // USER_HZ is 100 on Linux
        } catch (Exception e) {
            return 0;
        }
    }

    /** Resets pg_stat_statements (n null) or prints what ran per target since, the costliest first. */
    static void statements(Integer n) throws Exception {
        if (!STATEMENTS) {
            return;
        }
        try (var c = server.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            if (n == null) {
                st.execute("select pg_stat_statements_reset()");
                return;
            }
            try (var rs = st.executeQuery("select calls, total_exec_time, rows, wal_bytes, query, shared_blks_hit, total_plan_time, plans from pg_stat_statements "
                    + "where dbid <> (select oid from pg_database where datname = 'postgres') order by total_exec_time desc limit 25")) {
                System.out.printf("  %8s %8s %8s %8s %8s %8s %8s  %s%n", "calls/t", "ms/t", "rows/t", "walB/t", "blks/t", "plan ms/t", "plans/t", "statement");
                while (rs.next()) {
                    String query = rs.getString(5).replaceAll("\\s+", " ");
                    System.out.printf("  %8.2f %8.3f %8.2f %8.0f %8.1f %8.3f %8.2f  %s%n", rs.getLong(1) / (double) n, rs.getDouble(2) / n,
                            rs.getLong(3) / (double) n, rs.getDouble(4) / n, rs.getLong(6) / (double) n, rs.getDouble(7) / n, rs.getLong(8) / (double) n,
                            query.substring(0, Math.min(150, query.length())));
                }
            }
        }
    }

    static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    static void print(String label, Figures f) {
        System.out.printf("%-50s %8.0f %8d ms %7d ms %11.2f %7.2f %10.2f %11.1f%n", label, f.perSecond(), f.p50(), f.p99(),
                f.cpuMsPerTarget(), f.jitMsPerTarget(), f.pgCpuMsPerTarget(), f.busyCores());
    }

    static Database database(EmbeddedPostgres pg, String name, Config config) throws Exception {
        try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("create database " + name);
        }
        Database db = Database.over(pg.getJdbcUrl("postgres", name), "postgres", null, null,
                Database.poolSize(config.engine().threads()));
        db.migrate();
        return db;
    }

    static Vault vault(Database db) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Vault.open(db.dataSource(), key);
    }

    /** Waits for n requests at the receiver, at most five minutes: a benchmark that loses posts ends with an error. */
    static void awaitArrivals(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (arrivals.size() < n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + arrivals.size() + " of " + n + " posts arrived within five minutes");
            }
            Thread.sleep(20);
        }
    }

    static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
