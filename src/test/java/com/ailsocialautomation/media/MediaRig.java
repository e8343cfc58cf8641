package com.ailsocialautomation.media;

import com.ailsocialautomation.command.Invocation;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeMastodon;
import com.ailsocialautomation.fakes.FakeWebhookReceiver;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.platform.GuardedApiClient;
import com.ailsocialautomation.platform.mastodon.MastodonProvider;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.NewAccount;
import com.ailsocialautomation.store.StoredTokens;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.Units;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service's units with the engine running, a strict Mastodon and a webhook receiver on loopback, and a file
 * server whose files a test can take away. Commands run as a Discord user, as a person would type them.
 */
public final class MediaRig implements AutoCloseable {
    public final Units units;
    final FakeMastodon mastodon = FakeMastodon.start();
    public final FakeWebhookReceiver hook;
    final HttpServer files;
    final Map<String, byte[]> served = new ConcurrentHashMap<>();
    final AtomicInteger fetches = new AtomicInteger();
    public final Invocation ana;

    public MediaRig(PostgresExtension pg) throws IOException {
        units = Units.over(pg).providers(http -> List.of(new MastodonProvider(new GuardedApiClient(http)))).build();
        hook = new FakeWebhookReceiver();
        files = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        files.createContext("/", exchange -> {
            fetches.incrementAndGet();
            byte[] body = served.get(exchange.getRequestURI().getPath());
            try (exchange) {
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            }
        });
        files.start();
        ana = new Invocation(FrontEnd.DISCORD, "G-" + UUID.randomUUID(), "U-ana", "Ana", false, null, null);
        units.startEngine();
    }

    /** Serves {@code bytes} at {@code path} (no extension needed) and returns its URL. */
    public String serve(String path, byte[] bytes) {
        served.put(path, bytes);
        return "http://127.0.0.1:" + files.getAddress().getPort() + path;
    }

    public String run(Invocation who, String line) {
        return units.commandLayer.commands.run(who, line).toPlainText();
    }

    public UUID workspace(Invocation who) {
        return units.store.workspaces.ensure(who.frontEnd(), who.workspaceId(), "Test");
    }

    /** Connects the workspace's webhook through the command and returns its short id. */
    public String connectWebhook(Invocation who) {
        String reply = run(who, "connect webhook " + hook.url());
        Matcher secret = Pattern.compile("Signing secret \\(shown only now\\): (whsec_\\S+)").matcher(reply);
        assertTrue(secret.find(), reply);
        hook.expectSecret(secret.group(1));
        Matcher id = Pattern.compile("Connected webhook (a[a-z2-9]{4})").matcher(reply);
        assertTrue(id.find(), reply);
        return id.group(1);
    }

    /** Connects a Mastodon account on the fake for {@code who}, as its OAuth callback would store it. */
    void connectMastodon(Invocation who) {
        UUID ws = workspace(who);
        ChatUser owner = units.store.workspaces.ensureUser(ws, who.userId(), who.displayName());
        String token = mastodon.issue("https://ail.example.com/oauth/mastodon/callback", "write:statuses write:media profile");
        units.store.accounts.connect(ws, owner.id(), new NewAccount(PlatformId.MASTODON, "1093" + UUID.randomUUID().hashCode(),
                "@ana@127.0.0.1", "Ana", null, mastodon.url(), "write:statuses write:media profile", 500),
                new StoredTokens(Secret.of(token), null, null, null));
    }

    static String postId(String reply) {
        Matcher m = Pattern.compile("Post (p[a-z2-9]{4})").matcher(reply);
        assertTrue(m.find(), reply);
        return m.group(1);
    }

    /** Rows of {@code table} (posts, media_items or media_chunks) in this test's workspace; the database is shared. */
    public int count(String table) {
        String where = table.equals("media_chunks")
                ? "item_id in (select id from media_items where workspace_id = ?)" : "workspace_id = ?";
        return units.store.sql.one("select count(*) from " + table + " where " + where, rs -> rs.getInt(1),
                workspace(ana)).orElseThrow();
    }

    @Override
    public void close() {
        files.stop(0);
        hook.close();
        mastodon.close();
        units.close();
    }
}
