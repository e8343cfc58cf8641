package com.ailsocialautomation.slack;

import com.ailsocialautomation.testing.TestClock;
import com.ailsocialautomation.command.AccountCommands;
import com.ailsocialautomation.command.Action;
import com.ailsocialautomation.command.CommandService;
import com.ailsocialautomation.command.Compose;
import com.ailsocialautomation.command.Handler;
import com.ailsocialautomation.command.HelpCommand;
import com.ailsocialautomation.command.ListCommands;
import com.ailsocialautomation.command.Overview;
import com.ailsocialautomation.command.PostCommands;
import com.ailsocialautomation.command.SettingsCommands;
import com.ailsocialautomation.command.WebhookLinker;
import com.ailsocialautomation.command.BlueskyLinker;
import com.ailsocialautomation.oauth.OneTimeLinks;
import com.ailsocialautomation.oauth.PageConnectRoutes;
import com.ailsocialautomation.platform.GuardedApiClient;
import com.ailsocialautomation.platform.bluesky.BlueskyProvider;
import com.ailsocialautomation.store.OAuthStates;
import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.engine.CredentialKeeper;
import com.ailsocialautomation.engine.Revoker;
import com.ailsocialautomation.fakes.FakeSlack;
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
import com.ailsocialautomation.store.NewAccount;
import com.ailsocialautomation.store.PendingRevocations;
import com.ailsocialautomation.store.Posts;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.Targets;
import com.ailsocialautomation.store.StoredTokens;
import com.ailsocialautomation.store.Workspaces;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.web.WebServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real Slack front end, command layer and store over a test database, served by the real web server on
 * 127.0.0.1, talking to {@link FakeSlack}. Only the clock, the workspace eraser (a recording one that deletes the
 * workspace row) and, where a test says so, a few command handlers are stand-ins.
 */
final class SlackRig implements AutoCloseable {
    final FakeSlack slack;
    final TestClock clock = new TestClock(Instant.now());
    final Sql sql;
    final Workspaces workspaces;
    final Accounts accounts;
    final Posts posts;
    final Outbox outbox;
    final CommandService commands;
    final List<String> erased = new CopyOnWriteArrayList<>();
    final SlackFrontEnd front;
    final WebServer web;
    final SignedRequests requests;
    private final GuardedHttp http;

    static SlackRig single(PostgresExtension pg) throws Exception {
        return new SlackRig(pg, false, Map.of(), SlackFrontEnd.ACK_WITHIN);
    }

    static final String PUBLIC_URL = "http://127.0.0.1:8080";

    /** A link AIL handed out, pointing at this rig's web server. */
    String local(String link) {
        return link.replace(PUBLIC_URL, "http://127.0.0.1:" + web.port());
    }

    SlackRig(PostgresExtension pg, boolean distributed, Map<String, Handler> extra, Duration ackWithin) throws Exception {
        this(pg, distributed, extra, Map.of(), ackWithin);
    }

    SlackRig(PostgresExtension pg, boolean distributed, Map<String, Handler> extra, Map<String, Action> actions,
             Duration ackWithin) throws Exception {
        slack = new FakeSlack();
        sql = new Sql(pg.dataSource());
        workspaces = new Workspaces(sql);
        accounts = new Accounts(sql, pg.vault());
        posts = new Posts(sql);
        outbox = new Outbox(sql);
        UrlGuard guard = new UrlGuard(true, Resolver.system());
        HttpLimits d = HttpLimits.defaults();
        http = new GuardedHttp(guard, new HttpLimits(Duration.ofSeconds(2), Duration.ofSeconds(3), d.maxAnswerBytes()));
        CredentialKeeper keeper = new CredentialKeeper(accounts, a -> null, clock, new SimpleMeterRegistry());
        Revoker revoker = new Revoker(new Providers(List.of(new WebhookProvider(http))), keeper,
                new PendingRevocations(sql, pg.vault()), a -> null, clock);
        Map<String, Handler> handlers = new HashMap<>();
        // connect links as the running service makes them; PUBLIC_URL stands for this rig's web server in them
        OAuthStates states = new OAuthStates(sql, pg.vault());
        BlueskyProvider bluesky = new BlueskyProvider(new GuardedApiClient(http), "http://127.0.0.1:9", clock);
        OneTimeLinks links = new OneTimeLinks(states, new Providers(List.of(new WebhookProvider(http), bluesky)), PUBLIC_URL, clock);
        WebhookLinker webhookLinker = new WebhookLinker(accounts, guard, links);
        BlueskyLinker blueskyLinker = new BlueskyLinker(accounts, guard, bluesky, bluesky.defaultPds(), links);
        Handler accountCommands = new AccountCommands(accounts, List.of(webhookLinker, blueskyLinker), revoker, new Targets(sql));
        Handler postCommands = new PostCommands(posts, accounts, guard, clock);
        Handler listCommands = new ListCommands(posts, new Attempts(sql, pg.vault()));
        Handler settings = new SettingsCommands(workspaces, clock);
        List.of("accounts", "connect", "disconnect").forEach(n -> handlers.put(n, accountCommands));
        List.of("post", "schedule", "edit", "reschedule", "cancel", "retry").forEach(n -> handlers.put(n, postCommands));
        List.of("list", "show").forEach(n -> handlers.put(n, listCommands));
        List.of("timezone", "notify").forEach(n -> handlers.put(n, settings));
        handlers.put("help", new HelpCommand("http://127.0.0.1/privacy", "http://127.0.0.1/terms", "privacy@example.com"));
        handlers.putAll(extra);
        commands = new CommandService(workspaces, handlers, actions);
        Config.Slack config = distributed
                ? new Config.Slack(Secret.of(SignedRequests.SECRET), null, FakeSlack.CLIENT_ID, Secret.of(FakeSlack.CLIENT_SECRET), null, slack.url())
                : new Config.Slack(Secret.of(SignedRequests.SECRET), Secret.of(FakeSlack.BOT_TOKEN), null, null, null, slack.url());
        WorkspaceRemoval removal = (frontEnd, teamId) -> {
            erased.add(teamId);
            sql.update("delete from workspaces where front_end = ? and external_id = ?", frontEnd, teamId);
        };
        front = new SlackFrontEnd(config, PUBLIC_URL, new SlackFrontEnd.Parts(commands,
                new Compose(commands, accounts, guard, clock), new Overview(commands, posts, accounts), sql, pg.vault(),
                removal, clock), ackWithin).start();
        web = new WebServer("127.0.0.1", 0, new SimpleMeterRegistry(), List.of(front.routes(),
                new PageConnectRoutes(PUBLIC_URL, states, blueskyLinker, webhookLinker, outbox, clock))).start();
        requests = new SignedRequests(web.port(), clock);
    }

    /** A person of the fake workspace, known to users.info. */
    FakeSlack.User user(String id, String name, String tz, boolean admin) {
        FakeSlack.User u = new FakeSlack.User(id, name, tz, admin, false);
        slack.addUser(u);
        return u;
    }

    /** An account of {@code platform} (for its text rules; nothing is published in these tests). */
    Account account(String teamId, String userId, String platform, String handle) {
        UUID ws = workspaces.ensure("slack", teamId, null);
        ChatUser owner = workspaces.ensureUser(ws, userId, userId);
        return accounts.connect(ws, owner.id(), new NewAccount(platform, platform + "-" + UUID.randomUUID(), handle, handle,
                null, null, null, null), new StoredTokens(Secret.of("token"), null, null, null));
    }

    /** A webhook account connected by {@code userId} in Slack team {@code teamId}. */
    Account webhookAccount(String teamId, String userId, String handle) {
        UUID ws = workspaces.ensure("slack", teamId, null);
        ChatUser owner = workspaces.ensureUser(ws, userId, userId);
        return accounts.connect(ws, owner.id(), new NewAccount("webhook", "hook-" + UUID.randomUUID(), handle, handle,
                null, "http://127.0.0.1:9/" + handle, null, null), new StoredTokens(Secret.of("whsec_test"), null, null, null));
    }

    @Override
    public void close() throws Exception {
        web.close();
        front.close();
        http.close();
        slack.close();
    }
}
