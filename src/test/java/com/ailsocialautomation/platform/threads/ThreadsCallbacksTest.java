package com.ailsocialautomation.platform.threads;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.fakes.FakeGraph;
import com.ailsocialautomation.fakes.FakeThreads;
import com.ailsocialautomation.testing.Browser;
import com.ailsocialautomation.testing.RealFlows;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Threads app's uninstall and delete callbacks, through the running service: Meta signs them with the Threads
 * app secret and names the Threads user id. A correctly signed uninstall disconnects the person's Threads profile and
 * tells its owner; a delete erases as forget-me does and answers with a status page; a request signed with the Meta
 * app's secret, or any other, is refused and changes nothing.
 */
class ThreadsCallbacksTest {
    @TempDir
    Path tmp;
    RealFlows flows;
    final Browser meta = new Browser("facebookexternalua");

    @BeforeEach
    void start() throws Exception {
        flows = new RealFlows(tmp);
        flows.installSlack();
        flows.connectThreads();
        assertEquals(1, flows.count("select count(*) from social_accounts where platform = 'threads' and external_id = ?",
                FakeThreads.USER_ID));
    }

    @AfterEach
    void stop() throws Exception {
        flows.close();
    }

    private HttpResponse<String> post(String path, String secret) throws Exception {
        return meta.post(flows.localUrl() + path, Map.of("signed_request", FakeGraph.signedRequest(FakeThreads.USER_ID, secret)));
    }

    @Test
    void anUninstallSignedWithTheThreadsSecretDisconnectsTheProfileAndTellsItsOwner() throws Exception {
        flows.choose("facebook", flows.startMeta("facebook"), java.util.Set.of(0));
        assertEquals(400, post("/threads/deauthorize", FakeGraph.APP_SECRET).statusCode(), "the Meta app's secret is not Threads'");
        assertEquals(400, post("/threads/deauthorize", "not-the-app-secret").statusCode());
        assertEquals(200, post("/meta/deauthorize", FakeGraph.APP_SECRET).statusCode(), "Meta's route does not know Threads ids");
        assertEquals(2, flows.count("select count(*) from social_accounts"), "refused or foreign requests change nothing");

        HttpResponse<String> ok = post("/threads/deauthorize", FakeThreads.CLIENT_SECRET);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(0, flows.count("select count(*) from social_accounts where platform = 'threads'"));
        assertEquals(1, flows.count("select count(*) from social_accounts where platform = 'facebook'"),
                "the Facebook Page connected through Meta's app stays");
        assertTrue(eventually(Duration.ofSeconds(10), () -> flows.notices().stream()
                .anyMatch(n -> n.contains("Meta says AIL was removed from your Threads account")
                        && n.contains("/ail connect threads"))));
    }

    @Test
    void aDeleteSignedWithTheThreadsSecretErasesThePersonAndAnswersWithAStatusPage() throws Exception {
        String scheduled = flows.run("schedule in:2h to:threads Ana's thread for later").text();
        assertEquals(1, flows.count("select count(*) from posts"), scheduled);
        assertEquals(400, post("/threads/data-deletion", FakeGraph.APP_SECRET).statusCode());
        assertEquals(1, flows.count("select count(*) from posts"), "a refused request erases nothing");
        assertEquals(0, flows.count("select count(*) from audit_records where action = 'forget-me'"));

        HttpResponse<String> answer = post("/threads/data-deletion", FakeThreads.CLIENT_SECRET);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode json = Json.MAPPER.readTree(answer.body());
        String code = json.path("confirmation_code").asText();
        assertEquals(RealFlows.PUBLIC_URL + "/threads/deletion?code=" + code, json.path("url").asText());
        assertEquals(0, flows.count("select count(*) from social_accounts"));
        assertEquals(0, flows.count("select count(*) from posts"), "Ana's posts are erased as forget-me erases them");
        assertEquals(1, flows.count("select count(*) from audit_records where action = 'forget-me'"));

        HttpResponse<String> status = meta.get(flows.localUrl() + URI.create(json.path("url").asText()).getRawPath() + "?code=" + code);
        assertEquals(200, status.statusCode());
        assertTrue(status.body().contains("completed it at once") && status.body().contains("Threads accounts connected "
                + "through your Threads login") && status.body().contains(code), status.body());
        assertEquals(404, meta.get(flows.localUrl() + "/meta/deletion?code=" + code).statusCode(),
                "a Threads code is not the Meta app's");
    }
}
