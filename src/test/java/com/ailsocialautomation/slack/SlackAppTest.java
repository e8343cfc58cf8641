package com.ailsocialautomation.slack;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.testing.ServiceEnv;
import com.ailsocialautomation.App;
import com.ailsocialautomation.Json;
import com.ailsocialautomation.fakes.FakeSlack;
import com.ailsocialautomation.store.Workspaces;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.testing.Http;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue point 1, end to end: the service started from SLACK_* variables serves /ail and erases a workspace on uninstall. */
class SlackAppTest {
    @TempDir
    Path tmp;

    @Test
    void aSingleWorkspaceAppFromTheEnvironmentAnswersAccountsAndErasesTheWorkspaceWhenUninstalled() throws Exception {
        try (FakeSlack slack = new FakeSlack()) {
            slack.addUser(new FakeSlack.User("UAPP", "Ana", "Europe/Berlin", false, false));
            ServiceEnv env = ServiceEnv.in(tmp.resolve("data"))
                    .with("SLACK_SIGNING_SECRET", SignedRequests.SECRET)
                    .with("SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN)
                    .with("SLACK_API_URL", slack.url());
            try (App app = env.start()) {
                SignedRequests requests = new SignedRequests(app.port(), Clock.systemUTC());
                HttpResponse<String> ack = requests.command(FakeSlack.TEAM, "UAPP", "accounts", slack.responseUrl("app"));
                assertEquals(200, ack.statusCode(), ack.body());
                JsonNode json = Json.MAPPER.readTree(ack.body());
                assertTrue(json.path("text").asText().contains("No accounts are connected"), ack.body());
                Workspaces workspaces = new Workspaces(new Sql(app.database().dataSource()));
                assertTrue(workspaces.find(FrontEnd.SLACK, FakeSlack.TEAM).isPresent());

                assertEquals(401, requests.postWith("text=accounts", "1", "v0=00").statusCode());
                assertEquals(404, Http.get(app.port(), "/slack/install").statusCode(), "no install flow for a single workspace");

                HttpResponse<String> gone = requests.event(Payloads.event(FakeSlack.TEAM, "EvApp1", Payloads.appUninstalled()), null);
                assertEquals(200, gone.statusCode());
                assertTrue(workspaces.find(FrontEnd.SLACK, FakeSlack.TEAM).isEmpty(), "uninstalling erased the workspace");
            }
        }
    }
}
