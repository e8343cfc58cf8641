package com.ailsocialautomation.engine;

import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.fakes.FakeWebhookReceiver;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.net.GuardedHttp;
import com.ailsocialautomation.notify.Outbox;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.webhook.WebhookProvider;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.Attempts;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.NewAccount;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.Posts;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.StoredTokens;
import com.ailsocialautomation.store.TargetParts;
import com.ailsocialautomation.store.Targets;
import com.ailsocialautomation.store.Vault;
import com.ailsocialautomation.store.Workspaces;
import com.ailsocialautomation.testing.Units;
import com.ailsocialautomation.wiring.Publishing;
import com.ailsocialautomation.wiring.Store;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Wires the real engine parts (repositories, publisher, db-scheduler) over a test database, for tests and for
 * the engine process that a crash test kills. Nothing here is faked but the platform on the other end.
 */
public final class EngineRig implements AutoCloseable {
    /** Faster than production, so retries and media polls fit in a test. */
    static final Publishing.Tuning FAST = new Publishing.Tuning(new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2)),
            Duration.ofMillis(50), Duration.ofSeconds(5));
    public final Sql sql;
    public final Workspaces workspaces;
    public final Accounts accounts;
    public final Posts posts;
    public final Targets targets;
    public final Attempts attempts;
    public final TargetParts parts;
    public final com.ailsocialautomation.media.MediaStore media;
    public final Outbox outbox;
    public final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    /** The guarded client of the units that stand for the test's own side (not an engine's). */
    public final GuardedHttp http;
    private final DataSource dataSource;
    private final Vault vault;
    private final Units base;
    private final List<Units> engines = new ArrayList<>();

    public EngineRig(DataSource dataSource, Vault vault) {
        this.dataSource = dataSource;
        this.vault = vault;
        this.base = Units.over(dataSource, vault).build();
        Store store = base.store;
        this.sql = store.sql;
        this.workspaces = store.workspaces;
        this.accounts = store.accounts;
        this.posts = store.posts;
        this.targets = store.targets;
        this.attempts = store.attempts;
        this.parts = store.targetParts;
        this.media = store.media;
        this.outbox = store.outbox;
        this.http = base.platforms.http;
    }

    public static Config.Engine settings(int maxAttempts) {
        return new Config.Engine(Duration.ofMillis(200), Duration.ofSeconds(3), maxAttempts, 4, Duration.ofMillis(300));
    }

    /**
     * Starts one more engine instance over the same database, as the app wires one, publishing through
     * {@code providers} (built over that instance's own guarded client).
     */
    public Engine startEngine(Config.Engine settings, Function<GuardedHttp, List<Provider>> providers) {
        Units units = Units.over(dataSource, vault).engine(settings).providers(providers).tuning(FAST)
                .metrics(metrics).build();
        engines.add(units);
        Engine engine = units.startEngine();
        awaitFirstTokenRenewal();
        return engine;
    }

    /*
     * The renew-tokens job runs once as the engine starts, then every few hours. A test's account created while that
     * first run is still pending could be renewed (or refused) by it before the test's own post: wait it out, so that
     * what a test sees comes from what it did.
     */
    private void awaitFirstTokenRenewal() {
        Instant until = Instant.now().plusSeconds(30);
        while (sql.one("select 1 from scheduled_tasks where task_name = 'renew-tokens' and execution_time > now() + interval '1 hour'",
                rs -> 1).isEmpty()) {
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException("the engine's renew-tokens job did not run within 30 s of its start");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public Engine startWebhookEngine(Config.Engine settings) {
        return startEngine(settings, h -> List.of(new WebhookProvider(h, Clock.systemUTC())));
    }

    /** A workspace with one user and one webhook account pointing at {@code url}, signed with {@code secret}. */
    public Fixture webhookFixture(String url, String secret) {
        UUID ws = workspaces.ensure(FrontEnd.CONSOLE, "ws-" + UUID.randomUUID(), "Test");
        ChatUser user = workspaces.ensureUser(ws, "u-" + UUID.randomUUID(), "Ana");
        Account account = accounts.connect(ws, user.id(), new NewAccount(PlatformId.WEBHOOK, "hook-" + UUID.randomUUID(), "hook.test/hook",
                "hook", null, url, null, null), new StoredTokens(Secret.of(secret), null, null, null));
        return new Fixture(ws, user, account);
    }

    /** The same, pointing at {@code hook}, which from now on takes only requests signed with {@code secret}. */
    public Fixture webhookFixture(FakeWebhookReceiver hook, String secret) {
        hook.expectSecret(secret);
        return webhookFixture(hook.url(), secret);
    }

    public record Fixture(UUID workspaceId, ChatUser user, Account account) {}

    public Post post(Fixture f, String text, Instant when) {
        return posts.create(f.workspaceId(), f.user().id(), text, List.of(), when, null, List.of(f.account()));
    }

    /** A Mastodon account at {@code mastodon}, with a token it issued. */
    public Fixture mastodonFixture(com.ailsocialautomation.fakes.FakeMastodon mastodon) {
        String token = mastodon.issue("https://ail.example.com/oauth/mastodon/callback", "write:statuses write:media profile");
        UUID ws = workspaces.ensure(FrontEnd.CONSOLE, "ws-" + UUID.randomUUID(), "Test");
        ChatUser owner = workspaces.ensureUser(ws, "u-" + UUID.randomUUID(), "Ana");
        Account account = accounts.connect(ws, owner.id(), new NewAccount(PlatformId.MASTODON, "109300000000000001", "@ana@127.0.0.1",
                "Ana", null, mastodon.url(), "write:statuses write:media profile", 500), new StoredTokens(Secret.of(token), null, null, null));
        return new Fixture(ws, owner, account);
    }

    /** The real Mastodon provider, for {@link #startEngine}. */
    public static Function<GuardedHttp, List<Provider>> mastodon() {
        return http -> List.of(new com.ailsocialautomation.platform.mastodon.MastodonProvider(
                new com.ailsocialautomation.platform.GuardedApiClient(http)));
    }

    /** The post's first target once an engine has settled it (neither scheduled nor publishing), within 30 s. */
    public com.ailsocialautomation.store.Target settled(Post post) throws InterruptedException {
        if (!com.ailsocialautomation.testing.Eventually.eventually(Duration.ofSeconds(30), () -> {
            com.ailsocialautomation.store.TargetState state = reload(post).targets().get(0).state();
            return state != com.ailsocialautomation.store.TargetState.PUBLISHING
                    && state != com.ailsocialautomation.store.TargetState.SCHEDULED;
        })) {
            throw new AssertionError("no engine settled the target: " + reload(post).targets().get(0).state());
        }
        return reload(post).targets().get(0);
    }

    /** As a dead engine leaves the target's execution: picked by a scheduler whose heartbeat stopped ten minutes ago. */
    public void pickedByADeadEngine(com.ailsocialautomation.store.Target target) {
        sql.update("update scheduled_tasks set picked = true, picked_by = 'dead-engine', last_heartbeat = now() - interval '10 minutes' "
                + "where task_name = ? and task_instance = ?", com.ailsocialautomation.store.PublishQueue.TASK_NAME,
                com.ailsocialautomation.store.PublishQueue.instanceId(target.workspaceId(), target.id()));
    }

    public Post reload(Post post) {
        return posts.find(post.workspaceId(), post.id()).orElseThrow();
    }

    public void stopEngines() {
        engines.forEach(Units::close);
        engines.clear();
    }

    private boolean errorsExpected;

    /** The test makes the engine fail on purpose (its database goes away, say): {@link #close} does not object. */
    public void expectEngineErrors() {
        errorsExpected = true;
    }

    /**
     * What went wrong inside the scheduler during the test ({@code ail.engine.errors} by kind, an execution found
     * dead after a simulated crash aside): a run that threw, a completion handler that failed.
     */
    public String engineErrors() {
        return metrics.find("ail.engine.errors").counters().stream()
                .filter(c -> c.count() > 0 && !"dead_execution".equals(c.getId().getTag("kind")))
                .map(c -> c.getId().getTag("kind") + "=" + (long) c.count()).sorted().toList().toString();
    }

    /** Stops everything; a test whose engine threw where nothing should fails here, even if what it watched looked right. */
    @Override
    public void close() {
        stopEngines();
        base.close();
        String errors = engineErrors();
        if (!errorsExpected && !"[]".equals(errors)) {
            throw new AssertionError("the engine failed inside the scheduler during the test: " + errors
                    + " (see the log's 'Unhandled exception' or 'Failed while completing')");
        }
    }
}
