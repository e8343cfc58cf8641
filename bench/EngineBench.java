import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.engine.Announcer;
import com.ailsocialautomation.engine.Backoff;
import com.ailsocialautomation.engine.CredentialKeeper;
import com.ailsocialautomation.engine.Engine;
import com.ailsocialautomation.engine.GuardedMediaSource;
import com.ailsocialautomation.engine.MediaPipeline;
import com.ailsocialautomation.engine.PostMedia;
import com.ailsocialautomation.media.MediaStore;
import com.ailsocialautomation.engine.Publisher;
import com.ailsocialautomation.net.GuardedHttp;
import com.ailsocialautomation.net.HttpLimits;
import com.ailsocialautomation.net.Resolver;
import com.ailsocialautomation.net.UrlGuard;
import com.ailsocialautomation.notify.Outbox;
import com.ailsocialautomation.platform.Providers;
import com.ailsocialautomation.platform.webhook.WebhookProvider;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.Attempts;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.Database;
import com.ailsocialautomation.store.NewAccount;
import com.ailsocialautomation.store.Posts;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.StoredTokens;
import com.ailsocialautomation.store.Targets;
import com.ailsocialautomation.store.Vault;
import com.ailsocialautomation.store.Workspaces;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publishing throughput and dispatch lag of the real engine (db-scheduler on an embedded PostgreSQL) against a
 * loopback webhook that answers in 50 ms, with 1 and 2 engine instances on one database.
 * Burst: N targets all due at the same moment; throughput = N / (last delivery - due time).
 * Steady: targets due at a fixed rate below capacity; lag = request arrival - due time, p50 and p99.
 * Run with bench/engine.sh.
 */
public class EngineBench {
    static final Pattern SCHEDULED = Pattern.compile("\"scheduled_at\":\"([^\"]+)\"");
    static final ConcurrentLinkedQueue<long[]> arrivals = new ConcurrentLinkedQueue<>(); // {arrival ms, due ms}

    public static void main(String[] args) throws Exception {
        int burst = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        HttpServer hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hook.setExecutor(Executors.newCachedThreadPool());
        hook.createContext("/hook", ex -> {
            long now = System.currentTimeMillis();
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = SCHEDULED.matcher(body);
            if (m.find()) {
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
        String url = "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook";
        Path dir = Files.createTempDirectory("ail-engine-bench");
        try {
            runAll(dir, url, burst);
        } finally {
            // the hook's worker threads are not daemons: without shutting them down the JVM outlives the figures
            hook.stop(0);
            ((ExecutorService) hook.getExecutor()).shutdownNow();
        }
    }

    static void runAll(Path dir, String url, int burst) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true).start()) {
            for (int engines : new int[] {1, 2}) {
                String name = "bench" + engines;
                try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
                    s.execute("create database " + name);
                }
                try (Database db = Database.over(pg.getJdbcUrl("postgres", name), "postgres", null, null)) {
                    db.migrate();
                    byte[] key = new byte[32];
                    new SecureRandom().nextBytes(key);
                    run(db, Vault.open(db.dataSource(), key), url, engines, burst);
                }
            }
        }
    }

    static void run(Database db, Vault vault, String url, int engineCount, int burst) throws Exception {
        Sql sql = new Sql(db.dataSource());
        Workspaces workspaces = new Workspaces(sql);
        Accounts accounts = new Accounts(sql, vault);
        Posts posts = new Posts(sql, vault);
        UUID ws = workspaces.ensure(FrontEnd.CONSOLE, "bench", "bench");
        ChatUser user = workspaces.ensureUser(ws, "bench", "bench");
        Account account = accounts.connect(ws, user.id(), new NewAccount(PlatformId.WEBHOOK, "bench", "bench", "bench", null, url, null, null),
                new StoredTokens(Secret.of("whsec_bench"), null, null, null));
        Config.Engine settings = new Config.Engine(Duration.ofMillis(100), Duration.ofSeconds(10), 5, 8, Duration.ofSeconds(10));
        List<Engine> engines = new ArrayList<>();
        List<GuardedHttp> clients = new ArrayList<>();
        for (int i = 0; i < engineCount; i++) {
            GuardedHttp http = new GuardedHttp(new UrlGuard(true, Resolver.system()), HttpLimits.defaults());
            clients.add(http);
            SimpleMeterRegistry metrics = new SimpleMeterRegistry();
            Clock clock = Clock.systemUTC();
            Publisher publisher = new Publisher(new Targets(sql, vault), posts, accounts, new Attempts(sql, vault), workspaces,
                    new Providers(List.of(new WebhookProvider(http))), new CredentialKeeper(accounts, a -> null, clock, metrics),
                    new MediaPipeline(Duration.ofSeconds(1), Duration.ofMinutes(1)),
                    new PostMedia(new MediaStore(sql, vault), new GuardedMediaSource(http)), new Announcer(new Outbox(sql, vault)), clock, 5, Backoff.DEFAULT, metrics);
            engines.add(new Engine(sql, publisher, settings, clock, metrics, List.of()).start());
        }
        try {
            measure(ws, user, account, posts, engineCount, burst);
        } finally { // the schedulers' threads are not daemons: stopped even when a phase fails, so the JVM ends
            engines.forEach(Engine::close);
            clients.forEach(GuardedHttp::close);
        }
    }

    static void measure(UUID ws, ChatUser user, Account account, Posts posts, int engineCount, int burst) throws Exception {
        Thread.sleep(2000); // let the schedulers settle

        // Burst: every target due at once.
        arrivals.clear();
        Instant due = Instant.now().plusSeconds(3);
        for (int i = 0; i < burst; i++) {
            posts.create(ws, user.id(), "burst " + i, List.of(), due, null, List.of(account));
        }
        awaitArrivals(burst);
        long last = arrivals.stream().mapToLong(a -> a[0]).max().orElseThrow();
        double seconds = (last - due.toEpochMilli()) / 1000.0;
        List<Long> burstLags = lags();
        System.out.printf("%d engine(s), burst of %d due at once: %.0f targets/s; lag p50 %d ms, p99 %d ms%n",
                engineCount, burst, burst / seconds, pct(burstLags, 50), pct(burstLags, 99));

        // Steady: 40 targets per second for 15 s, well below capacity.
        arrivals.clear();
        Instant start = Instant.now().plusSeconds(3);
        int steady = 600;
        for (int i = 0; i < steady; i++) {
            posts.create(ws, user.id(), "steady " + i, List.of(), start.plusMillis(i * 25L), null, List.of(account));
        }
        awaitArrivals(steady);
        List<Long> steadyLags = lags();
        System.out.printf("%d engine(s), steady 40 targets/s: dispatch lag p50 %d ms, p99 %d ms%n",
                engineCount, pct(steadyLags, 50), pct(steadyLags, 99));
    }

    /** Waits for n requests at the receiver, at most five minutes: a benchmark that loses posts ends with an error. */
    static void awaitArrivals(int n) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
        while (arrivals.size() < n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + arrivals.size() + " of " + n + " posts arrived within five minutes");
            }
            Thread.sleep(20);
        }
    }

    static List<Long> lags() {
        List<Long> lags = new ArrayList<>();
        arrivals.forEach(a -> lags.add(a[0] - a[1]));
        Collections.sort(lags);
        return lags;
    }

    static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
