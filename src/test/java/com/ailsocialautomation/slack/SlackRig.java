package com.ailsocialautomation.slack;

import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.testing.TestClock;
import com.ailsocialautomation.command.Action;
import com.ailsocialautomation.command.CommandService;
import com.ailsocialautomation.command.WorkspaceRemoval;
import com.ailsocialautomation.command.Handler;
import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeMastodon;
import com.ailsocialautomation.fakes.FakeSlack;
import com.ailsocialautomation.notify.Outbox;
import com.ailsocialautomation.platform.GuardedApiClient;
import com.ailsocialautomation.platform.mastodon.MastodonProvider;
import com.ailsocialautomation.platform.webhook.WebhookProvider;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.NewAccount;
import com.ailsocialautomation.store.Posts;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.StoredTokens;
import com.ailsocialautomation.store.Workspaces;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.Units;
import com.ailsocialautomation.web.WebRoutes;
import com.ailsocialautomation.web.WebServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
    final com.ailsocialautomation.command.LateApprovals lateApprovals;
    final List<String> erased = new CopyOnWriteArrayList<>();
    final SlackFrontEnd front;
    final WebServer web;
    final SignedRequests requests;
    private final Units units;

    static SlackRig single(PostgresExtension pg) throws Exception {
        return new SlackRig(pg, false, List.of(), SlackFrontEnd.ACK_WITHIN);
    }

    static final String PUBLIC_URL = "http://127.0.0.1:8080";

    /** A link AIL handed out, pointing at this rig's web server. */
    String local(String link) {
        return link.replace(PUBLIC_URL, "http://127.0.0.1:" + web.port());
    }

    SlackRig(PostgresExtension pg, boolean distributed, List<Handler> standIns, Duration ackWithin) throws Exception {
        this(pg, distributed, standIns, Map.of(), ackWithin);
    }

    SlackRig(PostgresExtension pg, boolean distributed, List<Handler> standIns, Map<String, Action> actions,
             Duration ackWithin) throws Exception {
        this(pg, distributed, standIns, actions, ackWithin, null);
    }

    /** The whole path to a platform: Mastodon accounts publish to {@code mastodon}, and the engine runs. */
    static SlackRig publishingTo(PostgresExtension pg, FakeMastodon mastodon) throws Exception {
        return new SlackRig(pg, false, List.of(), Map.of(), SlackFrontEnd.ACK_WITHIN, mastodon);
    }

    private SlackRig(PostgresExtension pg, boolean distributed, List<Handler> standIns, Map<String, Action> actions,
                     Duration ackWithin, FakeMastodon mastodon) throws Exception {
        slack = new FakeSlack();
        slack.useClock(clock); // response_url lifetimes run on the same time as the product's
        // the service's own units; PUBLIC_URL stands for this rig's web server in the links they make
        units = Units.over(pg).clock(clock).providers(h -> mastodon == null ? List.of(new WebhookProvider(h, clock))
                        : List.of(new WebhookProvider(h, clock), new MastodonProvider(new GuardedApiClient(h))))
                .handlers(standIns).actions(actions).env("AIL_CONTACT_EMAIL", "privacy@example.com")
                .env("AIL_PUBLIC_URL", PUBLIC_URL).env("AIL_BLUESKY_API_URL", "http://127.0.0.1:9").build();
        sql = units.store.sql;
        workspaces = units.store.workspaces;
        accounts = units.store.accounts;
        posts = units.store.posts;
        outbox = units.store.outbox;
        commands = units.commandLayer.commands;
        lateApprovals = units.commandLayer.lateApprovals;
        Config.Slack config = distributed
                ? new Config.Slack(Secret.of(SignedRequests.SECRET), null, FakeSlack.CLIENT_ID, Secret.of(FakeSlack.CLIENT_SECRET), null, slack.url())
                : new Config.Slack(Secret.of(SignedRequests.SECRET), Secret.of(FakeSlack.BOT_TOKEN), null, null, null, slack.url());
        // A recording stand-in for the workspace eraser: it deletes the workspace row, and the test sees who asked.
        WorkspaceRemoval removal = (frontEnd, teamId) -> {
            erased.add(teamId);
            sql.update("delete from workspaces where front_end = ? and external_id = ?", frontEnd.id(), teamId);
        };
        front = new SlackFrontEnd(config, PUBLIC_URL, new SlackFrontEnd.Parts(commands,
                units.commandLayer.compose, units.commandLayer.overview, sql, pg.vault(), removal, clock), ackWithin).start();
        List<WebRoutes> routes = new ArrayList<>(units.commandLayer.routes);
        routes.add(front.routes());
        web = new WebServer("127.0.0.1", 0, new SimpleMeterRegistry(), routes).start();
        requests = new SignedRequests(web.port(), clock);
        if (mastodon != null) {
            units.startEngine();
        }
    }

    /** A person of the fake workspace, known to users.info. */
    FakeSlack.User user(String id, String name, String tz, boolean admin) {
        FakeSlack.User u = new FakeSlack.User(id, name, tz, admin, false);
        slack.addUser(u);
        return u;
    }

    /** An account of {@code platform} (for its text rules; nothing is published in these tests). */
    Account account(String teamId, String userId, String platform, String handle) {
        UUID ws = workspaces.ensure(FrontEnd.SLACK, teamId, null);
        ChatUser owner = workspaces.ensureUser(ws, userId, userId);
        return accounts.connect(ws, owner.id(), new NewAccount(PlatformId.of(platform), platform + "-" + UUID.randomUUID(), handle, handle,
                null, null, null, null), new StoredTokens(Secret.of("token"), null, null, null));
    }

    /** A Mastodon account on {@code mastodon}, connected by {@code userId}, as its OAuth callback would store it. */
    Account mastodonAccount(String teamId, String userId, FakeMastodon mastodon) {
        UUID ws = workspaces.ensure(FrontEnd.SLACK, teamId, null);
        ChatUser owner = workspaces.ensureUser(ws, userId, userId);
        String token = mastodon.issue("https://ail.example.com/oauth/mastodon/callback", "write:statuses write:media profile");
        return accounts.connect(ws, owner.id(), new NewAccount(PlatformId.MASTODON, "1095" + UUID.randomUUID().hashCode(),
                "@" + userId.toLowerCase() + "@127.0.0.1", userId, null, mastodon.url(), "write:statuses write:media profile", 500),
                new StoredTokens(Secret.of(token), null, null, null));
    }

    /** A webhook account connected by {@code userId} in Slack team {@code teamId}. */
    Account webhookAccount(String teamId, String userId, String handle) {
        UUID ws = workspaces.ensure(FrontEnd.SLACK, teamId, null);
        ChatUser owner = workspaces.ensureUser(ws, userId, userId);
        return accounts.connect(ws, owner.id(), new NewAccount(PlatformId.WEBHOOK, "hook-" + UUID.randomUUID(), handle, handle,
                null, "http://127.0.0.1:9/" + handle, null, null), new StoredTokens(Secret.of("whsec_test"), null, null, null));
    }

    @Override
    public void close() throws Exception {
        web.close();
        front.close();
        units.close();
        slack.close();
    }
}
