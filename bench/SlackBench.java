import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The Slack ack path measured as issue 18 measures it: the built jar runs as its own process ({@code serve}, embedded
 * PostgreSQL with fsync on, {@code -Xmx256m}, one workspace by bot token) and this program, a separate JVM, drives it
 * over 50 keep-alive connections on loopback. Each signed request is {@code /ail help} as Slack sends it, by one of
 * 50 people, through {@code POST /slack/events} (signature and timestamp check, Bolt, the throttle with limits set
 * above the flood, the command layer, the reply's rendering), answered in the ack; it is compared in the same run
 * with {@code GET /healthz} on the same server. Help's overview needs nothing stored, so for a person already known
 * it is answered on the request's thread from memory; a third phase sends {@code /ail help schedule}, which needs
 * the person (their zone) and so takes the path of most commands: a worker, users.info (cached) and one PostgreSQL
 * read. This program also stands in for Slack's Web
 * API (auth.test, users.info), which AIL asks once per token and once per person per five minutes. The client speaks
 * HTTP/1.1 over plain sockets so that the load generator costs the two cores as little as it can; the service's CPU
 * (its JVM and its PostgreSQL processes) and the generator's are printed per request. Only JDK classes are used: run
 * with {@code java bench/SlackBench.java target/ail.jar [seconds]}, or bench/slack.sh.
 */
public class SlackBench {
    static final String SECRET = "bench-signing-secret";
    /** Connections, as the issue measures; a second argument changes it (1 shows the path's own latency). */
    static int CLIENTS = 50;
    /** The measure: help's overview, which a person already known is given from memory. */
    static final String HELP = "help";
    /** A command that needs the person (their zone) and so a worker and one PostgreSQL read: the usual path. */
    static final String HELP_SCHEDULE = "help schedule";

    /** The size of the last signed ack, printed with the results: what each ack renders and sends. */
    static final AtomicLong ACK_BYTES = new AtomicLong();

    record Result(double perSecond, double p50, double p99, long errors, double jvmCpuMs, double postgresCpuMs, double generatorCpuMs) {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "target/ail.jar");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10.0;
        CLIENTS = args.length > 2 ? Integer.parseInt(args[2]) : CLIENTS;
        Path dir = Files.createTempDirectory("ail-slack-bench");
        HttpServer slackApi = fakeSlack();
        int port = freePort();
        Process service = null;
        try {
            service = start(jar, dir, port, slackApi.getAddress().getPort());
            awaitReady(service, port, dir.resolve("log.txt"));
            System.out.println("service ready (pid " + service.pid() + "); warming up...");
            // until the JIT has compiled the path: measured earlier, its compiler threads took a sixth of the CPU
            run(service, dir, port, HELP, 10);
            run(service, dir, port, HELP_SCHEDULE, 5);
            run(service, dir, port, null, 5);
            Result bare = run(service, dir, port, null, seconds);
            Result signed = run(service, dir, port, HELP, seconds);
            Result reading = run(service, dir, port, HELP_SCHEDULE, seconds);
            System.out.printf("%d connection(s), %.0f s each, loopback, load %s%n", CLIENTS, seconds, load());
            System.out.printf("%-40s %9s %8s %8s %7s   %s%n", "endpoint", "req/s", "p50 ms", "p99 ms", "errors",
                    "CPU per request: service JVM / its PostgreSQL / generator");
            print("GET /healthz", bare);
            print("signed /ail help via /slack/events", signed);
            print("signed /ail help schedule (reads the person)", reading);
            System.out.printf("each signed /ail help ack carries its reply: %,d bytes of JSON%n", ACK_BYTES.get());
            System.out.printf(Locale.ROOT, "signed / healthz throughput: %.2f (must be >= 0.10); signed p99 %.1f ms (must be < 50)%n",
                    signed.perSecond() / bare.perSecond(), signed.p99());
            System.out.printf(Locale.ROOT, "a command that reads the person (worker, users.info cached, one PostgreSQL read): %.2f of healthz, p99 %.1f ms%n",
                    reading.perSecond() / bare.perSecond(), reading.p99());
        } finally {
            if (service != null) {
                stop(service);
            }
            slackApi.stop(0);
            ((ExecutorService) slackApi.getExecutor()).shutdownNow();
            deleteTree(dir);
        }
    }

    /** The jar's own {@code serve}, configured only through its environment, as an operator runs it. */
    static Process start(Path jar, Path dir, int port, int slackApiPort) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m"));
        String extra = System.getenv("AIL_BENCH_JVM_OPTS"); // e.g. -XX:StartFlightRecording=... to profile the service
        if (extra != null && !extra.isBlank()) {
            command.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(), "serve"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log.txt").toFile());
        var env = pb.environment();
        env.put("AIL_DATA_DIR", dir.resolve("data").toString());
        env.put("AIL_PORT", Integer.toString(port));
        env.put("SLACK_SIGNING_SECRET", SECRET);
        env.put("SLACK_BOT_TOKEN", "xoxb-bench");
        env.put("SLACK_API_URL", "http://127.0.0.1:" + slackApiPort);
        // the throttle runs for every request, with limits the flood stays under
        env.put("AIL_COMMANDS_PER_MINUTE_USER", "100000");
        env.put("AIL_COMMANDS_PER_MINUTE_WORKSPACE", "1000000");
        return pb.start();
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void awaitReady(Process service, int port, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service exited during start; its log:\n" + tail(log));
            }
            try (Connection c = new Connection(port)) {
                if (c.exchange(get("/readyz")).status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no /readyz within 120 s; the service's log:\n" + tail(log));
    }

    static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    /** SIGTERM, as an operator stops it (the service stops its PostgreSQL); forcibly only after 20 s. */
    static void stop(Process service) throws InterruptedException {
        service.destroy();
        if (!service.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            service.destroyForcibly();
        }
    }

    static void print(String name, Result r) {
        System.out.printf(Locale.ROOT, "%-40s %9.0f %8.2f %8.2f %7d   %.3f / %.3f / %.3f ms%n", name, r.perSecond(), r.p50(),
                r.p99(), r.errors(), r.jvmCpuMs(), r.postgresCpuMs(), r.generatorCpuMs());
    }

    /** {@code CLIENTS} connections sending back to back for {@code seconds}; CPU columns are per request. */
    static Result run(Process service, Path dir, int port, String command, double seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS, r -> {
            Thread t = new Thread(r, "bench-client");
            t.setDaemon(true); // a failed phase cannot keep this program alive
            return t;
        });
        long jvmCpu0 = cpuNanos(Stream.of(service.toHandle()));
        long postgresCpu0 = cpuNanos(postgres(dir));
        long generatorCpu0 = generatorCpuNanos();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        AtomicLong errors = new AtomicLong();
        List<Future<long[]>> parts = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            String user = "U" + c;
            parts.add(pool.submit(() -> client(port, command, user, end, errors)));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : parts) {
            all.add(f.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long jvmCpu = cpuNanos(Stream.of(service.toHandle())) - jvmCpu0;
        long postgresCpu = cpuNanos(postgres(dir)) - postgresCpu0;
        long generatorCpu = generatorCpuNanos() - generatorCpu0;
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        int n = Math.max(1, merged.length);
        return new Result(merged.length / elapsed, at(merged, 0.50), at(merged, 0.99), errors.get(),
                jvmCpu / 1e6 / n, postgresCpu / 1e6 / n, generatorCpu / 1e6 / n);
    }

    static double at(long[] sorted, double quantile) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1e6;
    }

    /** One connection's latencies in nanoseconds; a refused or broken exchange counts as an error and reconnects. */
    /** What the answer must hold: a working note ("Working on…", when the ack budget ran out) counts as an error. */
    static String marker(String command) {
        return command == null ? "ok" : HELP.equals(command) ? "publishes and schedules posts" : "/ail schedule";
    }

    /** {@code command}: the text after /ail, signed; null for GET /healthz. */
    static long[] client(int port, String command, String user, long end, AtomicLong errors) {
        boolean signed = command != null;
        long[] lat = new long[1 << 15]; // 50 of these fit the generator's heap; a connection makes far fewer per phase
        int n = 0;
        Connection c = null;
        while (System.nanoTime() < end && n < lat.length) {
            byte[] request = signed ? command(user, command) : get("/healthz");
            long t0 = System.nanoTime();
            try {
                if (c == null) {
                    c = new Connection(port);
                }
                Response r = c.exchange(request);
                if (r.status() != 200 || !r.body().contains(marker(command))) {
                    errors.incrementAndGet();
                } else if (HELP.equals(command) && ACK_BYTES.get() == 0) {
                    ACK_BYTES.set(r.body().getBytes(StandardCharsets.UTF_8).length);
                }
                if (r.close()) {
                    c.close();
                    c = null;
                }
            } catch (IOException e) {
                errors.incrementAndGet();
                if (c != null) {
                    c.close();
                }
                c = null;
            }
            lat[n++] = System.nanoTime() - t0;
        }
        if (c != null) {
            c.close();
        }
        return Arrays.copyOf(lat, n);
    }

    static byte[] get(String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: ail-slack-bench\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code /ail <text>} by {@code user}, signed as Slack signs it, at the current second. */
    static byte[] command(String user, String text) {
        String body = "token=x&team_id=TBENCH&team_domain=bench&channel_id=C1&channel_name=general&user_id=" + user
                + "&user_name=" + user + "&command=%2Fail&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "&api_app_id=A1&response_url="
                + URLEncoder.encode("http://127.0.0.1:9/r", StandardCharsets.UTF_8) + "&trigger_id=1.2.3";
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        String sig;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            sig = "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: Slackbot 1.0 (+https://api.slack.com/robots)\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + b.length + "\r\n"
                + "X-Slack-Request-Timestamp: " + ts + "\r\nX-Slack-Signature: " + sig + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(h, h.length + b.length);
        System.arraycopy(b, 0, out, h.length, b.length);
        return out;
    }

    record Response(int status, String body, boolean close) {}

    /** One keep-alive HTTP/1.1 connection: a request written whole, its response read by Content-Length or chunks. */
    static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Connection(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000); // a stuck connection cannot keep the benchmark from ending
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }

        Response exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String status = line();
            if (!status.startsWith("HTTP/1.1 ")) {
                throw new IOException("not an HTTP/1.1 response: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                     size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                body.write(in.readNBytes((int) length));
            } else {
                body.write(in.readAllBytes());
                close = true;
            }
            return new Response(code, body.toString(StandardCharsets.UTF_8), close);
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    s.append((char) b);
                }
            }
            return s.toString();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /**
     * The embedded PostgreSQL's processes: its postmaster names the data directory (under {@code dir}) in its
     * arguments, and its backends are the postmaster's children. They are not the JVM's descendants: pg_ctl detaches it.
     */
    static Stream<ProcessHandle> postgres(Path dir) {
        String under = dir.toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(under)).orElse(false)
                        && p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()));
    }

    /** CPU of these processes: the service's JVM, or its descendants (the embedded PostgreSQL's processes). */
    static long cpuNanos(Stream<ProcessHandle> processes) {
        return processes.mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    }

    static long generatorCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static String load() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Slack's Web API as the service uses it here: auth.test and users.info, answered at once. */
    static HttpServer fakeSlack() throws IOException {
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
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        return server;
    }
}
