package com.ailsocialautomation.oauth;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.command.Invocation;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.testing.Browser;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A connect link forwarded to someone else (issue 13.1): opening it shows who asked and where the account would go,
 * and only the confirmed POST from that page, in that browser, uses it.
 */
class ConnectConfirmationTest extends ConnectFixture {
    private static long used(String link) {
        return count("select count(*) from connect_links where token_hash = sha256(convert_to(?, 'UTF8')) and used_at is not null",
                link.substring(link.indexOf("?s=") + 3));
    }

    private static long states() {
        return count("select count(*) from oauth_states");
    }

    @Test
    void aForwardedLinkOpenedInAnotherBrowserNamesTheRequesterTheWorkspaceAndTheChatPlatformAndUsesNothing() {
        String attacker = newUser();
        String link = link(attacker, mastodon.url());
        long statesBefore = states();
        Browser victim = new Browser("Mozilla/5.0 (victim)");

        HttpResponse<String> page = victim.get(link);

        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("Person " + attacker + " asked AIL to connect a mastodon account on 127.0.0.1 to the Slack "
                + "workspace \u201c" + workspace(attacker) + "\u201d."), page.body());
        assertTrue(page.body().contains("If someone sent it to you, close this page: nothing has been connected."), page.body());
        assertTrue(page.body().contains("<form method=\"post\" action=\"/oauth/mastodon/start\">"), page.body());
        assertFalse(page.headers().firstValue("Location").isPresent(), "no redirect to the platform on a GET");
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(null));
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        // browsers check the redirect that answers the form against form-action too: the instance, and nothing else
        assertTrue(csp.contains("form-action 'self' " + mastodon.url() + ";"), csp);
        assertEquals(0, used(link));
        assertEquals(statesBefore, states());
    }

    @Test
    void openingTheLinkTwiceUsesNothingAndTheButtonStillWorks() {
        String user = newUser();
        String link = link(user, mastodon.url());
        Browser browser = new Browser("A");
        browser.get(link);
        HttpResponse<String> second = browser.get(link);
        assertEquals(200, second.statusCode());
        assertEquals(0, used(link));

        HttpResponse<String> start = confirm(browser, link, second);
        assertTrue(start.headers().firstValue("Location").orElseThrow().startsWith(mastodon.url() + "/oauth/authorize?"));
        assertEquals(1, used(link));
    }

    @Test
    void aPostWithoutTheTokenOrFromAnotherBrowserIsRefusedAndUsesNothing() {
        String link = link(newUser(), mastodon.url());
        String token = link.substring(link.indexOf("?s=") + 3);
        String action = app.config().publicUrl() + "/oauth/mastodon/start";
        Browser owner = new Browser("A");
        HttpResponse<String> page = owner.get(link);
        Map<String, String> fields = Browser.formFields(page.body());
        long statesBefore = states();

        Map<String, String> noToken = new HashMap<>(fields);
        noToken.remove("csrf");
        HttpResponse<String> withoutToken = owner.post(action, noToken);
        assertEquals(403, withoutToken.statusCode(), withoutToken.body());
        assertTrue(withoutToken.body().contains("This confirmation did not come from AIL&#39;s page in this browser, so nothing was done."),
                withoutToken.body());
        HttpResponse<String> forgedToken = owner.post(action, Map.of("s", token, "csrf", "x".repeat(43)));
        assertEquals(403, forgedToken.statusCode());
        HttpResponse<String> elsewhere = new Browser("B").post(action, fields); // the page's own fields, without its cookie
        assertEquals(403, elsewhere.statusCode());
        Browser other = new Browser("C");
        other.get(link); // a cookie of its own, which the owner's token does not match
        assertEquals(403, other.post(action, fields).statusCode());

        assertEquals(0, used(link));
        assertEquals(statesBefore, states());
        assertEquals(303, owner.submit(link, page, Map.of()).statusCode(), "the real confirmation still works");
    }

    @Test
    void aPersonKnownOnlyByTheirChatIdIsNamedByIt() {
        String user = newUser();
        Reply reply = app.commands().run(new Invocation(FrontEnd.DISCORD, "G-" + user, user, null, false, null, null),
                "connect mastodon " + mastodon.url());
        Matcher m = Pattern.compile(Pattern.quote(app.config().publicUrl()) + "/oauth/mastodon/start\\?s=[A-Za-z0-9_-]{43}").matcher(reply.text());
        assertTrue(m.find(), reply.text());
        HttpResponse<String> page = new Browser("A").get(m.group());
        assertTrue(page.body().contains(user + " asked AIL to connect a mastodon account on 127.0.0.1 to the Discord workspace"), page.body());
    }

    @Test
    void aCancelledSignInKeepsNoTechnicalData() {
        String user = newUser();
        long before = count("select count(*) from technical_data");
        mastodon.denyNext();
        Flow flow = connect(new Browser("Cancelling/1"), user, mastodon);
        assertTrue(flow.page().body().contains("You cancelled connecting your mastodon account"), flow.page().body());
        assertEquals(before, count("select count(*) from technical_data"));
        assertEquals(List.of(), column("select user_agent from technical_data where user_agent = 'Cancelling/1'"));
    }
}
