package com.ailsocialautomation.slack;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeSlack;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.testing.PostgresExtension;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue points 1 and 7 for a distributed app: install through /slack/install and /slack/oauth_redirect with states
 * and encrypted tokens in PostgreSQL; token rotation with one refresh at a time; uninstall events in either order,
 * each handled once.
 */
class SlackInstallTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static SlackRig rig;
    static Sql sql;

    @BeforeAll
    static void start() throws Exception {
        rig = new SlackRig(pg, true, List.of(), SlackFrontEnd.ACK_WITHIN);
        sql = new Sql(pg.dataSource());
    }

    @AfterAll
    static void stop() throws Exception {
        rig.close();
    }

    /** The whole install as a browser goes through it, the person allowing the app on Slack's page: where it ends. */
    private static String install() {
        return install(null);
    }

    /** Like {@link #install()}, but coming back with {@code code} instead of the one Slack's page gave (null: that one). */
    private static String install(String code) {
        HttpResponse<String> start = rig.requests.get("/slack/install", null);
        assertEquals(302, start.statusCode(), start.body());
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertTrue(authorize.startsWith("https://slack.com/oauth/v2/authorize?"), authorize);
        assertTrue(authorize.contains("client_id=" + FakeSlack.CLIENT_ID), authorize);
        String query = URI.create(authorize).getRawQuery();
        String state = null;
        for (String pair : query.split("&")) {
            if (pair.startsWith("state=")) {
                state = URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
            }
            if (pair.startsWith("scope=")) {
                assertEquals(String.join(",", SlackFrontEnd.BOT_SCOPES), URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8));
            }
        }
        String cookie = start.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String approved = rig.slack.approve(authorize);
        HttpResponse<String> back = rig.requests.get("/slack/oauth_redirect?code=" + (code == null ? approved : code) + "&state=" + state, cookie);
        assertEquals(302, back.statusCode(), back.body());
        return back.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void installingStoresTheEncryptedBotTokenAndCommandsFromThatWorkspaceUseIt() throws Exception {
        int states = sql.one("select count(*) from slack_oauth_states", rs -> rs.getInt(1)).orElseThrow();
        int exchanges = rig.slack.calls("oauth.v2.access").size();
        String done = install();
        assertTrue(done.endsWith(Setup.INSTALLED_PAGE), done);
        FakeSlack.Call exchange = rig.slack.await("oauth.v2.access", exchanges + 1).get(exchanges);
        assertTrue(exchange.form().get("code").startsWith("fake-code-"), exchange.form().toString());
        assertEquals(SlackRig.PUBLIC_URL + "/slack/oauth_redirect", exchange.form().get("redirect_uri"),
                "the exchange names the redirect_uri the authorize URL did (the fake refuses another)");
        byte[] stored = sql.one("select bot_token_enc from slack_installations where team_id = ?", rs -> rs.getBytes(1), FakeSlack.TEAM).orElseThrow();
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("xoxb-"), "the token is encrypted at rest");
        assertEquals(states, sql.one("select count(*) from slack_oauth_states", rs -> rs.getInt(1)).orElseThrow(), "the state was used up");

        rig.user("UINST", "Ines", "UTC", false);
        HttpResponse<String> ack = rig.requests.command(FakeSlack.TEAM, "UINST", "help", rig.slack.responseUrl("inst"));
        assertEquals(200, ack.statusCode(), ack.body());
        FakeSlack.Call info = rig.slack.await("users.info", 1, c -> "UINST".equals(c.form().get("user"))).get(0);
        assertTrue(info.token().startsWith("xoxb-installed-"), info.token());
    }

    @Test
    void aCodeAlreadyExchangedEndsOnTheFailurePageEvenWithAFreshState() {
        String first = install();
        assertTrue(first.endsWith(Setup.INSTALLED_PAGE), first);
        String used = rig.slack.calls("oauth.v2.access").stream().map(c -> c.form().get("code")).filter(c -> c != null)
                .reduce((a, b) -> b).orElseThrow();
        int before = sql.one("select count(*) from slack_installations", rs -> rs.getInt(1)).orElseThrow();
        String again = install(used);
        assertTrue(again.endsWith(Setup.INSTALL_FAILED_PAGE), again);
        assertEquals(before, sql.one("select count(*) from slack_installations", rs -> rs.getInt(1)).orElseThrow());
    }

    @Test
    void aForgedStateEndsOnTheFailurePageStoresNothingAndLogsNoCode() {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged = new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        root.addAppender(logged);
        try {
            int before = sql.one("select count(*) from slack_installations", rs -> rs.getInt(1)).orElseThrow();
            HttpResponse<String> start = rig.requests.get("/slack/install", null);
            String cookie = start.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            HttpResponse<String> back = rig.requests.get("/slack/oauth_redirect?code=secret-code-42&state=forged", cookie);
            assertTrue(back.headers().firstValue("Location").orElse("").endsWith(Setup.INSTALL_FAILED_PAGE), back.headers().map().toString());
            assertEquals(before, sql.one("select count(*) from slack_installations", rs -> rs.getInt(1)).orElseThrow());
            HttpResponse<String> page = rig.requests.get(Setup.INSTALL_FAILED_PAGE, null);
            assertEquals(400, page.statusCode());
        } finally {
            root.detachAppender(logged);
        }
        assertTrue(logged.list.stream().noneMatch(e -> e.getFormattedMessage().contains("secret-code-42")), "no log line holds the code");
    }

    @Test
    void aRotatingTokenIsRefreshedBeforeUseAndOnlyOnceWhenManyAskAtOnce() throws Exception {
        InstallationStore store = new InstallationStore(sql, pg.vault());
        rig.slack.rotateTokens(Duration.ofHours(12));
        // an installation whose token runs out in 5 minutes, with a refresh token the fake issued
        String refresh = issueRefreshToken();
        Installation saved = store.save(new Installation(UUID.randomUUID(), null, "TROT", false, "Rot", "A0AIL", "B1", "UBOT",
                "commands", Secret.of("xoxb-old"), Secret.of(refresh), Instant.now().plusSeconds(300), "U0", Instant.now()));
        SlackConfig sc = new SlackConfig();
        sc.setMethodsEndpointUrlPrefix(rig.slack.url() + "/api/");
        try (Slack slack = Slack.getInstance(sc)) {
            TokenRotation rotation = new TokenRotation(store, slack, FakeSlack.CLIENT_ID, Secret.of(FakeSlack.CLIENT_SECRET), rig.clock);
            int refreshesBefore = refreshCalls();
            List<CompletableFuture<String>> many = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                many.add(CompletableFuture.supplyAsync(() -> rotation.forTeam("TROT")));
            }
            List<String> tokens = many.stream().map(CompletableFuture::join).distinct().toList();
            assertEquals(1, tokens.size(), "everyone got the same fresh token: " + tokens);
            assertNotEquals("xoxb-old", tokens.get(0));
            assertEquals(refreshesBefore + 1, refreshCalls(), "one refresh: a refresh token works once");
            Installation now = store.forTeam("TROT").orElseThrow();
            assertTrue(now.expiresAt().isAfter(Instant.now().plus(Duration.ofHours(11))));
            assertNotEquals(refresh, now.refreshToken().reveal());
            assertEquals(saved.id(), now.id());
        }
    }

    private static int refreshCalls() {
        return (int) rig.slack.calls("oauth.v2.access").stream().filter(c -> "refresh_token".equals(c.form().get("grant_type"))).count();
    }

    /** Installs once with rotation on, and takes the refresh token the fake issued from the stored installation. */
    private static String issueRefreshToken() {
        install();
        Installation installed = new InstallationStore(sql, pg.vault()).forTeam(FakeSlack.TEAM).orElseThrow();
        assertTrue(installed.expiresAt() != null && installed.refreshToken() != null, "rotation data is kept");
        String refresh = installed.refreshToken().reveal();
        new InstallationStore(sql, pg.vault()).save(installed.withTokens(installed.botToken(), null, null)); // keep it for TROT only
        return refresh;
    }

    private static int installations(String team) {
        return sql.one("select count(*) from slack_installations where team_id = ?", rs -> rs.getInt(1), team).orElseThrow();
    }

    private static void installFor(String team) {
        new InstallationStore(sql, pg.vault()).save(new Installation(UUID.randomUUID(), null, team, false, team, "A0AIL",
                "B1", "UBOT", "commands", Secret.of("xoxb-" + team), null, null, "U0", Instant.now()));
        rig.workspaces.ensure(FrontEnd.SLACK, team, team);
    }

    @Test
    void appUninstalledThenTokensRevokedEraseTheWorkspaceOnceEachAndARetryIsIgnored() {
        installFor("TUN1");
        assertEquals(200, rig.requests.event(Payloads.event("TUN1", "EvUn1a", Payloads.appUninstalled()), null).statusCode());
        assertEquals(0, installations("TUN1"));
        assertTrue(rig.workspaces.find(FrontEnd.SLACK, "TUN1").isEmpty(), "the workspace's data is erased");
        assertEquals(200, rig.requests.event(Payloads.event("TUN1", "EvUn1b", Payloads.tokensRevoked("U0BOT")), null).statusCode());
        assertEquals(200, rig.requests.event(Payloads.event("TUN1", "EvUn1a", Payloads.appUninstalled()), 1).statusCode());
        assertEquals(200, rig.requests.event(Payloads.event("TUN1", "EvUn1b", Payloads.tokensRevoked("U0BOT")), 2).statusCode());
        assertEquals(2, rig.erased.stream().filter("TUN1"::equals).count(), "one erasure per event, none per retry");
    }

    @Test
    void tokensRevokedThenAppUninstalledEraseTheWorkspaceToo() {
        installFor("TUN2");
        assertEquals(200, rig.requests.event(Payloads.event("TUN2", "EvUn2a", Payloads.tokensRevoked("U0BOT")), null).statusCode());
        assertEquals(0, installations("TUN2"));
        assertTrue(rig.workspaces.find(FrontEnd.SLACK, "TUN2").isEmpty());
        rig.workspaces.ensure(FrontEnd.SLACK, "TUN2", "came back in between");
        assertEquals(200, rig.requests.event(Payloads.event("TUN2", "EvUn2b", Payloads.appUninstalled()), null).statusCode());
        assertTrue(rig.workspaces.find(FrontEnd.SLACK, "TUN2").isEmpty());
        assertEquals(2, rig.erased.stream().filter("TUN2"::equals).count());
    }

    @Test
    void anUninstallOfAnotherWorkspaceLeavesThisOneAlone() {
        installFor("TKEEP");
        installFor("TLEAVE");
        rig.requests.event(Payloads.event("TLEAVE", "EvLeave", Payloads.appUninstalled()), null);
        assertEquals(1, installations("TKEEP"));
        assertTrue(rig.workspaces.find(FrontEnd.SLACK, "TKEEP").isPresent());
        assertFalse(rig.erased.contains("TKEEP"));
    }

    @Test
    void anOrgWideInstallServesItsWorkspacesDmsFindItsTokenAndTeamAccessRevokedErasesTheWorkspace() throws Exception {
        InstallationStore store = new InstallationStore(sql, pg.vault());
        rig.slack.addOrgToken("xoxb-org-token", "E0ORG");
        store.save(new Installation(UUID.randomUUID(), "E0ORG", null, true, "Big Org", "A0AIL", "B1", "UBOT", "commands",
                Secret.of("xoxb-org-token"), null, null, "U0", Instant.now()));
        rig.user("UGRID", "Gri", "UTC", false);
        HttpResponse<String> ack = rig.requests.command("E0ORG", "TGRID", "UGRID", "help", rig.slack.responseUrl("grid"));
        assertEquals(200, ack.statusCode(), ack.body());
        FakeSlack.Call info = rig.slack.await("users.info", 1, c -> "UGRID".equals(c.form().get("user"))).get(0);
        assertEquals("xoxb-org-token", info.token());
        SlackConfig sc = new SlackConfig();
        sc.setMethodsEndpointUrlPrefix(rig.slack.url() + "/api/");
        try (Slack slack = Slack.getInstance(sc)) {
            TokenRotation rotation = new TokenRotation(store, slack, FakeSlack.CLIENT_ID, Secret.of(FakeSlack.CLIENT_SECRET), rig.clock);
            assertEquals("xoxb-org-token", rotation.forTeam("TGRID"), "a DM to someone in TGRID uses the org's token");
        }
        rig.workspaces.ensure(FrontEnd.SLACK, "TGRID", null);
        com.fasterxml.jackson.databind.node.ObjectNode revoked = com.ailsocialautomation.Json.MAPPER.createObjectNode()
                .put("type", "team_access_revoked").put("event_ts", "1700000000.5");
        revoked.putArray("team_ids").add("TGRID");
        String event = Payloads.event("E0ORG", "EvGrid1", revoked).replace("\"enterprise_id\":null", "\"enterprise_id\":\"E0ORG\"");
        assertEquals(200, rig.requests.event(event, null).statusCode());
        assertTrue(rig.erased.contains("TGRID"));
        assertTrue(rig.workspaces.find(FrontEnd.SLACK, "TGRID").isEmpty());
        assertEquals(1, sql.one("select count(*) from slack_installations where enterprise_id = 'E0ORG'", rs -> rs.getInt(1)).orElseThrow(),
                "the org-wide installation stays for the organisation's other workspaces");
    }
}
