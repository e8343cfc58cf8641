package com.ailsocialautomation.discord;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.testing.ServiceEnv;
import com.ailsocialautomation.App;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.fakes.FakeDiscord;
import com.ailsocialautomation.notify.Outbox;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.Workspaces;
import com.ailsocialautomation.testing.Http;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole service with DISCORD_BOT_TOKEN set, against the fake Discord: what Services wires works. */
class DiscordAppTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    private static final String TOKEN = "MTA.app-test-token";
    private static final String GUILD = "900000000000000001";
    private static final String KEPT_GUILD = "900000000000000002";
    private static final String CHANNEL = "700000000000000001";

    @TempDir
    static Path tmp;
    static FakeDiscord discord;
    static App app;

    @BeforeAll
    static void start() {
        discord = new FakeDiscord(TOKEN);
        discord.addGuild(GUILD, CHANNEL);
        discord.addGuild(KEPT_GUILD, "700000000000000002");
        app = ServiceEnv.onDatabase(pg.databaseName(), tmp).with("DISCORD_BOT_TOKEN", TOKEN).with("DISCORD_API_URL", discord.apiUrl()).start();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        discord.close();
    }

    @Test
    void theServiceRegistersAilAndOffersTheInviteOnItsLandingPage() throws Exception {
        waitFor(() -> !discord.calls("PUT", "applications/" + FakeDiscord.APP_ID + "/commands").isEmpty());
        assertEquals(302, Http.get(app.port(), "/discord/invite").statusCode());
        assertTrue(Http.get(app.port(), "/").body().contains("/discord/invite"));
    }

    @Test
    void aQueuedNotificationReachesTheAuthorAsADiscordDm() throws Exception {
        Workspaces workspaces = new Workspaces(new Sql(pg.dataSource()));
        UUID workspace = workspaces.ensure(FrontEnd.DISCORD, KEPT_GUILD, null);
        UUID user = workspaces.ensureUser(workspace, "100000000000000001", "ana").id();

        new Outbox(new Sql(pg.dataSource()), pg.vault()).add(workspace, user, "failed:test", Reply.of("Post p7k2q failed on x"), null);

        waitFor(() -> discord.calls("POST", "/messages").stream()
                .anyMatch(c -> c.body().path("content").asText().equals("Post p7k2q failed on x")));
    }

    @Test
    void removingTheBotFromAGuildErasesItsWorkspaceAndNoOther() throws Exception {
        Workspaces workspaces = new Workspaces(new Sql(pg.dataSource()));
        UUID removed = workspaces.ensure(FrontEnd.DISCORD, GUILD, null);
        workspaces.ensureUser(removed, "100000000000000001", "ana");
        workspaces.ensure(FrontEnd.DISCORD, KEPT_GUILD, null);
        waitFor(() -> app.port() > 0 && !discord.identifies().isEmpty());
        Thread.sleep(500); // the guilds are set up

        discord.dispatch("GUILD_DELETE", Map.of("id", KEPT_GUILD, "unavailable", true));
        discord.dispatch("GUILD_DELETE", Map.of("id", GUILD));

        waitFor(() -> workspaces.find(FrontEnd.DISCORD, GUILD).isEmpty());
        assertTrue(workspaces.find(FrontEnd.DISCORD, KEPT_GUILD).isPresent(), "an outage erases nothing");
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long until = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(25);
        }
    }
}
