package com.ailsocialautomation.command;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.testing.ServiceEnv;
import com.ailsocialautomation.App;
import com.ailsocialautomation.fakes.FakeWebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every subcommand through the real command layer over a real database, as people in two workspaces would use
 * it: what each may see and change, and what each is told when something is wrong.
 */
class CommandServiceTest {
    static App app;
    static FakeWebhookReceiver hook;
    static CommandService commands;

    static final Invocation ANA = new Invocation(FrontEnd.SLACK, "T-ACME", "U-ANA", "Ana", false, ZoneId.of("Europe/Berlin"), null);
    static final Invocation BOB = new Invocation(FrontEnd.SLACK, "T-ACME", "U-BOB", "Bob", false, ZoneId.of("UTC"), null);
    static final Invocation BOSS = new Invocation(FrontEnd.SLACK, "T-ACME", "U-BOSS", "Boss", true, ZoneId.of("UTC"), null);
    static final Invocation EVE = new Invocation(FrontEnd.SLACK, "T-OTHER", "U-EVE", "Eve", true, ZoneId.of("UTC"), null);

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        ServiceEnv env = ServiceEnv.in(tmp.resolve("data"));
        app = env.start();
        commands = app.commands();
        hook = new FakeWebhookReceiver();
    }

    @AfterAll
    static void stop() {
        hook.close();
        app.close();
    }

    private static String run(Invocation who, String line) {
        return commands.run(who, line).toPlainText();
    }

    private static String connectHook(Invocation who) {
        String page = connect(who, hook.url());
        Matcher m = Pattern.compile("Connected webhook (a[a-z2-9]{4})").matcher(page);
        assertTrue(m.find(), page);
        return m.group(1);
    }

    /**
     * connect webhook: in Discord the reply shows the secret once; in Slack the reply is a link, and AIL's page behind
     * it connects and shows the secret once.
     */
    private static String connect(Invocation who, String url) {
        String reply = run(who, "connect webhook " + url);
        if (who.frontEnd() != FrontEnd.SLACK) {
            assertTrue(reply.contains("Signing secret (shown only now)"), reply);
            return reply;
        }
        Matcher link = Pattern.compile("http://\\S+/connect/webhook\\?s=[A-Za-z0-9_-]{43}").matcher(reply);
        assertTrue(link.find(), reply);
        com.ailsocialautomation.testing.Browser browser = new com.ailsocialautomation.testing.Browser("Mozilla/5.0");
        var confirmation = browser.get(link.group());
        assertEquals(200, confirmation.statusCode(), confirmation.body());
        var page = browser.submit(link.group(), confirmation, Map.of());
        assertEquals(200, page.statusCode(), page.body());
        return page.body();
    }

    private static String postId(String reply) {
        Matcher m = Pattern.compile("Post (p[a-z2-9]{4})").matcher(reply);
        assertTrue(m.find(), reply);
        return m.group(1);
    }

    @Test
    void helpListsEverySubcommandAndLinksThePrivacyPolicy() {
        String help = run(ANA, "help");
        for (String name : Commands.names()) {
            assertTrue(help.contains("/ail " + name), name + " missing from " + help);
        }
        assertTrue(help.contains("/privacy") && help.contains("legal@ailsocialautomation.com"), help);
        assertTrue(run(ANA, "help schedule").contains("in:"));
        assertTrue(run(ANA, "help frobnicate").contains("frobnicate"));
    }

    @Test
    void unknownSubcommandsAndOptionsGetOneLineWithTheUsage() {
        String reply = run(ANA, "pots hello");
        assertFalse(reply.contains("\n"), reply);
        String option = run(ANA, "post colour:red hello");
        assertTrue(option.contains("colour") && option.contains("Usage"), option);
    }

    @Test
    void aWebhookMustBeHttpsUnlessLoopbackIsAllowedAndNeverPrivate() {
        assertTrue(run(ANA, "connect webhook http://93.184.216.34/hook").contains("must start with https://"));
        assertTrue(run(ANA, "connect webhook https://10.0.0.5/hook").contains("(10.0.0.5)"), run(ANA, "connect webhook https://10.0.0.5/hook"));
        assertTrue(run(ANA, "connect myspace").contains("myspace"), run(ANA, "connect myspace"));
        // The choices are the platforms with a provider (every platform AIL declares has one now).
        assertTrue(run(ANA, "connect myspace").startsWith("'myspace' is not a platform; choose one of: mastodon, bluesky, webhook, x, linkedin, youtube, tiktok, facebook, instagram, threads."),
                run(ANA, "connect myspace"));
    }

    @Test
    void connectingAPlatformThisServerHasNotSetUpTellsThePersonToAskTheOperatorAndTheOperatorWhatToSet() {
        String reply = run(ANA, "connect x");
        assertTrue(reply.startsWith("Connecting x is not set up on this server yet: ask your AIL operator to turn it on. "
                + "(Operator: register an app with X and set AIL_X_CLIENT_ID and AIL_X_CLIENT_SECRET;"), reply);
        assertTrue(reply.contains("Available here: bluesky, mastodon, webhook."), reply);
        assertTrue(run(ANA, "connect linkedin").contains("AIL_LINKEDIN_CLIENT_ID and AIL_LINKEDIN_CLIENT_SECRET"));
    }

    @Test
    void postsAndAccountsFromAnotherWorkspaceCannotBeSeenOrTouched() {
        String account = connectHook(ANA);
        String post = postId(run(ANA, "schedule in:2h to:" + account + " Workspace secret plans"));
        assertTrue(run(EVE, "show " + post).startsWith("No post '" + post + "'"));
        assertTrue(run(EVE, "cancel " + post).startsWith("No post"));
        assertTrue(run(EVE, "retry " + post).startsWith("No post"));
        assertTrue(run(EVE, "edit " + post + " hacked").startsWith("No post"));
        assertTrue(run(EVE, "reschedule " + post + " in:1h").startsWith("No post"));
        assertTrue(run(EVE, "disconnect " + account).startsWith("No account"));
        assertTrue(run(EVE, "post to:" + account + " hijack").startsWith("No account"));
        assertFalse(run(EVE, "list recent").contains(post));
        assertFalse(run(EVE, "accounts").contains(account));
        assertTrue(run(ANA, "show " + post).contains("scheduled"), "the owner still sees it untouched");
    }

    @Test
    void onlyTheAuthorOrAnAdminMayChangeAPost() {
        String account = connectHook(ANA);
        String post = postId(run(ANA, "schedule in:3h to:" + account + " Ana's post"));
        assertTrue(run(BOB, "cancel " + post).startsWith("Only Ana or a workspace admin"), run(BOB, "cancel " + post));
        assertTrue(run(BOB, "edit " + post + " Bob was here").startsWith("Only"));
        assertTrue(run(BOB, "reschedule " + post + " in:1h").startsWith("Only"));
        assertTrue(run(ANA, "edit " + post + " Ana's better post").contains("now reads: Ana's better post"));
        assertTrue(run(BOSS, "reschedule " + post + " in:4h").contains("will be published"));
        assertEquals("Cancelled post " + post + ".", run(BOSS, "cancel " + post));
        assertTrue(run(ANA, "cancel " + post).contains("nothing left to cancel"));
        assertTrue(run(ANA, "edit " + post + " too late").contains("only scheduled posts"));
        assertTrue(run(ANA, "retry " + post).contains("only failed or unknown"));
    }

    @Test
    void onlyTheOwnerOrAnAdminMayDisconnectAndScheduledPostsToItAreCancelled() {
        String account = connectHook(ANA);
        String post = postId(run(ANA, "schedule in:5h to:" + account + " soon gone"));
        assertTrue(run(BOB, "disconnect " + account).startsWith("Only the person who connected"));
        String reply = run(ANA, "disconnect " + account);
        assertTrue(reply.startsWith("Disconnected") && reply.contains("1 scheduled post to it was cancelled"), reply);
        assertTrue(run(ANA, "show " + post).contains("cancelled"));
        assertFalse(run(ANA, "accounts").contains(account));
    }

    @Test
    void aWebhookUrlIsACredentialThatIsNeverShownWholeNorStoredInClear() {
        Invocation zed = new Invocation(FrontEnd.SLACK, "T-HOOKS", "U-ZED", "Zed", false, null, null);
        String secretPath = "catch/1234567/zq8s9Xk2pLmN";
        String reply = run(zed, "connect webhook " + hook.url() + "/" + secretPath);
        assertFalse(reply.contains(secretPath), reply);
        assertFalse(connect(zed, hook.url() + "/" + secretPath).contains(secretPath));
        String listed = run(zed, "accounts");
        assertTrue(listed.contains("127.0.0.1/…"), listed);
        assertFalse(listed.contains("zq8s9Xk2pLmN"), listed);
        assertEquals(List.of(), com.ailsocialautomation.testing.RawTables.rowsContaining(app.database().dataSource(), "zq8s9Xk2pLmN"));
    }

    @Test
    void toMayBeLeftOutOnlyWhenTheWorkspaceHasOneAccount() {
        Invocation solo = new Invocation(FrontEnd.DISCORD, "G-SOLO", "U-SOLO", "Solo", false, null, null);
        assertTrue(run(solo, "post hello").startsWith("No accounts are connected"));
        connectHook(solo);
        assertTrue(run(solo, "post hello").contains("Publishing now"));
        connectHook(solo); // same URL: the same account again, not a second one
        assertTrue(run(solo, "accounts").contains("Connected accounts (1)"));
        connect(solo, hook.url() + "?second");
        assertTrue(run(solo, "post hello").contains("say which with to:"));
    }

    @Test
    void aMistypedAccountGetsTheNearestOfTheWorkspacesAccounts() {
        Invocation typo = new Invocation(FrontEnd.DISCORD, "G-TYPO", "U-TYPO", "Typo", false, null, null);
        String account = connectHook(typo);
        assertTrue(run(typo, "post to:webhok hello").contains("No account 'webhok' in this workspace; did you mean webhook?"));
        // one letter off (ids are random, so a swap of two letters could be no change at all)
        String typed = account.substring(0, 4) + (account.charAt(4) == 'z' ? 'y' : 'z');
        String reply = run(typo, "disconnect " + typed);
        assertTrue(reply.contains("did you mean " + account + "?"), reply);
        assertTrue(run(typo, "post to:linkedin hello").contains("No account 'linkedin' in this workspace. "));
    }

    @Test
    void timesAreParsedInTheCallersZoneAndPastTimesAreRefused() {
        String account = connectHook(ANA);
        assertTrue(run(ANA, "schedule at:2020-01-01T09:00 to:" + account + " old").contains("has passed"));
        assertTrue(run(ANA, "timezone Mars/Olympus").contains("Mars/Olympus"));
        assertTrue(run(ANA, "timezone America/New_York").contains("America/New_York"));
        String reply = run(ANA, "schedule at:\"tomorrow 09:00\" to:" + account + " breakfast");
        assertTrue(reply.contains("09:00") && reply.contains("America/New_York"), reply);
        assertTrue(run(ANA, "list upcoming").contains("times in America/New_York"));
        run(ANA, "timezone Europe/Berlin");
    }

    @Test
    void tooLongTextIsRefusedPerTargetBeforeAnythingIsStored() {
        Invocation tess = new Invocation(FrontEnd.SLACK, "T-LONG", "U-TESS", "Tess", false, null, null);
        String account = connectHook(tess);
        String reply = run(tess, "post to:" + account + " " + "x".repeat(40_001));
        assertTrue(reply.contains("40001") || reply.contains("40,001") || reply.contains("shorten"), reply);
        assertTrue(run(tess, "list recent").startsWith("No posts yet"));
    }

    @Test
    void notifyAndListFiltersWork() {
        assertTrue(run(BOB, "notify on").contains("whenever one of your posts is published"));
        assertTrue(run(BOB, "notify off").contains("only get direct messages when a post fails"));
        assertTrue(run(BOB, "list mine").startsWith("You have no posts yet"));
        assertTrue(run(BOB, "list failed").startsWith("No failed posts") || run(BOB, "list failed").startsWith("Failed posts"));
    }

    @Test
    void showDisplaysEachAttemptWithItsStatusAndThePlatformsAnswer() throws Exception {
        Invocation ivy = new Invocation(FrontEnd.SLACK, "T-SHOW", "U-IVY", "Ivy", false, null, null);
        String account = connectHook(ivy); // the receiver was never told this secret, so it refuses the signature
        String post = postId(run(ivy, "post to:" + account + " signed wrongly"));
        assertTrue(com.ailsocialautomation.testing.Eventually.eventually(java.time.Duration.ofSeconds(20),
                () -> run(ivy, "show " + post).contains(": failed")), run(ivy, "show " + post));
        String shown = run(ivy, "show " + post);
        assertTrue(shown.contains("attempt ") && shown.contains("HTTP 401") && shown.contains("bad signature"), shown);
        assertTrue(shown.contains("[Retry → retry:" + post + "]"), shown);
        assertTrue(run(ivy, "list failed").contains(post));
    }

    @Test
    void aRetryingTargetShowsItsAttemptsToTheSecondAndItsNextAttemptAndListSaysTheTargetsDiffer() throws Exception {
        Invocation rex = new Invocation(FrontEnd.DISCORD, "G-RETRY", "U-REX", "Rex", false, ZoneId.of("UTC"), null);
        try (FakeWebhookReceiver fine = new FakeWebhookReceiver(); FakeWebhookReceiver busy = new FakeWebhookReceiver()) {
            String a = signedHook(rex, fine);
            String b = signedHook(rex, busy);
            busy.failNext(5, 429, "120"); // rate limited: nothing was published, so AIL tries again after Retry-After
            String post = postId(run(rex, "post to:" + a + "," + b + " half now, half later"));
            assertTrue(com.ailsocialautomation.testing.Eventually.eventually(java.time.Duration.ofSeconds(20),
                    () -> run(rex, "show " + post).contains("next attempt")), run(rex, "show " + post));
            String shown = run(rex, "show " + post);
            assertTrue(Pattern.compile("attempt \\w{3} \\d{1,2} \\w{3} \\d{2}:\\d{2}:\\d{2}: ").matcher(shown).find(), shown);
            assertTrue(Pattern.compile("next attempt \\w{3} \\d{1,2} \\w{3} \\d{2}:\\d{2}:\\d{2}").matcher(shown).find(), shown);
            String listed = run(rex, "list recent");
            assertTrue(listed.contains("(targets differ: webhook ") && listed.contains(" published")
                    && listed.contains(" scheduled"), listed);

            String which = run(rex, "post to:webhook which one?");
            assertTrue(which.startsWith("This workspace has 2 webhook accounts (") && which.contains(a) && which.contains(b)
                    && which.contains("or all of them with to:webhook:*."), which);
            assertTrue(run(rex, "schedule in:2h to:webhook:* both, later").contains("Scheduled"));
        }
    }

    private static String signedHook(Invocation who, FakeWebhookReceiver receiver) {
        String reply = connect(who, receiver.url());
        Matcher secret = Pattern.compile("Signing secret \\(shown only now\\): (whsec_\\S+)").matcher(reply);
        assertTrue(secret.find(), reply);
        receiver.expectSecret(secret.group(1));
        Matcher id = Pattern.compile("Connected webhook (a[a-z2-9]{4})").matcher(reply);
        assertTrue(id.find(), reply);
        return id.group(1);
    }

    @Test
    void aButtonRunsTheSameCommandWithTheSameRightsChecks() {
        String account = connectHook(ANA);
        String post = postId(run(ANA, "schedule in:6h to:" + account + " button test"));
        assertTrue(commands.press(BOB, "cancel:" + post).text().startsWith("Only"));
        assertEquals("Cancelled post " + post + ".", commands.press(ANA, "cancel:" + post).text());
        assertTrue(commands.press(ANA, "explode:now").text().contains("no longer valid"));
    }
}
