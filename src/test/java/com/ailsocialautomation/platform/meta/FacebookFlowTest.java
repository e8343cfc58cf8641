package com.ailsocialautomation.platform.meta;

import com.ailsocialautomation.fakes.FakeGraph;
import com.ailsocialautomation.testing.RealFlows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Facebook Pages through the running service (RealFlows) against FakeGraph: Ana signs in on Meta's dialog, AIL
 * offers her Pages on its page, she ticks some, each becomes an account with its own short id and Page token, and
 * posts go out to the Page with that token.
 */
class FacebookFlowTest {
    @TempDir
    Path tmp;
    RealFlows flows;

    @BeforeEach
    void start() throws Exception {
        flows = new RealFlows(tmp);
        flows.installSlack();
    }

    @AfterEach
    void stop() throws Exception {
        flows.close();
    }

    @Test
    void anaChoosesOneOfHerPagesAndItBecomesAnAccountWithItsPageToken() {
        HttpResponse<String> page = flows.startMeta("facebook");
        assertTrue(page.body().contains("Quintero Bakery (quinterobakery), Page"), page.body());
        assertTrue(page.body().contains("Ana Travels, Page"), page.body());
        assertEquals(0, flows.count("select count(*) from social_accounts"), "nothing is connected before she chooses");

        HttpResponse<String> done = flows.choose("facebook", page, Set.of(0));
        assertEquals(200, done.statusCode(), done.body());
        assertTrue(done.body().contains("quinterobakery is connected to AIL as "), done.body());
        assertEquals(List.of("501"), flows.column("select external_id from social_accounts where platform = 'facebook'"));
        assertEquals(List.of(FakeGraph.USER_ID), flows.column("select grantor_id from social_accounts"));
        String access = flows.decrypted().get("social_accounts.access_token_enc").get(0);
        String user = flows.decrypted().get("social_accounts.refresh_token_enc").get(0);
        assertTrue(flows.graph.isPageToken(access), "the account posts with the Page token");
        assertTrue(flows.graph.valid(user) && !flows.graph.isPageToken(user), "the long-lived user token is kept for the grant");
        assertTrue(flows.inClear().isEmpty(), flows.inClear().toString());

        HttpResponse<String> again = flows.choose("facebook", page, Set.of(0, 1));
        assertEquals(400, again.statusCode(), "a choice works once");
        assertEquals(1, flows.count("select count(*) from social_accounts"));
    }

    @Test
    void aChoiceFromAnotherBrowserConnectsNothing() {
        HttpResponse<String> page = flows.startMeta("facebook");
        java.util.Map<String, String> fields = com.ailsocialautomation.testing.Browser.formFields(page.body());
        HttpResponse<String> forged = new com.ailsocialautomation.testing.Browser("Mozilla/5.0 (someone else)")
                .post(flows.localUrl() + "/oauth/facebook/callback", fields);
        assertEquals(400, forged.statusCode(), forged.body());
        assertEquals(0, flows.count("select count(*) from social_accounts"));
        assertEquals(200, flows.choose("facebook", page, Set.of(1)).statusCode(), "Ana's own browser still may");
    }

    @Test
    void choosingNothingGivesTheGrantBack() {
        HttpResponse<String> page = flows.startMeta("facebook");
        HttpResponse<String> none = flows.choose("facebook", page, Set.of());
        assertTrue(none.body().contains("You chose no account"), none.body());
        assertEquals(1, flows.graph.revoked().size(), "DELETE /me/permissions with the user token");
        assertEquals(0, flows.count("select count(*) from social_accounts"));
    }
}
