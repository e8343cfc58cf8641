package com.ailsocialautomation.calendar;

import com.ailsocialautomation.App;
import com.ailsocialautomation.command.Invocation;
import com.ailsocialautomation.fakes.FakeDiscord;
import com.ailsocialautomation.fakes.FakeDiscordOAuth;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.ServiceEnv;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22 point 4 with Discord: signing in through Discord's OAuth (state, PKCE, the person's servers) shows the
 * servers where AIL is installed and knows the person, with the rights Discord gives them there.
 */
class CalendarDiscordSignInTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    private static final String TOKEN = "MTA.calendar-test-token";
    private static final String MANAGED = "900000000000000011";
    private static final String LEFT = "900000000000000012";
    private static final long MANAGE_GUILD = 1L << 5;

    @TempDir
    Path tmp;

    @Test
    void signingInWithDiscordShowsTheServersTheyAreStillInWithTheirManageServerRights() throws Exception {
        FakeDiscord discord = new FakeDiscord(TOKEN);
        try {
            discord.addGuild(MANAGED, "700000000000000011");
            discord.addGuild(LEFT, "700000000000000012");
            int port = CalendarBrowserTest.freePort();
            String local = "http://127.0.0.1:" + port;
            discord.oauth.allowRedirect(local + "/calendar/signin/discord/callback");
            ServiceEnv env = ServiceEnv.in(tmp.resolve("data")).with("AIL_PORT", Integer.toString(port)).with("AIL_PUBLIC_URL", local)
                    .with("DISCORD_BOT_TOKEN", TOKEN).with("DISCORD_API_URL", discord.apiUrl())
                    .with("DISCORD_CLIENT_ID", FakeDiscordOAuth.CLIENT_ID).with("DISCORD_CLIENT_SECRET", FakeDiscordOAuth.CLIENT_SECRET);
            try (App app = env.start()) {
                Invocation dana = new Invocation(FrontEnd.DISCORD, MANAGED, "500000000000000001", "Dana", false, null, null);
                Invocation eli = new Invocation(FrontEnd.DISCORD, MANAGED, "500000000000000002", "Eli", false, null, null);
                Invocation danaLeft = new Invocation(FrontEnd.DISCORD, LEFT, "500000000000000001", "Dana", false, null, null);
                Account hook = CalendarBrowserTest.account(app, dana, "managed.example/hook");
                Account leftHook = CalendarBrowserTest.account(app, danaLeft, "left.example/hook");
                CalendarBrowserTest.account(app, eli, "eli.example/hook");
                LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
                app.commands().run(eli, "schedule at:\"" + tomorrow + " 09:00\" to:" + hook.shortId() + " Eli's server note");
                app.commands().run(danaLeft, "schedule at:\"" + tomorrow + " 09:00\" to:" + leftHook.shortId() + " From a server Dana left");
                // Discord lists only the server Dana is still in, where she may manage the server
                discord.oauth.signInAs("500000000000000001", "dana", List.of(
                        new FakeDiscordOAuth.Guild(MANAGED, "Managed", MANAGE_GUILD, false),
                        new FakeDiscordOAuth.Guild("900000000000000099", "No AIL here", 0, false)));

                try (WebClient browser = new WebClient(BrowserVersion.CHROME)) {
                    browser.getOptions().setThrowExceptionOnScriptError(true);
                    browser.getOptions().setCssEnabled(false);
                    HtmlPage signIn = browser.getPage(local + "/calendar");
                    HtmlPage calendar = signIn.getAnchorByText("Sign in with Discord").click();
                    String xml = calendar.asXml();
                    assertTrue(xml.contains("Eli's server note") || xml.contains("Eli&apos;s server note"), xml);
                    assertFalse(xml.contains("From a server Dana left"), "a server Discord no longer lists is absent");
                    assertFalse(calendar.asNormalizedText().contains("No AIL here"));
                    String eliPost = CalendarBrowserTest.post(app, MANAGED, "Eli's", FrontEnd.DISCORD).shortId();
                    assertNotNull(calendar.getElementById("move-" + eliPost), "Manage Server: an admin may move others' posts");
                    assertTrue(discord.oauth.calls().stream().allMatch(c -> c.error() == null), discord.oauth.calls().toString());
                }

                // Eli manages nothing: he sees the post but may not move it
                discord.oauth.signInAs("500000000000000002", "eli", List.of(new FakeDiscordOAuth.Guild(MANAGED, "Managed", 0, false)));
                app.commands().run(dana, "schedule at:\"" + tomorrow + " 10:00\" to:" + hook.shortId() + " Dana's own note");
                try (WebClient browser = new WebClient(BrowserVersion.CHROME)) {
                    browser.getOptions().setCssEnabled(false);
                    HtmlPage calendar = ((HtmlPage) browser.getPage(local + "/calendar")).getAnchorByText("Sign in with Discord").click();
                    String danaPost = CalendarBrowserTest.post(app, MANAGED, "Dana's", FrontEnd.DISCORD).shortId();
                    assertNotNull(calendar.getElementById("post-" + danaPost));
                    assertNull(calendar.getElementById("move-" + danaPost), "not his post, not an admin");
                    assertEquals(2, discord.oauth.calls().stream().filter(c -> c.endpoint().equals("token")).count());
                }
            }
        } finally {
            discord.close();
        }
    }
}
