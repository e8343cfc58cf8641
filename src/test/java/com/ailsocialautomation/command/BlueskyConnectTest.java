package com.ailsocialautomation.command;

import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.Reply;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.ailsocialautomation.console.ConsoleSession;
import com.ailsocialautomation.fakes.FakeBluesky;
import com.ailsocialautomation.net.UrlGuard;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.StoredTokens;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.Units;
import com.ailsocialautomation.testing.RawTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** connect bluesky through the command layer, as Slack, Discord and the console call it, over a real database. */
class BlueskyConnectTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private FakeBluesky pds;
    private Units base;
    private Units units;
    private Accounts accounts;
    private CommandService commands;
    private Invocation ana;
    private final List<String> linked = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        logged.start();
        root().addAppender(logged);
        pds = FakeBluesky.start();
        // the service's own units, with the account commands' links recorded instead of stored
        base = Units.over(pg).env("AIL_BLUESKY_API_URL", pds.url()).build();
        accounts = base.store.accounts;
        UrlGuard guard = base.platforms.guard;
        Provider bluesky = base.platforms.bluesky;
        ConnectLinks links = (caller, platform, instanceUrl, detail) -> {
            linked.add(platform + " " + instanceUrl + " " + detail.reveal());
            return "https://ail.example/connect/" + platform + "?s=t0k3n";
        };
        BlueskyLinker linker = new BlueskyLinker(accounts, guard, bluesky, bluesky.instanceUrl(null), links);
        Handler accountCommands = new AccountCommands(accounts, List.of(new WebhookLinker(accounts, guard, links), linker),
                base.publishing.revoker, base.store.targets, base.store.media);
        units = Units.over(pg).env("AIL_BLUESKY_API_URL", pds.url()).handlers(List.of(accountCommands))
                .actions(Map.of(BlueskyLinker.ACTION, linker)).build();
        commands = units.commandLayer.commands;
        ana = new Invocation(FrontEnd.DISCORD, "G-" + UUID.randomUUID(), "U-ana", "Ana", false, null, null);
    }

    @AfterEach
    void stop() {
        root().detachAppender(logged);
        units.close();
        base.close();
        pds.close();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private List<String> logLines() {
        return logged.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList();
    }

    private Reply connectAs(Invocation who, String password) {
        Reply form = commands.run(who, "connect bluesky @Ana.Bsky.Social");
        return commands.submit(who, form.form().submitAction(), Map.of(BlueskyLinker.PASSWORD, password));
    }

    private Account only(Invocation who) {
        List<Account> all = accounts.list(commands.caller(who).workspaceId());
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }

    @Test
    void connectAsksForAnAppPasswordInASecretFormAndSaysWhereToCreateOne() {
        Reply reply = commands.run(ana, "connect bluesky ana.bsky.social");

        assertTrue(reply.ephemeral());
        assertTrue(reply.text().contains("Settings → Privacy and security → App passwords"), reply.text());
        assertTrue(reply.text().contains("never give AIL your main password"), reply.text());
        Reply.Form form = reply.form();
        assertEquals("bluesky-login:ana.bsky.social", form.submitAction(), "the default PDS is not spelled out");
        assertEquals(1, form.inputs().size());
        assertTrue(form.inputs().get(0).secret());
        assertEquals(BlueskyLinker.PASSWORD, form.inputs().get(0).id());
        assertEquals(0, pds.sessionsCreated(), "nothing is sent before the password is given");
    }

    @Test
    void inSlackTheAppPasswordIsAskedForOnAilsOwnPageBehindAOneTimeLinkNotInAModal() {
        Invocation inSlack = new Invocation(FrontEnd.SLACK, "T-" + UUID.randomUUID(), "U-ana", "Ana", false, null, null);
        Reply reply = commands.run(inSlack, "connect bluesky @Ana.Bsky.Social");

        assertEquals(null, reply.form(), "no modal: Slack never sees the password");
        assertTrue(reply.ephemeral());
        assertTrue(reply.text().contains("type it on AIL's page at this link (not here)"), reply.text());
        assertTrue(reply.text().endsWith("https://ail.example/connect/bluesky?s=t0k3n"), reply.text());
        assertEquals(List.of("bluesky " + pds.url() + " ana.bsky.social"), linked, "the handle goes with the link, the PDS as its instance");
        assertEquals(0, pds.sessionsCreated());
    }

    @Test
    void submittingTheFormSignsInOnceAndStoresTheSessionButNeverThePassword() {
        Instant before = Instant.now();
        Reply done = connectAs(ana, FakeBluesky.APP_PASSWORD);

        Account account = only(ana);
        assertEquals("Connected Bluesky @ana.bsky.social (Ana Example) as " + account.shortId() + ". AIL keeps the session and "
                + "renews it; the app password was used once and not stored. To cut AIL off, run /ail disconnect "
                + account.shortId() + " or delete the app password in Bluesky (Settings → Privacy and security → App passwords).",
                done.text());
        assertEquals(1, pds.sessionsCreated());
        assertEquals(PlatformId.BLUESKY, account.platform());
        assertEquals(FakeBluesky.DID, account.externalId());
        assertEquals(FakeBluesky.HANDLE, account.handle());
        assertEquals(FakeBluesky.DISPLAY_NAME, account.displayName());
        assertEquals(FakeBluesky.AVATAR, account.avatarUrl());
        assertEquals(pds.url(), account.instanceUrl());
        assertTrue(account.active());
        assertTrue(account.tokenExpiresAt().isAfter(before.plus(Duration.ofMinutes(119))), "from the JWT's exp");
        assertTrue(account.tokenExpiresAt().isBefore(before.plus(Duration.ofMinutes(121))));
        StoredTokens tokens = accounts.tokens(account.workspaceId(), account.id());
        assertTrue(pds.refreshTokenValid(tokens.refresh().reveal()));

        assertEquals(List.of(), RawTables.rowsContaining(pg.dataSource(), FakeBluesky.APP_PASSWORD), "the app password is in no table");
        assertEquals(List.of(), RawTables.rowsContaining(pg.dataSource(), tokens.access().reveal()), "the access JWT is encrypted");
        assertEquals(List.of(), RawTables.rowsContaining(pg.dataSource(), tokens.refresh().reveal()), "the refresh JWT is encrypted");
        assertTrue(logLines().stream().noneMatch(l -> l.contains(FakeBluesky.APP_PASSWORD)), logLines().toString());
        assertTrue(logLines().stream().noneMatch(l -> l.contains(tokens.access().reveal())));
    }

    @Test
    void connectingTheSameAccountAgainKeepsItsIdAndReplacesTheSession() {
        connectAs(ana, FakeBluesky.APP_PASSWORD);
        Account first = only(ana);
        StoredTokens firstTokens = accounts.tokens(first.workspaceId(), first.id());

        connectAs(ana, FakeBluesky.APP_PASSWORD);
        Account second = only(ana);

        assertEquals(first.id(), second.id());
        assertEquals(first.shortId(), second.shortId());
        assertNotEquals(firstTokens.access(), accounts.tokens(second.workspaceId(), second.id()).access());
        assertEquals(2, pds.sessionsCreated());
    }

    @Test
    void aWrongAppPasswordGetsOneLineSayingWhatToDoAndStoresNothing() {
        Reply reply = connectAs(ana, "wxyz-wxyz-wxyz-wxyz");

        assertEquals("Bluesky did not accept @ana.bsky.social with that app password. Check the handle, or create an app "
                + "password (Settings → Privacy and security → App passwords) and connect again.", reply.text());
        assertTrue(accounts.list(commands.caller(ana).workspaceId()).isEmpty());
        assertTrue(logLines().stream().noneMatch(l -> l.contains("wxyz-wxyz")), logLines().toString());
    }

    @Test
    void aMainPasswordIsRefusedBeforeItLeavesAil() {
        Reply reply = connectAs(ana, FakeBluesky.MAIN_PASSWORD);

        assertTrue(reply.text().startsWith("That is not an app password (they look like xxxx-xxxx-xxxx-xxxx). Never give AIL "
                + "your main password"), reply.text());
        assertEquals(0, pds.sessionsCreated());
        assertTrue(pds.received().isEmpty());
        assertFalse(reply.text().contains(FakeBluesky.MAIN_PASSWORD));
    }

    @Test
    void anotherPdsIsNamedAfterTheHandleAndCheckedByTheGuardAgainOnSubmit() {
        String elsewhere = pds.url().replace("http://127.0.0.1", "HTTP://LocalHost"); // not the default PDS, same fake
        Reply form = commands.run(ana, "connect bluesky ana.bsky.social " + elsewhere + "/");
        String pdsUrl = elsewhere.toLowerCase(java.util.Locale.ROOT);
        assertEquals("bluesky-login:ana.bsky.social|" + pdsUrl, form.form().submitAction());
        commands.submit(ana, form.form().submitAction(), Map.of(BlueskyLinker.PASSWORD, FakeBluesky.APP_PASSWORD));
        assertEquals(pdsUrl, only(ana).instanceUrl(), "the engine will post to the PDS that was named");

        Reply refused = commands.run(ana, "connect bluesky ana.bsky.social https://10.1.2.3");
        assertNull(refused.form());
        assertEquals("That URL points to a private network address (10.1.2.3); use a public https URL.", refused.text());

        // an action id comes back from the chat platform: a forged one is checked like a typed command
        Reply forged = commands.submit(ana, "bluesky-login:ana.bsky.social|https://169.254.169.254",
                Map.of(BlueskyLinker.PASSWORD, FakeBluesky.APP_PASSWORD));
        assertTrue(forged.text().startsWith("That URL points to a link-local address"), forged.text());
        assertEquals(1, pds.sessionsCreated(), "only the sign-in at the PDS that was named");
    }

    @Test
    void aHandleThatIsNotOneIsRefusedWithAnExample() {
        assertEquals("'ana' is not a Bluesky handle; give one like ana.bsky.social.", commands.run(ana, "connect bluesky ana").text());
        assertTrue(commands.run(ana, "connect bluesky").text().startsWith("Give your Bluesky handle."));
    }

    @Test
    void theConsoleAsksForTheAppPasswordAndNeverPrintsIt() {
        Invocation console = new Invocation(FrontEnd.CONSOLE, "console", "local", "local", true, null, "console");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String typed = "connect bluesky ana.bsky.social\n" + FakeBluesky.APP_PASSWORD + "\n";
        new ConsoleSession(commands, new BufferedReader(new StringReader(typed)), new PrintStream(out, true, StandardCharsets.UTF_8), false).run();

        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("App password (xxxx-xxxx-xxxx-xxxx):"), printed);
        assertTrue(printed.contains("Connected Bluesky @ana.bsky.social (Ana Example)"), printed);
        assertFalse(printed.contains(FakeBluesky.APP_PASSWORD));
        assertEquals(FakeBluesky.DID, only(console).externalId());
    }

    @Test
    void disconnectingEndsTheSessionAtThePdsAndDeletesTheTokens() {
        connectAs(ana, FakeBluesky.APP_PASSWORD);
        Account account = only(ana);
        StoredTokens tokens = accounts.tokens(account.workspaceId(), account.id());

        Reply reply = commands.run(ana, "disconnect " + account.shortId());

        assertEquals("Disconnected ana.bsky.social (bluesky, " + account.shortId() + "). Its tokens are deleted.", reply.text());
        assertFalse(pds.refreshTokenValid(tokens.refresh().reveal()));
        assertEquals(1, pds.received("com.atproto.server.deleteSession").size());
        assertTrue(accounts.list(account.workspaceId()).isEmpty());
    }

    @Test
    void withoutNetworkTheDefaultPdsIsNamedAndTheMachineBlamedNotTheSpelling() {
        UrlGuard offline = new UrlGuard(false, host -> {
            throw new java.net.UnknownHostException(host);
        });
        BlueskyLinker linker = new BlueskyLinker(accounts, offline, base.platforms.bluesky, "https://bsky.social",
                (caller, platform, instanceUrl, detail) -> "unused");
        String message = assertThrows(com.ailsocialautomation.UserError.class,
                () -> linker.start(commands.caller(ana), com.ailsocialautomation.platform.Platform.BLUESKY, List.of("ana.bsky.social"))).getMessage();
        assertTrue(message.startsWith("Bluesky's default PDS (https://bsky.social, where handles on bsky.social live;"), message);
        assertTrue(message.contains("Could not reach bsky.social: this machine cannot look up any host name"), message);
        assertFalse(message.contains("spelling"), message);
    }
}
