package com.ailsocialautomation.calendar;

import com.ailsocialautomation.App;
import com.ailsocialautomation.Json;
import com.ailsocialautomation.command.Invocation;
import com.ailsocialautomation.command.PrivacyCommands;
import com.ailsocialautomation.fakes.FakeSlack;
import com.ailsocialautomation.fakes.FakeSlackOpenId;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.testing.Browser;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.ServiceEnv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The calendar's sign-in and sessions refuse what they must: a callback in another browser or replayed, a code used
 * twice, a person AIL does not know; signing out and forget-me end the session, of which only a hash was stored.
 */
class CalendarSessionTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();

    @TempDir
    Path tmp;

    @Test
    void aSignInWorksOnceInItsOwnBrowserAndItsSessionEndsWithSignOutAndWithForgetMe() throws Exception {
        try (FakeSlack slack = new FakeSlack()) {
            FakeSlackOpenId openId = new FakeSlackOpenId(slack);
            slack.addUser(new FakeSlack.User("U0CLEO", "Cleo", "Europe/Berlin", false, false));
            int port = CalendarBrowserTest.freePort();
            String local = "http://127.0.0.1:" + port;
            openId.allowRedirect(local + WebCalendar.SLACK_CALLBACK);
            ServiceEnv env = ServiceEnv.in(tmp.resolve("data")).with("AIL_PORT", Integer.toString(port))
                    .with("AIL_PUBLIC_URL", local).with("SLACK_SIGNING_SECRET", CalendarBrowserTest.SIGNING_SECRET)
                    .with("SLACK_CLIENT_ID", FakeSlack.CLIENT_ID).with("SLACK_CLIENT_SECRET", FakeSlack.CLIENT_SECRET)
                    .with("SLACK_API_URL", slack.url());
            try (App app = env.start()) {
                CalendarBrowserTest.installSlack(local, slack);
                Invocation cleo = new Invocation(FrontEnd.SLACK, FakeSlack.TEAM, "U0CLEO", "Cleo", false, null, null);
                CalendarBrowserTest.account(app, cleo, "cal.example/hook");
                Sql sql = new Sql(app.database().dataSource());
                openId.signInAs(FakeSlack.TEAM, "U0CLEO", "Cleo");

                Browser mine = new Browser("Mozilla/5.0 (mine)");
                String callback = throughSlack(mine, local);
                HttpResponse<String> in = mine.get(callback);
                assertEquals(303, in.statusCode(), in.body());
                String token = mine.cookies().get(Cookies.SESSION);
                assertTrue(mine.get(local + "/calendar").body().contains("Times in Europe/Berlin"));
                assertEquals(1, sql.one("select count(*) from web_sessions where token_hash = sha256(?::bytea)",
                        rs -> rs.getInt(1), token).orElseThrow(), "only the token's SHA-256 is kept");
                assertEquals(0, sql.one("select count(*) from web_sessions where encode(token_hash, 'escape') like ?",
                        rs -> rs.getInt(1), "%" + token + "%").orElseThrow());

                // the same callback again, in this browser (its sign-in is over) or in another (it never started one)
                assertEquals(403, mine.get(callback).statusCode());
                assertEquals(403, new Browser("Mozilla/5.0 (someone else)").get(callback).statusCode());
                // a fresh sign-in that comes back with the used code: Slack refuses it, and nothing opens
                Browser again = new Browser("Mozilla/5.0 (again)");
                String fresh = throughSlack(again, local);
                String usedCode = query(callback).get("code");
                HttpResponse<String> reused = again.get(local + WebCalendar.SLACK_CALLBACK + "?code=" + usedCode + "&state="
                        + query(fresh).get("state"));
                assertEquals(400, reused.statusCode(), reused.body());
                assertTrue(reused.body().contains("Slack did not confirm the sign-in (invalid_code)"), reused.body());
                assertFalse(again.cookies().containsKey(Cookies.SESSION));

                // an id_token for another sign-in (its nonce) or another app (its audience) is not used
                for (Map<String, Object> foreign : List.of(Map.<String, Object>of("nonce", "someone-elses-nonce"),
                        Map.<String, Object>of("aud", "9999.other-app"))) {
                    openId.tamperNextToken(foreign);
                    Browser tampered = new Browser("Mozilla/5.0 (tampered)");
                    HttpResponse<String> refused = tampered.get(throughSlack(tampered, local));
                    assertEquals(400, refused.statusCode(), refused.body());
                    assertTrue(refused.body().contains("did not match this sign-in"), refused.body());
                    assertFalse(tampered.cookies().containsKey(Cookies.SESSION));
                }

                // someone AIL does not know in any installed workspace sees nothing
                openId.signInAs(FakeSlack.TEAM, "U0NEWBIE", "Newbie");
                Browser newbie = new Browser("Mozilla/5.0 (newbie)");
                HttpResponse<String> none = newbie.get(throughSlack(newbie, local));
                assertTrue(none.body().contains("No workspace to show"), none.body());
                assertFalse(newbie.cookies().containsKey(Cookies.SESSION));

                // signing out needs the page's CSRF token, then ends the session
                assertEquals(403, mine.post(local + "/calendar/signout", Map.of("csrf", "forged")).statusCode());
                assertEquals(1, sessions(sql), "a forged sign-out ends nothing");
                openId.signInAs(FakeSlack.TEAM, "U0CLEO", "Cleo");
                Browser second = new Browser("Mozilla/5.0 (second)");
                assertEquals(303, second.get(throughSlack(second, local)).statusCode());
                String page = mine.get(local + "/calendar").body();
                assertEquals(303, mine.post(local + "/calendar/signout", Map.of("csrf", Browser.formFields(page).get("csrf"))).statusCode());
                assertFalse(mine.get(local + "/calendar").body().contains("Times in"), "signed out");
                assertEquals(1, sessions(sql));

                // my-data lists the open session (when, until when, which workspaces) but never its token or hash
                String data = new String(app.commands().run(cleo, "my-data").file().content(), java.nio.charset.StandardCharsets.UTF_8);
                com.fasterxml.jackson.databind.JsonNode listed = Json.MAPPER.readTree(data)
                        .at("/alsoKept/webCalendarSessions");
                assertEquals(1, listed.size(), data);
                assertTrue(listed.get(0).get("workspaces").get(0).asText().endsWith("(slack)"), data);
                assertTrue(listed.get(0).get("expiresAt").asText().compareTo(listed.get(0).get("openedAt").asText()) > 0, data);
                assertFalse(data.contains(second.cookies().get(Cookies.SESSION)), "the token stays out of my-data");
                assertFalse(data.toLowerCase().contains("hash"), data);

                // forget-me erases the person and, with them, their sessions
                String confirm = app.commands().run(cleo, "forget-me").buttons().stream()
                        .filter(b -> b.actionId().startsWith(PrivacyCommands.CONFIRM)).findFirst().orElseThrow().actionId();
                String erased = app.commands().press(cleo, confirm).text();
                assertTrue(erased.toLowerCase().contains("erased"), erased);
                assertEquals(0, sessions(sql), erased + " / users: " + sql.list("select external_id from chat_users", rs -> rs.getString(1)));
                assertTrue(second.get(local + "/calendar").body().contains("Sign in with Slack"));
                app.commands().run(cleo, "help"); // Cleo is known again, as a new person
                assertTrue(Json.MAPPER.readTree(app.commands().run(cleo, "my-data").file().content())
                        .at("/alsoKept/webCalendarSessions").isMissingNode(), "no session is listed after forget-me");
            }
        }
    }

    /** Starts a sign-in in {@code browser} and lets the fake Slack agree: the callback address it sends the browser to. */
    private static String throughSlack(Browser browser, String local) {
        HttpResponse<String> start = browser.get(local + "/calendar/signin/slack");
        assertEquals(302, start.statusCode(), start.body());
        HttpResponse<String> slack = browser.get(start.headers().firstValue("Location").orElseThrow());
        assertEquals(302, slack.statusCode(), slack.body());
        return slack.headers().firstValue("Location").orElseThrow();
    }

    private static int sessions(Sql sql) {
        return sql.one("select count(*) from web_sessions", rs -> rs.getInt(1)).orElseThrow();
    }

    private static Map<String, String> query(String url) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String pair : java.net.URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        return out;
    }
}
