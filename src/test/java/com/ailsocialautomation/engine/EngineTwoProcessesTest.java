package com.ailsocialautomation.engine;

import com.ailsocialautomation.fakes.FakeWebhookReceiver;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.TargetState;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two engines in two JVMs, each with its own clients, over one database: both publish, and every post reaches the
 * receiver exactly once, counted over every request the receiver got (not distinct ids) after waiting long enough
 * for a second claim to show (over ten poll intervals). Breakage tried: WebhookProvider posting one post twice
 * fails it.
 */
class EngineTwoProcessesTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static final String SECRET = "whsec_dHdvLWpWTXM=";
    EngineRig rig;
    FakeWebhookReceiver hook;
    final List<Process> engines = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        rig = new EngineRig(pg.dataSource(), pg.vault());
        hook = new FakeWebhookReceiver();
        hook.expectSecret(SECRET);
    }

    @AfterEach
    void tearDown() {
        engines.forEach(Process::destroyForcibly);
        rig.close();
        hook.close();
    }

    private Path startEngine(Path dir, String name) throws Exception {
        Path out = dir.resolve(name + ".out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        engines.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), EngineProcess.class.getName(),
                pg.jdbcUrl(), PostgresExtension.MASTER_KEY_BASE64, "false", "tell")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start());
        return out;
    }

    private static boolean started(Path out) {
        try {
            return Files.readString(out).contains("engine started");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> published(Path out) throws Exception {
        return Files.readAllLines(out).stream().filter(l -> l.startsWith("published ")).map(l -> l.substring(10)).toList();
    }

    @Test
    void twoEngineProcessesBothPublishAndNoPostIsDeliveredTwice() throws Exception {
        Path dir = Files.createTempDirectory("ail-two-engines");
        Path a = startEngine(dir, "a");
        Path b = startEngine(dir, "b");
        assertTrue(eventually(Duration.ofSeconds(60), () -> started(a) && started(b)), "both engines started");
        hook.delay(150); // a publish takes a while, so one engine cannot take every post before the other looks
        EngineRig.Fixture f = rig.webhookFixture(hook.url(), SECRET);
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            posts.add(rig.post(f, "two engines, post " + i, Instant.now().plusMillis(500)));
        }
        assertTrue(eventually(Duration.ofSeconds(60), () -> posts.stream()
                .allMatch(p -> TargetState.PUBLISHED.equals(rig.reload(p).targets().get(0).state()))), "every target is published");
        Thread.sleep(4000); // over ten poll intervals and a lease: a second claim of any post would be delivered by now

        assertEquals(40, hook.requests(), "the receiver got 40 requests, one per post");
        Map<String, Long> perPost = hook.accepted().stream()
                .collect(Collectors.groupingBy(d -> d.body().get("post_id").asText(), TreeMap::new, Collectors.counting()));
        assertEquals(posts.stream().collect(Collectors.toMap(Post::shortId, p -> 1L, (x, y) -> x, TreeMap::new)), perPost);
        List<String> byA = published(a);
        List<String> byB = published(b);
        assertTrue(!byA.isEmpty() && !byB.isEmpty(), "both engines did work: " + byA.size() + " and " + byB.size());
        assertEquals(40, byA.size() + byB.size(), "the engines together published each post once");
        assertEquals(posts.stream().map(Post::shortId).sorted().toList(),
                java.util.stream.Stream.concat(byA.stream(), byB.stream()).sorted().toList());
    }
}
