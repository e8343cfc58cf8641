package com.ailsocialautomation.engine;

import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.net.GuardedHttp;
import com.ailsocialautomation.net.HttpLimits;
import com.ailsocialautomation.net.Resolver;
import com.ailsocialautomation.net.UrlGuard;
import com.ailsocialautomation.notify.Outbox;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.Providers;
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
import com.ailsocialautomation.store.Targets;
import com.ailsocialautomation.store.Vault;
import com.ailsocialautomation.store.Workspaces;
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
    public final Sql sql;
    public final Workspaces workspaces;
    public final Accounts accounts;
    public final Posts posts;
    public final Targets targets;
    public final Attempts attempts;
    public final Outbox outbox;
    public final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    public final GuardedHttp http;
    private final List<Engine> engines = new ArrayList<>();
    private final Vault vault;

    public EngineRig(DataSource dataSource, Vault vault) {
        this.vault = vault;
        this.sql = new Sql(dataSource);
        this.workspaces = new Workspaces(sql);
        this.accounts = new Accounts(sql, vault);
        this.posts = new Posts(sql);
        this.targets = new Targets(sql);
        this.attempts = new Attempts(sql, vault);
        this.outbox = new Outbox(sql);
        HttpLimits d = HttpLimits.defaults();
        this.http = new GuardedHttp(new UrlGuard(true, Resolver.system()), new HttpLimits(Duration.ofSeconds(2), Duration.ofSeconds(3), d.maxAnswerBytes()));
    }

    public static Config.Engine settings(int maxAttempts) {
        return new Config.Engine(Duration.ofMillis(200), Duration.ofSeconds(3), maxAttempts, 4, Duration.ofMillis(300));
    }

    /** Starts one more engine instance over the same database, publishing through {@code providers}. */
    public Engine startEngine(Config.Engine settings, Function<GuardedHttp, List<Provider>> providers) {
        Providers registry = new Providers(providers.apply(http));
        ClientApps apps = account -> null;
        Clock clock = Clock.systemUTC();
        CredentialKeeper keeper = new CredentialKeeper(accounts, apps, clock, metrics);
        Publisher publisher = new Publisher(targets, posts, accounts, attempts, workspaces, registry, keeper,
                new MediaPipeline(new GuardedMediaSource(http), Duration.ofMillis(50), Duration.ofSeconds(5)),
                new Announcer(outbox), clock, settings.maxAttempts(), new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2)), metrics);
        Engine engine = new Engine(sql, publisher, settings, clock, metrics, List.of()).start();
        engines.add(engine);
        return engine;
    }

    public Engine startWebhookEngine(Config.Engine settings) {
        return startEngine(settings, h -> List.of(new WebhookProvider(h)));
    }

    /** A workspace with one user and one webhook account pointing at {@code url}, signed with {@code secret}. */
    public Fixture webhookFixture(String url, String secret) {
        UUID ws = workspaces.ensure("console", "ws-" + UUID.randomUUID(), "Test");
        ChatUser user = workspaces.ensureUser(ws, "u-" + UUID.randomUUID(), "Ana");
        Account account = accounts.connect(ws, user.id(), new NewAccount("webhook", "hook-" + UUID.randomUUID(), "hook.test/hook",
                "hook", null, url, null, null), new StoredTokens(Secret.of(secret), null, null, null));
        return new Fixture(ws, user, account);
    }

    public record Fixture(UUID workspaceId, ChatUser user, Account account) {}

    public Post post(Fixture f, String text, Instant when) {
        return posts.create(f.workspaceId(), f.user().id(), text, List.of(), when, null, List.of(f.account()));
    }

    public Post reload(Post post) {
        return posts.find(post.workspaceId(), post.id()).orElseThrow();
    }

    public void stopEngines() {
        engines.forEach(Engine::close);
        engines.clear();
    }

    @Override
    public void close() {
        stopEngines();
        http.close();
    }
}
