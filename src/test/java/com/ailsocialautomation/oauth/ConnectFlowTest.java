package com.ailsocialautomation.oauth;

import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.fakes.FakeMastodon;
import com.ailsocialautomation.testing.Browser;
import com.ailsocialautomation.testing.RawTables;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** connect mastodon, end to end through the running App's routes, against a strict fake instance. */
class ConnectFlowTest extends ConnectFixture {

    @Test
    void connectingMastodonStoresTheAccountShowsItOnAPageAndTellsThePersonInChat() throws Exception {
        String user = newUser();
        Flow flow = connect(user);

        String authorize = flow.authorize().toString();
        assertEquals(mastodon.url() + "/oauth/authorize", authorize.substring(0, authorize.indexOf('?')));
        Map<String, String> q = flow.authorizeQuery();
        assertEquals(app.config().publicUrl() + "/oauth/mastodon/callback", q.get("redirect_uri"));
        assertEquals("write:statuses write:media profile", q.get("scope"));
        assertEquals("S256", q.get("code_challenge_method"));
        assertTrue(q.get("state").matches("[A-Za-z0-9_-]{43}"), "256 random bits");
        String verifier = mastodon.received("POST", "/oauth/token").stream()
                .filter(r -> r.form().get("code").equals(flow.callbackQuery().get("code"))).findFirst().orElseThrow().form().get("code_verifier");
        assertEquals(s256(verifier), q.get("code_challenge"), "the verifier sent with the code matches the challenge");
        String cookie = flow.start().headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.matches("ail_oauth_[0-9a-f]{16}=[A-Za-z0-9_-]{43}; Path=/oauth/mastodon/callback; Max-Age=600; HttpOnly; SameSite=Lax"), cookie);
        for (var response : List.of(flow.start(), flow.page())) {
            assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
            assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(null));
        }

        assertEquals(200, flow.page().statusCode(), flow.page().body());
        String shortId = shortIdOf(user);
        assertTrue(flow.page().body().contains("Your mastodon account @ana@127.0.0.1 is connected to AIL as " + shortId + "."),
                flow.page().body());
        String accounts = run(user, "accounts").text();
        assertTrue(accounts.contains(shortId + "  mastodon  @ana@127.0.0.1  active  connected by Person " + user), accounts);
        assertEquals(List.of(500), column("select max_characters from social_accounts where id = ?", accountOf(user)));

        List<Told> messages = toldTo(user, Duration.ofSeconds(5));
        assertEquals(1, messages.size());
        assertEquals(workspace(user), messages.get(0).workspaceId());
        assertEquals("Connected @ana@127.0.0.1 (mastodon, " + shortId + "). Post to it with /ail post to:" + shortId + " <text>.",
                messages.get(0).message().text());
    }

    @Test
    void reconnectingTheSameAccountKeepsItsIdShortIdAndScheduledPostsTakesTheNewTokenAndMakesItActive() {
        String user = newUser();
        connect(user);
        UUID id = accountOf(user);
        String shortId = shortIdOf(user);
        Reply scheduled = run(user, "schedule at:\"in 3d\" to:" + shortId + " Later, as planned");
        assertTrue(scheduled.text().startsWith("Post "), scheduled.text());
        byte[] before = (byte[]) column("select access_token_enc from social_accounts where id = ?", id).get(0);
        update("update social_accounts set status = 'needs_reconnect', reconnect_notified_at = now() where id = ?", id);
        assertTrue(run(user, "accounts").text().contains(shortId + "  mastodon  @ana@127.0.0.1  needs reconnect"));

        Flow again = connect(user);
        assertEquals(200, again.page().statusCode(), again.page().body());
        assertEquals(List.of(id), column("select a.id from social_accounts a join workspaces w on w.id = a.workspace_id "
                + "where w.external_id = ?", workspace(user)));
        assertEquals(List.of(shortId), column("select short_id from social_accounts where id = ?", id));
        assertEquals(List.of("scheduled"), column("select state from post_targets where account_id = ?", id));
        byte[] after = (byte[]) column("select access_token_enc from social_accounts where id = ?", id).get(0);
        assertTrue(!java.util.Arrays.equals(before, after), "the new token replaces the old");
        assertTrue(run(user, "accounts").text().contains(shortId + "  mastodon  @ana@127.0.0.1  active"), "a reconnect makes it active again");
    }

    @Test
    void theBrowsersIpAndUserAgentAreRecordedAtTheCallbackOnly() {
        String user = newUser();
        Flow flow = connect(new Browser("Mozilla/5.0 (X11; Linux x86_64) AIL-Test/7"), user, mastodon);
        assertEquals(200, flow.page().statusCode());
        String userId = "select u.id from chat_users u join workspaces w on w.id = u.workspace_id where w.external_id = ?";
        UUID person = (UUID) column(userId, workspace(user)).get(0);
        assertEquals(List.of("oauth_callback|127.0.0.1|Mozilla/5.0 (X11; Linux x86_64) AIL-Test/7"),
                column("select kind || '|' || ip_address || '|' || user_agent from technical_data where user_id = ?", person));
        new Browser("Forger/1").get(app.config().publicUrl() + "/oauth/mastodon/callback?code=x&state=forged");
        assertEquals(0, count("select count(*) from technical_data where user_agent = 'Forger/1'"), "no one's data, so none kept");
    }

    @Test
    void theAppIsRegisteredOncePerInstanceAndItsSecretIsStoredEncrypted() {
        try (FakeMastodon other = FakeMastodon.start()) {
            connect(new Browser("A"), newUser(), other);
            connect(new Browser("B"), newUser(), other);
            assertEquals(1, other.apps().size());
            assertEquals(1, other.received("POST", "/api/v1/apps").size());
            assertEquals(List.of(other.apps().get(0).clientId()),
                    column("select client_id from oauth_apps where instance_url = ?", other.url()));
            assertEquals(List.of(), RawTables.rowsContaining(db(), other.apps().get(0).clientSecret()));
        }
    }

    @Test
    void theInstancesCharacterLimitIsWhatValidationUses() {
        try (FakeMastodon roomy = FakeMastodon.start()) {
            roomy.maxCharacters(1000);
            String user = newUser();
            connect(new Browser("A"), user, roomy);
            String shortId = shortIdOf(user);
            Reply tooLong = run(user, "schedule at:\"in 3d\" to:" + shortId + " " + "a".repeat(1001));
            assertTrue(tooLong.text().contains("1001/1000"), tooLong.text());
            Reply fits = run(user, "schedule at:\"in 3d\" to:" + shortId + " " + "a".repeat(800));
            assertTrue(fits.text().startsWith("Post "), "800 is over Mastodon's default 500 but within this instance's 1000: " + fits.text());
        }
    }

    @Test
    void aPostGoesOutThroughTheEngineWithItsTargetsIdempotencyKey() throws Exception {
        String user = newUser();
        connect(user);
        UUID account = accountOf(user);
        String shortId = shortIdOf(user);
        Reply posted = run(user, "post to:" + shortId + " Hello from AIL " + user);
        assertTrue(posted.text().startsWith("Post "), posted.text());
        com.ailsocialautomation.testing.Eventually.eventually(Duration.ofSeconds(10),
                () -> count("select count(*) from post_targets where account_id = ? and state = 'published'", account) > 0);
        Object key = column("select idempotency_key from post_targets where account_id = ?", account).get(0);
        List<FakeMastodon.Received> sent = mastodon.received("POST", "/api/v1/statuses").stream()
                .filter(r -> r.text().contains("Hello from AIL " + user)).toList();
        assertEquals(1, sent.size());
        assertEquals(key.toString(), sent.get(0).header("Idempotency-Key"));
        String url = (String) column("select url from post_targets where account_id = ?", account).get(0);
        assertTrue(url.startsWith(mastodon.url() + "/@ana/"), url);
    }

    @Test
    void disconnectRevokesTheTokenAtTheInstanceAndDeletesIt() {
        try (FakeMastodon instance = FakeMastodon.start()) {
            String user = newUser();
            connect(new Browser("A"), user, instance);
            String token = instance.tokens().get(0);
            UUID account = accountOf(user);
            String shortId = shortIdOf(user);
            assertTrue(instance.tokenValid(token));
            Reply reply = run(user, "disconnect " + shortId);
            assertTrue(reply.text().startsWith("Disconnected @ana@"), reply.text());
            assertTrue(!instance.tokenValid(token), "revoked at the instance");
            Map<String, String> revoke = instance.received("POST", "/oauth/revoke").get(0).form();
            assertEquals(instance.apps().get(0).clientSecret(), revoke.get("client_secret"));
            assertEquals(0, count("select count(*) from social_accounts where id = ?", account));
            assertEquals(0, count("select count(*) from pending_revocations"));
        }
    }
}
