package com.ailsocialautomation.bench;

import com.ailsocialautomation.command.Invocation;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.platform.DirectApiClient;
import com.ailsocialautomation.platform.x.XProvider;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.Database;
import com.ailsocialautomation.store.NewAccount;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.StoredTokens;
import com.ailsocialautomation.store.TargetState;
import com.ailsocialautomation.store.Vault;
import com.ailsocialautomation.testing.Units;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 14.9: one video posted to three targets (two webhooks and X, the fakes in a separate process so that only
 * the service's memory is measured) through the real command, copy, store and engine. A small video first is the
 * baseline, measured in the same run; then the large one. Prints the peak heap used and the time from the command
 * to the last target published. Run with bench/media.sh, which starts this JVM with -Xmx256m.
 */
public final class MediaBench {
    private static final Pattern HOOK = Pattern.compile("Connected webhook (a[a-z2-9]{4})");
    private static final Pattern SECRET = Pattern.compile("Signing secret \\(shown only now\\): (whsec_\\S+)");

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("fakes")) {
            BenchFakes.serve();
            return;
        }
        long bytes = args.length > 0 ? Long.parseLong(args[0]) : 100_000_000L;
        Process fakes = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), MediaBench.class.getName(), "fakes")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Path dir = Files.createTempDirectory("ail-media-bench");
        try (BufferedReader from = new BufferedReader(new InputStreamReader(fakes.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter to = new PrintWriter(fakes.getOutputStream(), true, StandardCharsets.UTF_8);
             EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true).start();
             Database db = Database.over(pg.getJdbcUrl("postgres", "postgres"), "postgres", null, null)) {
            String[] urls = from.readLine().split(" "); // hook0 hook1 x-url x-token files-url
            db.migrate();
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Vault vault = Vault.open(db.dataSource(), key);
            try (Units units = Units.over(db.dataSource(), vault).env("AIL_HTTP_TIMEOUT_SECONDS", "60")
                    .providers(http -> List.of(new XProvider(new DirectApiClient(Duration.ofSeconds(60)), urls[2], urls[2], Clock.systemUTC())))
                    .build()) {
                units.startEngine();
                Invocation ana = new Invocation(FrontEnd.DISCORD, "G-bench", "U-ana", "Ana", false, null, null);
                String hooks = connectHooks(units, ana, urls, to);
                connectX(units, ana, urls[3]);
                String to3 = "to:x," + hooks;
                System.out.printf("service heap: -Xmx %d MB; %s%n", Runtime.getRuntime().maxMemory() >> 20, "three targets: X and two webhooks");
                Result baseline = run(units, ana, to3, urls[4] + "/video/1000000");
                System.out.printf("baseline, 1 MB video:   peak heap used %4d MB, %6.1f s from command to three targets published%n",
                        baseline.peakHeap >> 20, baseline.seconds);
                Result large = run(units, ana, to3, urls[4] + "/video/" + bytes);
                System.out.printf("%d MB video:          peak heap used %4d MB, %6.1f s from command to three targets published%n",
                        bytes / 1_000_000, large.peakHeap >> 20, large.seconds);
                System.out.printf("difference:             %+d MB of heap for %d MB more media%n",
                        (large.peakHeap - baseline.peakHeap) >> 20, (bytes - 1_000_000) / 1_000_000);
                System.out.printf("ratio to the baseline:  heap %.2fx, time %.2fx, for %.0fx the bytes (flat memory: heap stays near 1x)%n",
                        (double) large.peakHeap / baseline.peakHeap, large.seconds / baseline.seconds, bytes / 1_000_000.0);
            }
        } finally {
            fakes.destroy();
            fakes.waitFor();
        }
        System.exit(0); // db-scheduler and Jetty threads are stopped; the JVM's own may linger
    }

    private record Result(long peakHeap, double seconds) {}

    private static Result run(Units units, Invocation ana, String to, String video) throws Exception {
        System.gc();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long started = System.nanoTime();
        String reply = units.commandLayer.commands.run(ana, "post " + to + " media:" + video + " Launch video " + video.substring(video.lastIndexOf('/') + 1)).toPlainText();
        Matcher id = Pattern.compile("Post (p[a-z2-9]{4})").matcher(reply);
        if (!id.find()) {
            sampler.interrupt();
            throw new IllegalStateException("the post was refused: " + reply);
        }
        UUID ws = units.store.workspaces.ensure(ana.frontEnd(), ana.workspaceId(), null);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        Post post;
        do {
            Thread.sleep(100);
            post = units.store.posts.find(ws, id.group(1)).orElseThrow();
        } while (post.any(TargetState.SCHEDULED, TargetState.PUBLISHING) && Instant.now().isBefore(deadline));
        double seconds = (System.nanoTime() - started) / 1e9;
        sampler.interrupt();
        sampler.join();
        if (post.targets().stream().anyMatch(t -> t.state() != TargetState.PUBLISHED)) {
            throw new IllegalStateException("not every target was published: " + post.targets());
        }
        return new Result(peak.get(), seconds);
    }

    private static String connectHooks(Units units, Invocation ana, String[] urls, PrintWriter to) {
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            String reply = units.commandLayer.commands.run(ana, "connect webhook " + urls[i]).toPlainText();
            Matcher secret = SECRET.matcher(reply);
            Matcher id = HOOK.matcher(reply);
            if (!secret.find() || !id.find()) {
                throw new IllegalStateException("connect webhook failed: " + reply);
            }
            to.println("secret " + i + " " + secret.group(1));
            ids.append(i == 0 ? "" : ",").append(id.group(1));
        }
        return ids.toString();
    }

    private static void connectX(Units units, Invocation ana, String token) {
        UUID ws = units.store.workspaces.ensure(ana.frontEnd(), ana.workspaceId(), null);
        ChatUser owner = units.store.workspaces.ensureUser(ws, ana.userId(), ana.displayName());
        units.store.accounts.connect(ws, owner.id(), new NewAccount(PlatformId.X, "1500000000000000001", "@ail_team", "AIL",
                null, null, "tweet.read tweet.write users.read offline.access media.write", 280),
                new StoredTokens(Secret.of(token), null, Instant.now().plus(Duration.ofHours(2)), null));
    }
}
