package com.ailsocialautomation.oauth;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.ailsocialautomation.testing.Browser;
import com.ailsocialautomation.testing.RawTables;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Links and states that must not work, and the promise that nothing secret shows anywhere. */
class ConnectRefusalsTest extends ConnectFixture {

    /** What a refused callback must leave as it was. */
    private record Snapshot(int tokenRequests, long accounts, long notifications, long technicalData) {
        static Snapshot now() {
            return new Snapshot(mastodon.received("POST", "/oauth/token").size(), count("select count(*) from social_accounts"),
                    count("select count(*) from notifications"), count("select count(*) from technical_data"));
        }
    }

    private static String token(String link) {
        return link.substring(link.indexOf("?s=") + 3);
    }

    private static String callbackUrl() {
        return app.config().publicUrl() + "/oauth/mastodon/callback";
    }

    @Test
    void aLinkWorksOnceAndNotAfterTenMinutesAndOnlyItsHashIsStored() {
        String user = newUser();
        Browser browser = new Browser("A");
        String link = link(user, mastodon.url());
        begin(browser, link);
        HttpResponse<String> again = browser.get(link);
        assertEquals(400, again.statusCode());
        assertTrue(again.body().contains("This link has expired or was already used; each link works once, for 10 minutes. "
                + "Run /ail connect mastodon in chat for a new link."), again.body());

        String late = link(user, mastodon.url());
        assertEquals(1, update("update connect_links set expires_at = now() - interval '1 second' "
                + "where id = (select id from connect_links order by created_at desc limit 1)"));
        assertEquals(400, browser.get(late).statusCode());
        assertEquals(List.of(), RawTables.rowsContaining(db(), token(link)));
        assertEquals(List.of(), RawTables.rowsContaining(db(), token(late)));
        assertEquals(32, ((byte[]) column("select token_hash from connect_links limit 1").get(0)).length, "a SHA-256");
    }

    @Test
    void aChatAppFetchingThePreviewOfTheLinkDoesNotUseItUp() {
        String link = link(newUser(), mastodon.url());
        HttpResponse<String> preview = new Browser("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)").get(link);
        assertEquals(200, preview.statusCode());
        assertTrue(preview.body().contains("Open this link in your browser to connect your mastodon account."), preview.body());
        begin(new Browser("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"), link);
    }

    @Test
    void aReplayedStateGetsAFailurePageAndChangesNothing() {
        Browser browser = new Browser("A");
        Flow flow = connect(browser, newUser(), mastodon);
        assertEquals(200, flow.page().statusCode());
        Snapshot before = Snapshot.now();
        HttpResponse<String> replay = browser.get(flow.callback());
        assertEquals(400, replay.statusCode());
        assertTrue(replay.body().contains("This sign-in was already used; each one works once."), replay.body());
        assertEquals(before, Snapshot.now());
    }

    @Test
    void aForgedOrMissingStateGetsAFailurePageAndChangesNothing() {
        Snapshot before = Snapshot.now();
        HttpResponse<String> forged = new Browser("A").get(callbackUrl() + "?code=abc&state=" + "f".repeat(43));
        assertEquals(400, forged.statusCode());
        assertTrue(forged.body().contains("AIL did not start this sign-in."), forged.body());
        HttpResponse<String> missing = new Browser("A").get(callbackUrl() + "?code=abc");
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("This address is missing the sign-in state"), missing.body());
        assertEquals(before, Snapshot.now());
    }

    @Test
    void anExpiredStateGetsAFailurePageAndItsCodeIsNeverExchanged() {
        Browser browser = new Browser("A");
        HttpResponse<String> start = begin(browser, link(newUser(), mastodon.url()));
        assertEquals(1, update("update oauth_states set expires_at = now() - interval '1 second' "
                + "where id = (select id from oauth_states order by created_at desc limit 1)"));
        String callback = mastodon.approve(URI.create(start.headers().firstValue("Location").orElseThrow()));
        Snapshot before = Snapshot.now();
        HttpResponse<String> page = browser.get(callback);
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("This sign-in took longer than 10 minutes and has expired."), page.body());
        assertEquals(before, Snapshot.now());
    }

    @Test
    void aStateBroughtToAnotherPlatformsCallbackIsRefusedAndStillWorksWhereItBelongs() {
        Browser browser = new Browser("A");
        HttpResponse<String> start = begin(browser, link(newUser(), mastodon.url()));
        String callback = mastodon.approve(URI.create(start.headers().firstValue("Location").orElseThrow()));
        Snapshot before = Snapshot.now();
        HttpResponse<String> crossed = browser.get(callback.replace("/oauth/mastodon/callback", "/oauth/x/callback"));
        assertEquals(400, crossed.statusCode());
        assertTrue(crossed.body().contains("This sign-in was started for another platform."), crossed.body());
        assertEquals(before, Snapshot.now());
        assertEquals(200, browser.get(callback).statusCode(), "the state was left unused");
    }

    @Test
    void aCallbackInAnotherBrowserIsRefusedSoNobodyCanCollectSomeoneElsesAccount() {
        Browser asker = new Browser("A");
        HttpResponse<String> start = begin(asker, link(newUser(), mastodon.url()));
        String callback = mastodon.approve(URI.create(start.headers().firstValue("Location").orElseThrow()));
        Snapshot before = Snapshot.now();
        HttpResponse<String> elsewhere = new Browser("B").get(callback);
        assertEquals(400, elsewhere.statusCode());
        assertTrue(elsewhere.body().contains("This sign-in was started in another browser"), elsewhere.body());
        assertEquals(before, Snapshot.now());
        assertEquals(200, asker.get(callback).statusCode());
        assertTrue(asker.cookies().keySet().stream().noneMatch(c -> c.startsWith("ail_oauth_")),
                "the flow's cookie is cleared once used: " + asker.cookies());
    }

    @Test
    void cancellingAtTheInstanceSaysSoAndConnectsNothing() {
        String user = newUser();
        mastodon.denyNext();
        Flow flow = connect(new Browser("A"), user, mastodon);
        assertEquals("access_denied", flow.callbackQuery().get("error"));
        assertEquals(200, flow.page().statusCode());
        assertTrue(flow.page().body().contains("You cancelled connecting your mastodon account, so nothing was connected."), flow.page().body());
        assertEquals(0, count("select count(*) from social_accounts a join workspaces w on w.id = a.workspace_id where w.external_id = ?",
                workspace(user)));
    }

    @Test
    void aCodeTheInstanceRefusesGivesAPageThatSaysWhatToDoAndAChatMessage() throws Exception {
        String user = newUser();
        Browser browser = new Browser("A");
        HttpResponse<String> start = begin(browser, link(user, mastodon.url()));
        String callback = mastodon.approve(URI.create(start.headers().firstValue("Location").orElseThrow()));
        HttpResponse<String> page = browser.get(callback.replaceFirst("code=[^&]+", "code=not-a-code"));
        assertEquals(502, page.statusCode());
        assertTrue(page.body().contains("mastodon did not accept the connection: The Mastodon server refused the sign-in (The provided"),
                page.body());
        assertTrue(page.body().contains("To try again, run /ail connect mastodon " + mastodon.url() + " in chat"), page.body());
        List<Told> messages = toldTo(user, Duration.ofSeconds(5));
        assertEquals(1, messages.size());
        assertTrue(messages.get(0).message().text().startsWith("Connecting your mastodon account failed. mastodon did not accept"),
                messages.get(0).message().text());
    }

    @Test
    void noCodeStateVerifierTokenOrSecretAppearsInAPageALogLineAChatMessageOrTheDatabase() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        List<String> pages = new ArrayList<>();
        String user = newUser();
        Flow flow;
        try {
            Browser browser = new Browser("A");
            flow = connect(browser, user, mastodon);
            pages.add(flow.start().body());
            pages.add(flow.page().body());
            pages.add(browser.get(flow.callback()).body()); // replayed
            HttpResponse<String> other = begin(browser, link(user, mastodon.url()));
            String refused = mastodon.approve(URI.create(other.headers().firstValue("Location").orElseThrow()));
            pages.add(new Browser("B").get(refused).body()); // another browser
            pages.add(browser.get(refused.replaceFirst("code=[^&]+", "code=" + flow.callbackQuery().get("code"))).body()); // used code
            toldTo(user, Duration.ofSeconds(5));
        } finally {
            root.detachAppender(logged);
        }
        Map<String, String> callback = flow.callbackQuery();
        Map<String, String> exchange = mastodon.received("POST", "/oauth/token").stream()
                .filter(r -> callback.get("code").equals(r.form().get("code"))).findFirst().orElseThrow().form();
        Map<String, String> secrets = Map.of(
                "link token", token(flow.link()),
                "state", callback.get("state"),
                "code", callback.get("code"),
                "verifier", exchange.get("code_verifier"),
                "client secret", exchange.get("client_secret"),
                "access token", mastodon.tokens().get(mastodon.tokens().size() - 1),
                "browser binding", flow.start().headers().firstValue("Set-Cookie").orElseThrow().replaceAll("^[^=]+=([^;]+);.*$", "$1"));
        List<String> logs = logged.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList();
        List<String> chat = told.stream().map(t -> t.message().toPlainText()).toList();
        String location = flow.start().headers().firstValue("Location").orElseThrow();
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            String value = secret.getValue();
            assertTrue(value.length() >= 8, secret.getKey());
            pages.forEach(p -> assertFalse(p.contains(value), secret.getKey() + " in a page: " + p));
            logs.forEach(l -> assertFalse(l.contains(value), secret.getKey() + " in the log: " + l));
            chat.forEach(c -> assertFalse(c.contains(value), secret.getKey() + " in chat: " + c));
            assertEquals(List.of(), RawTables.rowsContaining(db(), value), secret.getKey() + " stored in clear");
            if (!secret.getKey().equals("state")) {
                assertFalse(location.contains(value), secret.getKey() + " in the authorize redirect");
            }
        }
        assertTrue(logs.stream().anyMatch(l -> l.startsWith("Connected a mastodon account")), "the log was captured: " + logs);
    }
}
