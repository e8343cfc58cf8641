package com.ailsocialautomation.calendar;

import com.ailsocialautomation.App;
import com.ailsocialautomation.Json;
import com.ailsocialautomation.command.Invocation;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeSlack;
import com.ailsocialautomation.fakes.FakeSlackOpenId;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.schedule.Times;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.NewAccount;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.PostFilter;
import com.ailsocialautomation.store.Posts;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.StoredTokens;
import com.ailsocialautomation.store.Vault;
import com.ailsocialautomation.store.Workspaces;
import com.ailsocialautomation.testing.Browser;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.ServiceEnv;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22 point 4 in a browser: HtmlUnit, running the page's own script under its CSP, signs in with Slack through
 * a strict fake OpenID provider against the real service on loopback, sees only its workspace's posts, moves one by
 * the drag script's path, and the move shows in chat (a signed /ail show).
 */
class CalendarBrowserTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static final String SIGNING_SECRET = "calendar-signing-secret-0123456789";
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path tmp;

    @Test
    void signingInWithSlackShowsOnlyThatWorkspaceAndDraggingAPostReschedulesItAsChatSees() throws Exception {
        try (FakeSlack slack = new FakeSlack()) {
            FakeSlackOpenId openId = new FakeSlackOpenId(slack);
            slack.addUser(new FakeSlack.User("U0CLEO", "Cleo", "Europe/Berlin", false, false));
            slack.addUser(new FakeSlack.User("U0OTTO", "Otto", "UTC", false, false));
            slack.installedBy("U0CLEO");
            int port = freePort();
            String local = "http://127.0.0.1:" + port;
            openId.allowRedirect(local + "/calendar/signin/slack/callback");
            ServiceEnv env = ServiceEnv.in(tmp.resolve("data")).with("AIL_PORT", Integer.toString(port))
                    .with("AIL_PUBLIC_URL", local).with("SLACK_SIGNING_SECRET", SIGNING_SECRET)
                    .with("SLACK_CLIENT_ID", FakeSlack.CLIENT_ID).with("SLACK_CLIENT_SECRET", FakeSlack.CLIENT_SECRET)
                    .with("SLACK_API_URL", slack.url());
            try (App app = env.start()) {
                installSlack(local, slack);
                Invocation cleo = new Invocation(FrontEnd.SLACK, FakeSlack.TEAM, "U0CLEO", "Cleo", false, BERLIN, null);
                Invocation otto = new Invocation(FrontEnd.SLACK, FakeSlack.TEAM, "U0OTTO", "Otto", false, null, null);
                Invocation elsewhere = new Invocation(FrontEnd.SLACK, "T0ELSE", "U0CLEO", "Cleo", false, BERLIN, null);
                Account hook = account(app, cleo, "cal.example/hook");
                Account otherHook = account(app, elsewhere, "else.example/hook");
                LocalDate tomorrow = LocalDate.now(BERLIN).plusDays(1);
                app.commands().run(cleo, "schedule at:\"" + tomorrow + " 10:00\" to:" + hook.shortId() + " Cleo's <b>launch</b> note");
                app.commands().run(otto, "schedule at:\"" + tomorrow + " 11:00\" to:" + hook.shortId() + " Otto's own note");
                app.commands().run(elsewhere, "schedule at:\"" + tomorrow + " 12:00\" to:" + otherHook.shortId() + " Secret of another workspace");
                Post mine = post(app, FakeSlack.TEAM, "Cleo's");
                LocalDate slotDay = tomorrow.plusDays(2);
                String queued = app.commands().run(cleo, "queue " + hook.shortId() + " add "
                        + slotDay.getDayOfWeek().name().substring(0, 3).toLowerCase() + " 08:15").text();
                assertTrue(queued.contains("08:15"), queued);

                try (WebClient browser = new WebClient(BrowserVersion.CHROME)) {
                    browser.getOptions().setThrowExceptionOnScriptError(true);
                    browser.getOptions().setCssEnabled(false);
                    openId.signInAs(FakeSlack.TEAM, "U0CLEO", "Cleo");
                    HtmlPage signIn = browser.getPage(local + "/calendar");
                    HtmlPage calendar = signIn.getAnchorByText("Sign in with Slack").click();
                    browser.waitForBackgroundJavaScript(1_000);

                    String text = calendar.asNormalizedText();
                    assertTrue(calendar.getUrl().toString().startsWith(local + "/calendar"), calendar.getUrl().toString());
                    assertTrue(text.contains("Cleo's <b>launch</b> note"), "escaped text, shown as typed: " + text);
                    assertTrue(text.contains("Otto's own note"), text);
                    assertFalse(calendar.asXml().contains("Secret of another workspace"), "another workspace's post is absent");
                    assertTrue(text.contains("Times in Europe/Berlin"), text);
                    assertNotNull(calendar.getElementById("move-" + mine.shortId()), "Cleo may move her post");
                    Post ottos = post(app, FakeSlack.TEAM, "Otto's");
                    assertEquals(null, calendar.getElementById("move-" + ottos.shortId()), "not Otto's");
                    var headers = calendar.getWebResponse();
                    assertEquals("no-referrer", headers.getResponseHeaderValue("Referrer-Policy"));
                    String csp = headers.getResponseHeaderValue("Content-Security-Policy");
                    assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe"), csp);
                    Cookie session = browser.getCookieManager().getCookie(Cookies.SESSION);
                    assertTrue(session.isHttpOnly() && !session.isSecure() && "lax".equalsIgnoreCase(session.getSameSite()),
                            session.toString());
                    String reply = openId.calls().get(openId.calls().size() - 1).error();
                    assertEquals(null, reply, "the token call was served");

                    // a forged move from elsewhere (no CSRF token) moves nothing
                    assertEquals(403, forgedMove(local, session.getValue(), mine.shortId()));

                    // dropped on another day, the post keeps its time of day there (the page's own drop handler runs)
                    LocalDate target = tomorrow.plusDays(1);
                    assertNotNull(calendar.querySelector("div.slot.free[data-slot-at='" + slotDay + "T08:15']"),
                            "the account's free queue time shows: " + calendar.asXml());
                    HtmlPage moved = drop(browser, calendar, mine.shortId(), "td[data-date='" + target + "']");
                    assertTrue(moved.asNormalizedText().contains("will be published"), moved.asNormalizedText());
                    Instant expected = ZonedDateTime.of(target.atTime(10, 0), BERLIN).toInstant();
                    assertEquals(expected, post(app, FakeSlack.TEAM, "Cleo's").scheduledAt());
                    assertTrue(moved.querySelector("td[data-date='" + target + "'] #post-" + mine.shortId()) != null,
                            "the post sits on its new day");

                    // and chat says so
                    String shown = slashCommand(local, "U0CLEO", "show " + mine.shortId());
                    assertTrue(shown.contains(Times.format(expected, BERLIN)), shown);

                    // dropped on a free queue time, it takes that time, and the time shows as taken by it
                    HtmlPage queuedPage = drop(browser, moved, mine.shortId(), "div.slot.free[data-slot-at='" + slotDay + "T08:15']");
                    Instant slotAt = ZonedDateTime.of(slotDay.atTime(8, 15), BERLIN).toInstant();
                    assertEquals(slotAt, post(app, FakeSlack.TEAM, "Cleo's").scheduledAt());
                    assertTrue(queuedPage.asNormalizedText().contains("taken by " + mine.shortId()), queuedPage.asNormalizedText());

                    // without a mouse: the post's own form, a new time typed and Move pressed
                    org.htmlunit.html.HtmlForm form = queuedPage.getHtmlElementById("move-" + mine.shortId());
                    form.getInputByName("at").setValue(target + "T16:45");
                    HtmlPage typed = form.getOneHtmlElementByAttribute("button", "type", "submit").click();
                    assertTrue(typed.asNormalizedText().contains("will be published"), typed.asNormalizedText());
                    assertEquals(ZonedDateTime.of(target.atTime(16, 45), BERLIN).toInstant(),
                            post(app, FakeSlack.TEAM, "Cleo's").scheduledAt());
                }
            }
        }
    }

    /**
     * Drops post {@code shortId} on the element {@code selector} finds, as the browser's drag and drop delivers it: a
     * drop event whose dataTransfer holds the post id (what the page's dragstart put there), handled by the page's own
     * script. HtmlUnit has no pointer to drag with, so the event is dispatched; the page it leads to is returned.
     */
    private static HtmlPage drop(WebClient browser, HtmlPage page, String shortId, String selector) {
        page.executeJavaScript("(function () {"
                + "var target = document.querySelector(\"" + selector + "\");"
                + "var drop = document.createEvent('Event'); drop.initEvent('drop', true, true);"
                + "drop.dataTransfer = { getData: function () { return '" + shortId + "'; } };"
                + "target.dispatchEvent(drop); })()");
        browser.waitForBackgroundJavaScript(2_000);
        return (HtmlPage) browser.getCurrentWindow().getEnclosedPage();
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Installs AIL in FakeSlack's workspace as a browser does. */
    static void installSlack(String local, FakeSlack slack) {
        Browser browser = new Browser("Mozilla/5.0 (AIL test)");
        HttpResponse<String> start = browser.get(local + "/slack/install");
        String authorize = start.headers().firstValue("Location").orElseThrow(() -> new AssertionError(start.body()));
        String code = slack.approve(authorize);
        String state = null;
        for (String pair : URI.create(authorize).getRawQuery().split("&")) {
            if (pair.startsWith("state=")) {
                state = URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
            }
        }
        HttpResponse<String> back = browser.get(local + "/slack/oauth_redirect?code=" + code + "&state=" + state);
        assertTrue(back.headers().firstValue("Location").orElse("").endsWith("/slack/installed"), back.body());
    }

    /** A webhook account connected by the invoking person in their workspace (they are known there from now on). */
    static Account account(App app, Invocation who, String handle) {
        Sql sql = new Sql(app.database().dataSource());
        Workspaces workspaces = new Workspaces(sql);
        UUID ws = workspaces.ensure(who.frontEnd(), who.workspaceId(), null);
        ChatUser owner = workspaces.ensureUser(ws, who.userId(), who.displayName());
        Accounts accounts = new Accounts(sql, vault(app));
        return accounts.connect(ws, owner.id(), new NewAccount(PlatformId.WEBHOOK, "hook-" + UUID.randomUUID(), handle, handle,
                null, "http://127.0.0.1:9/" + handle, null, null), new StoredTokens(Secret.of("whsec_test"), null, null, null));
    }

    static Post post(App app, String team, String textStart) {
        return post(app, team, textStart, FrontEnd.SLACK);
    }

    static Post post(App app, String workspace, String textStart, FrontEnd frontEnd) {
        Sql sql = new Sql(app.database().dataSource());
        UUID ws = new Workspaces(sql).find(frontEnd, workspace).orElseThrow();
        return new Posts(sql, vault(app)).list(ws, PostFilter.RECENT, null, 50).stream()
                .filter(p -> p.text().startsWith(textStart)).findFirst().orElseThrow();
    }

    private static Vault vault(App app) {
        return Vault.open(app.database().dataSource(), Base64.getDecoder().decode(PostgresExtension.MASTER_KEY_BASE64));
    }

    private static int forgedMove(String local, String session, String shortId) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(local + "/calendar/reschedule"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", Cookies.SESSION + "=" + session)
                .POST(HttpRequest.BodyPublishers.ofString("w=0&post=" + shortId + "&at=2030-01-01T10:00&csrf=forged")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** {@code /ail <text>} as Slack sends it, signed: the text of the ack. */
    static String slashCommand(String local, String user, String text) throws Exception {
        Map<String, String> form = new HashMap<>(Map.of("token", "deprecated", "team_id", FakeSlack.TEAM, "team_domain", "ail-test",
                "channel_id", "C0GENERAL", "channel_name", "general", "user_id", user, "user_name", user.toLowerCase(),
                "command", "/ail", "text", text, "api_app_id", "A0AIL"));
        form.put("response_url", "http://127.0.0.1:9/respond");
        form.put("trigger_id", "4242.42.trigger");
        String body = String.join("&", form.entrySet().stream().map(e -> e.getKey() + "="
                + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
        String ts = Long.toString(Instant.now().getEpochSecond());
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "v0=" + java.util.HexFormat.of().formatHex(mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> ack = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(local + "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ack.statusCode(), ack.body());
        return Json.MAPPER.readTree(ack.body()).toString();
    }
}
