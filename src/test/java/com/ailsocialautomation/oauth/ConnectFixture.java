package com.ailsocialautomation.oauth;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.testing.ServiceEnv;
import com.ailsocialautomation.App;
import com.ailsocialautomation.command.Invocation;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.fakes.FakeMastodon;
import com.ailsocialautomation.fakes.FakeX;
import com.ailsocialautomation.notify.Notifier;
import com.ailsocialautomation.testing.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shared set-up for tests of the connect flow: the real App on an external test database with
 * AIL_INSECURE_LOOPBACK on, a FakeMastodon as the instance, and a notifier that records what people are told.
 */
abstract class ConnectFixture {
    record Told(String workspaceId, String userId, Reply message) {}

    /** Everything one pass through the flow produced. */
    record Flow(String link, HttpResponse<String> confirmation, HttpResponse<String> start, URI authorize, String callback,
                HttpResponse<String> page) {
        Map<String, String> authorizeQuery() {
            return query(authorize.getRawQuery());
        }

        Map<String, String> callbackQuery() {
            return query(URI.create(callback).getRawQuery());
        }
    }

    static final List<Told> told = new CopyOnWriteArrayList<>();
    private static final AtomicInteger users = new AtomicInteger();

    @TempDir
    static Path tmp;
    static FakeMastodon mastodon;
    static App app;

    @BeforeAll
    static void startApp() {
        mastodon = FakeMastodon.start();
        ServiceEnv env = ServiceEnv.in(tmp.resolve("data"))
                .with("AIL_HTTP_TIMEOUT_SECONDS", "3");
        Notifier slack = new Notifier() {
            @Override
            public FrontEnd frontEnd() {
                return FrontEnd.SLACK;
            }

            @Override
            public void direct(String workspaceId, String userId, Reply message) {
                told.add(new Told(workspaceId, userId, message));
            }
        };
        app = env.start(List.of(slack));
    }

    @AfterAll
    static void stopApp() {
        if (app != null) {
            app.close();
        }
        mastodon.close();
    }

    static String newUser() {
        return "U" + users.incrementAndGet();
    }

    /** Each test's person gets a workspace of their own, so tests do not see each other's accounts. */
    static Invocation as(String user) {
        return new Invocation(FrontEnd.SLACK, workspace(user), user, "Person " + user, false, null, null);
    }

    static String workspace(String user) {
        return "T-" + user;
    }

    static Reply run(String user, String command) {
        return app.commands().run(as(user), command);
    }

    /** {@code connect mastodon <instance>} as {@code user}: the one-time link from the reply. */
    static String link(String user, String instance) {
        Reply reply = run(user, "connect mastodon " + instance);
        assertTrue(reply.ephemeral(), "only the caller sees the link");
        Matcher m = Pattern.compile(Pattern.quote(app.config().publicUrl()) + "/oauth/mastodon/start\\?s=[A-Za-z0-9_-]{43}")
                .matcher(reply.text());
        assertTrue(m.find(), reply.text());
        return m.group();
    }

    /**
     * Opens the link, confirms on its page, approves at the instance and comes back: the whole flow as a person's
     * browser sees it.
     */
    static Flow connect(Browser browser, String user, FakeMastodon instance) {
        String link = link(user, instance.url());
        HttpResponse<String> confirmation = browser.get(link);
        assertEquals(200, confirmation.statusCode(), confirmation.body());
        HttpResponse<String> start = confirm(browser, link, confirmation);
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        String callback = instance.approve(authorize);
        return new Flow(link, confirmation, start, authorize, callback, browser.get(callback));
    }

    /** Presses the confirmation page's button: the answer redirects to the platform. */
    static HttpResponse<String> confirm(Browser browser, String link, HttpResponse<String> confirmation) {
        HttpResponse<String> start = browser.submit(link, confirmation, Map.of());
        assertEquals(303, start.statusCode(), start.body());
        return start;
    }

    /** Opens the link and confirms it: the redirect to the platform's authorize page. */
    static HttpResponse<String> begin(Browser browser, String link) {
        return confirm(browser, link, browser.get(link));
    }

    static Flow connect(String user) {
        return connect(new Browser("Mozilla/5.0 (AIL test)"), user, mastodon);
    }

    /** The id and short id of the one account in the person's workspace. */
    static UUID accountOf(String user) {
        return (UUID) column("select a.id from social_accounts a join workspaces w on w.id = a.workspace_id where w.external_id = ?",
                workspace(user)).get(0);
    }

    static String shortIdOf(String user) {
        return (String) column("select short_id from social_accounts where id = ?", accountOf(user)).get(0);
    }

    static DataSource db() {
        return app.database().dataSource();
    }

    /** The first column of each row of a query. */
    static List<Object> column(String sql, Object... params) {
        try (Connection c = db().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Object> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static int update(String sql, Object... params) {
        try (Connection c = db().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(String sql, Object... params) {
        return ((Number) column(sql, params).get(0)).longValue();
    }

    static List<Told> toldTo(String user, Duration within) throws InterruptedException {
        com.ailsocialautomation.testing.Eventually.eventually(within, () -> told.stream().anyMatch(t -> t.userId().equals(user)));
        return told.stream().filter(t -> t.userId().equals(user)).toList();
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    static String s256(String verifier) {
        return FakeX.s256(verifier);
    }
}
