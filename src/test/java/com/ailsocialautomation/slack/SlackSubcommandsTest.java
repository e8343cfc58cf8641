package com.ailsocialautomation.slack;

import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.ailsocialautomation.slack.SlackCommandTest.json;
import static com.ailsocialautomation.slack.SlackCommandTest.text;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue point 3: each subcommand of SPEC section 2 as /ail text, through the real command layer. */
class SlackSubcommandsTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static SlackRig rig;

    @BeforeAll
    static void start() throws Exception {
        rig = SlackRig.single(pg);
    }

    @AfterAll
    static void stop() throws Exception {
        rig.close();
    }

    @Test
    void everySubcommandRunsAsSlashCommandText() throws Exception {
        String team = "TALL";
        rig.user("UALL", "Alex", "Europe/Lisbon", false);
        java.util.function.Function<String, String> run = line -> {
            try {
                return text(json(rig.requests.command(team, "UALL", line, rig.slack.responseUrl("all"))));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        assertTrue(run.apply("help").contains("/ail schedule"));
        String reply = run.apply("connect webhook http://127.0.0.1:9/all-hook");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(SlackRig.PUBLIC_URL)
                + "/connect/webhook\\?s=[A-Za-z0-9_-]{43}").matcher(reply);
        assertTrue(link.find(), reply);
        assertFalse(reply.contains("whsec_"), "the signing secret never passes through Slack: " + reply);
        com.ailsocialautomation.testing.Browser browser = new com.ailsocialautomation.testing.Browser("Mozilla/5.0");
        String url = rig.local(link.group());
        var page = browser.get(url);
        assertTrue(page.body().contains("Alex asked AIL to connect the webhook at 127.0.0.1 to the Slack workspace \u201cTALL\u201d"), page.body());
        String connected = browser.submit(url, page, java.util.Map.of()).body();
        assertTrue(connected.matches("(?s).*<pre>whsec_[A-Za-z0-9+/]{43}=</pre>.*"), "the secret, shown once on AIL's page: " + connected);
        String account = connected.replaceAll("(?s).*Connected webhook (\\w+) .*", "$1");
        String accounts = run.apply("accounts");
        assertTrue(accounts.contains(account), account + " in " + accounts + " after " + connected);
        assertTrue(run.apply("post to:" + account + " Right now").contains("Publishing now"));
        String scheduled = run.apply("schedule in:2h to:" + account + " Later on");
        assertTrue(scheduled.contains("Scheduled"), scheduled);
        String post = scheduled.replaceAll("(?s)^Post (\\w+) .*", "$1");
        assertTrue(run.apply("list").contains(post));
        assertTrue(run.apply("list recent").contains("Recent posts"));
        assertTrue(run.apply("show " + post).contains("Post " + post));
        assertTrue(run.apply("edit " + post + " Later, edited").contains("now reads: Later, edited"));
        assertTrue(run.apply("reschedule " + post + " in:3h").contains("will be published"));
        assertTrue(run.apply("cancel " + post).startsWith("Cancelled post " + post));
        assertTrue(run.apply("retry " + post).contains("only failed or unknown targets can be retried"));
        assertTrue(run.apply("timezone America/New_York").contains("Your time zone is now America/New_York"));
        assertTrue(run.apply("notify on").contains("direct message"));
        String myData = run.apply("my-data");
        assertTrue(myData.contains("Here is everything AIL stores about you"), myData);
        String forgetMe = run.apply("forget-me");
        assertTrue(forgetMe.contains("This erases everything AIL stores about you"), forgetMe);
        assertTrue(run.apply("disconnect " + account).startsWith("Disconnected"));
        assertTrue(run.apply("schedule at:nonsense to:x Hi").contains("at:"), "a one-line error with the usage");
    }
}
