package com.ailsocialautomation.platform.meta;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.fakes.FakeGraph;
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
import java.util.Set;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ending a Meta connection, through the running service: a disconnect revokes the person's grant and ends every
 * account connected through it; Meta's deauthorize and data-deletion callbacks, signed with the app secret, erase
 * what they name, and refuse anything unsigned.
 */
class MetaDisconnectTest {
    @TempDir
    Path tmp;
    RealFlows flows;
    final Browser meta = new Browser("facebookexternalua");

    @BeforeEach
    void start() throws Exception {
        flows = new RealFlows(tmp);
        flows.installSlack();
        flows.choose("facebook", flows.startMeta("facebook"), Set.of(0, 1));
        flows.choose("instagram", flows.startMeta("instagram"), Set.of(0));
        assertEquals(3, flows.count("select count(*) from social_accounts where grantor_id = ?", FakeGraph.USER_ID));
    }

    @AfterEach
    void stop() throws Exception {
        flows.close();
    }

    @Test
    void disconnectingOnePageGivesTheLoginBackAndEndsEveryAccountConnectedThroughIt() throws Exception {
        String user = flows.decrypted().get("social_accounts.refresh_token_enc").get(0);
        String bakery = flows.one("select short_id from social_accounts where external_id = '501'");
        String reply = flows.run("disconnect " + bakery).text();
        assertTrue(reply.startsWith("Disconnected quinterobakery (facebook, "), reply);
        assertTrue(reply.contains("Also disconnected") && reply.contains("@anatravels") && reply.contains("Ana Travels"), reply);
        assertEquals(0, flows.count("select count(*) from social_accounts"));
        assertEquals(1, flows.graph.revoked().size(), "one DELETE /me/permissions");
        assertFalse(flows.graph.valid(user), "the grant is gone at Meta");
    }

    @Test
    void metasDeauthorizeCallbackDisconnectsThePersonsAccountsAndTellsTheOwner() throws Exception {
        HttpResponse<String> forged = meta.post(flows.localUrl() + "/meta/deauthorize",
                Map.of("signed_request", FakeGraph.signedRequest(FakeGraph.USER_ID, "not-the-app-secret")));
        assertEquals(400, forged.statusCode());
        assertEquals(3, flows.count("select count(*) from social_accounts"), "an unsigned request changes nothing");

        HttpResponse<String> ok = meta.post(flows.localUrl() + "/meta/deauthorize",
                Map.of("signed_request", FakeGraph.signedRequest(FakeGraph.USER_ID, FakeGraph.APP_SECRET)));
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(0, flows.count("select count(*) from social_accounts"));
        assertTrue(eventually(Duration.ofSeconds(10), () -> flows.notices().stream()
                .filter(n -> n.contains("Meta says AIL was removed from your Facebook account")).count() == 3));
    }

    @Test
    void metasDataDeletionCallbackErasesThePersonAndAnswersWithAStatusPage() throws Exception {
        String scheduled = flows.run("schedule in:2h to:facebook:* Ana's post to both Pages").text();
        assertEquals(1, flows.count("select count(*) from posts"), scheduled);
        HttpResponse<String> answer = meta.post(flows.localUrl() + "/meta/data-deletion",
                Map.of("signed_request", FakeGraph.signedRequest(FakeGraph.USER_ID, FakeGraph.APP_SECRET)));
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode json = Json.MAPPER.readTree(answer.body());
        String code = json.path("confirmation_code").asText();
        assertEquals(RealFlows.PUBLIC_URL + "/meta/deletion?code=" + code, json.path("url").asText());
        assertEquals(0, flows.count("select count(*) from social_accounts"));
        assertEquals(0, flows.count("select count(*) from posts"), "Ana's posts are erased as forget-me erases them");
        assertEquals(1, flows.count("select count(*) from audit_records where action = 'forget-me'"));

        HttpResponse<String> status = meta.get(flows.localUrl() + URI.create(json.path("url").asText()).getRawPath() + "?code=" + code);
        assertEquals(200, status.statusCode());
        assertTrue(status.body().contains("completed it at once") && status.body().contains(code), status.body());
        String forgedCode = code.substring(0, code.length() - 1) + (code.endsWith("0") ? "1" : "0");
        assertEquals(404, meta.get(flows.localUrl() + "/meta/deletion?code=" + forgedCode).statusCode());
    }
}
