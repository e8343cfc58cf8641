import com.ailsocialautomation.command.Caller;
import com.ailsocialautomation.command.CommandService;
import com.ailsocialautomation.command.Compose;
import com.ailsocialautomation.command.Handler;
import com.ailsocialautomation.command.HelpCommand;
import com.ailsocialautomation.command.Overview;
import com.ailsocialautomation.command.ParsedCommand;
import com.ailsocialautomation.command.Subcommand;
import com.ailsocialautomation.command.Throttle;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.net.Resolver;
import com.ailsocialautomation.net.UrlGuard;
import com.ailsocialautomation.slack.SlackFrontEnd;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.Database;
import com.ailsocialautomation.store.Posts;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.Vault;
import com.ailsocialautomation.store.Workspaces;
import com.ailsocialautomation.web.HealthRoutes;
import com.ailsocialautomation.web.WebServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Signed slash-command acks per second and p99 latency, 50 concurrent clients on loopback: each request is a
 * correctly signed {@code /ail help} that passes the signature check, Bolt and the command layer (one PostgreSQL read
 * for the workspace and the user once they exist) and is answered in the ack. Measured in the same run against
 * {@code GET /healthz} on the same server; the ratio is what the Slack path costs. PostgreSQL runs with fsync on, as
 * the service runs it. A local HTTP server stands in for
 * Slack's Web API (auth.test once, users.info once per user: both are cached). Run with bench/slack.sh.
 */
public class SlackBench {
    static final String SECRET = "bench-signing-secret";
    static final int CLIENTS = 50;
    /** No request waits longer, so a stuck connection cannot keep the benchmark from ending. */
    static final java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(10);

    record Result(double perSecond, double p50, double p99, long errors) {}

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10.0;
        Path dir = Files.createTempDirectory("ail-bench");
        HttpServer slackApi = fakeSlack();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true)
                     .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start(); // as the service runs it
             Database db = Database.over(pg.getJdbcUrl("postgres", "postgres"), "postgres", null, null)) {
            db.migrate();
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Vault vault = Vault.open(db.dataSource(), key);
            Sql sql = new Sql(db.dataSource());
            Workspaces workspaces = new Workspaces(sql);
            Accounts accounts = new Accounts(sql, vault);
            Posts posts = new Posts(sql, vault);
            HelpCommand help = new HelpCommand("http://127.0.0.1/calendar", "http://127.0.0.1/privacy", "http://127.0.0.1/terms", "a@example.com", Clock.systemUTC());
            EnumSet<Subcommand> others = EnumSet.allOf(Subcommand.class);
            others.removeAll(help.serves());
            Handler notMeasured = new Handler() { // the service wants every subcommand served; only help is sent
                public Set<Subcommand> serves() {
                    return others;
                }

                public Reply handle(Caller caller, ParsedCommand command) {
                    throw new IllegalStateException("the benchmark sends only help");
                }
            };
            // 0, 0: no rate limit, the benchmark is the flood
            CommandService commands = new CommandService(workspaces, List.of(help, notMeasured), Map.of(),
                    new Throttle(0, 0, Clock.systemUTC()));
            Config.Slack config = new Config.Slack(Secret.of(SECRET), Secret.of("xoxb-bench"), null, null, null,
                    "http://127.0.0.1:" + slackApi.getAddress().getPort());
            try (SlackFrontEnd slack = new SlackFrontEnd(config, "http://127.0.0.1", new SlackFrontEnd.Parts(commands,
                    new Compose(commands, accounts, new UrlGuard(false, Resolver.system()), Clock.systemUTC()),
                    new Overview(commands, posts, accounts), sql, vault, (f, t) -> { }, Clock.systemUTC())).start();
                 WebServer web = new WebServer("127.0.0.1", 0, new SimpleMeterRegistry(), List.of(
                         slack.routes(), new HealthRoutes(() -> true, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), null)))) {
                web.start();
                String base = "http://127.0.0.1:" + web.port();
                System.out.println("warming up...");
                run(base + "/slack/events", true, Math.min(5, seconds));
                run(base + "/healthz", false, Math.min(5, seconds));
                Result bare = run(base + "/healthz", false, seconds);
                Result signed = run(base + "/slack/events", true, seconds);
                System.out.printf("%d clients, %.0f s each, loopback%n", CLIENTS, seconds);
                System.out.printf("%-34s %10s %9s %9s %7s%n", "endpoint", "req/s", "p50 ms", "p99 ms", "errors");
                print("GET /healthz", bare);
                print("signed /ail help via /slack/events", signed);
                System.out.printf("signed / healthz throughput: %.2f (must be >= 0.10); signed p99 %.1f ms (must be < 50)%n",
                        signed.perSecond() / bare.perSecond(), signed.p99());
            }
        } finally {
            stop(slackApi);
        }
    }

    /** Stops the fake and its worker threads: they are not daemons, and left running they kept this JVM alive. */
    static void stop(HttpServer server) {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    static void print(String name, Result r) {
        System.out.printf("%-34s %10.0f %9.2f %9.2f %7d%n", name, r.perSecond(), r.p50(), r.p99(), r.errors());
    }

    static Result run(String url, boolean signed, double seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<Future<long[]>> parts = new ArrayList<>();
        long[] errors = new long[CLIENTS];
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            parts.add(pool.submit((Callable<long[]>) () -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                long[] lat = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end && n < lat.length) {
                    HttpRequest request = signed ? command(url, "U" + client) : HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                            .GET().build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200 || !r.body().contains(signed ? "\"text\"" : "ok")) {
                            errors[client]++;
                        }
                    } catch (java.io.IOException e) { // a reset or a timed-out request counts, and the run goes on
                        errors[client]++;
                    }
                    lat[n++] = System.nanoTime() - t0;
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        long total = 0;
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : parts) {
            long[] l = f.get();
            all.add(l);
            total += l.length;
        }
        pool.shutdown();
        long[] merged = new long[(int) total];
        int at = 0;
        for (long[] l : all) {
            System.arraycopy(l, 0, merged, at, l.length);
            at += l.length;
        }
        Arrays.sort(merged);
        return new Result(total / seconds, merged[(int) (merged.length * 0.50)] / 1e6,
                merged[Math.min(merged.length - 1, (int) (merged.length * 0.99))] / 1e6, Arrays.stream(errors).sum());
    }

    /** A slash command signed the way Slack signs it, at the current time. */
    static HttpRequest command(String url, String user) throws Exception {
        String body = "team_id=TBENCH&team_domain=bench&channel_id=C1&user_id=" + user + "&user_name=" + user
                + "&command=%2Fail&text=help&api_app_id=A1&response_url=" + URLEncoder.encode("http://127.0.0.1:9/r", StandardCharsets.UTF_8)
                + "&trigger_id=1.2.3";
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String sig = "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", ts).header("X-Slack-Signature", sig)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** auth.test and users.info, answered at once. */
    static HttpServer fakeSlack() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/", ex -> {
            ex.getRequestBody().readAllBytes();
            String method = ex.getRequestURI().getPath().substring(5);
            String body = switch (method) {
                case "auth.test" -> "{\"ok\":true,\"team_id\":\"TBENCH\",\"user_id\":\"UBOT\",\"bot_id\":\"B1\"}";
                case "users.info" -> "{\"ok\":true,\"user\":{\"id\":\"U1\",\"name\":\"bench\",\"tz\":\"Europe/Berlin\",\"is_admin\":false}}";
                default -> "{\"ok\":false,\"error\":\"unknown_method\"}";
            };
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return server;
    }
}
