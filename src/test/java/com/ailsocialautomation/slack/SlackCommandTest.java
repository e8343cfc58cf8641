package com.ailsocialautomation.slack;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.Json;
import com.ailsocialautomation.command.Handler;
import com.ailsocialautomation.command.Subcommand;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.fakes.FakeSlack;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.PostFilter;
import com.ailsocialautomation.testing.PostgresExtension;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue point 3: every subcommand as /ail text, ephemeral unless public:yes, slow work through response_url, users.info. */
class SlackCommandTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static SlackRig rig;

    @BeforeAll
    static void start() throws Exception {
        // "show" is slow here, so the ack cannot wait for it
        rig = new SlackRig(pg, false, List.of(Handler.of(Subcommand.SHOW, (caller, command) -> {
            pause(1_500);
            return Reply.of("Slow answer for " + command.arg(0));
        }), Handler.of(Subcommand.CONNECT, (caller, command) -> {
            pause(800);
            return Reply.of("Log in to Bluesky.").withForm(new Reply.Form("Connect Bluesky", "bluesky-login",
                    List.of(new Reply.Input("password", "App password", true, null))));
        })), Duration.ofMillis(300));
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        rig.close();
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    static String text(JsonNode ack) {
        StringBuilder sb = new StringBuilder(ack.path("text").asText());
        ack.path("blocks").forEach(b -> sb.append('\n').append(b.path("text").path("text").asText()));
        return sb.toString();
    }

    @Test
    void accountsRoundTripIsAnEphemeralAnswerInTheAck() throws Exception {
        String team = "TACC";
        rig.user("UACC", "Ana", "Europe/Berlin", false);
        Account hook = rig.webhookAccount(team, "UACC", "hooks.example/ail");
        JsonNode ack = json(rig.requests.command(team, "UACC", "accounts", rig.slack.responseUrl("acc")));
        assertEquals("ephemeral", ack.path("response_type").asText());
        assertTrue(text(ack).contains(hook.shortId()) && text(ack).contains("hooks.example/ail"), text(ack));
        FakeSlack.Call info = rig.slack.await("users.info", 1, c -> "UACC".equals(c.form().get("user"))).get(0);
        assertEquals(FakeSlack.BOT_TOKEN, info.token());
        int authTests = rig.slack.calls("auth.test").size();
        json(rig.requests.command(team, "UACC", "accounts", rig.slack.responseUrl("acc2")));
        assertEquals(1, rig.slack.calls("users.info").stream().filter(c -> "UACC".equals(c.form().get("user"))).count(),
                "users.info is kept for a while");
        assertEquals(authTests, rig.slack.calls("auth.test").size(), "auth.test is cached");
    }

    @Test
    void helpAndUnknownSubcommandsAnswerInTheAck() throws Exception {
        rig.user("UHELP", "Hal", "UTC", false);
        for (int i = 0; i < 3; i++) { // the first resolves Hal; later ones are answered from memory, rendered once
            String help = text(json(rig.requests.command("THELP", "UHELP", "help", rig.slack.responseUrl("h"))));
            assertTrue(help.contains("`/ail help [subcommand]` — How to use AIL") && help.contains("Examples for each"), help);
        }
        assertTrue(text(json(rig.requests.command("THELP", "UHELP", "help schedule", rig.slack.responseUrl("h")))).contains("/ail schedule"));
        assertTrue(text(json(rig.requests.command("THELP", "UHELP", "frobnicate", rig.slack.responseUrl("h")))).contains("Unknown subcommand"));
    }

    @Test
    void aPostIsEphemeralUnlessPublicYesAndSlackEscapesAreUndone() throws Exception {
        String team = "TPUB";
        rig.user("UPUB", "Pia", "Europe/Paris", false);
        Account hook = rig.webhookAccount(team, "UPUB", "pub.example/hook");
        JsonNode quiet = json(rig.requests.command(team, "UPUB", "post to:" + hook.shortId() + " Fish &amp; chips &lt;3", rig.slack.responseUrl("p1")));
        assertEquals("ephemeral", quiet.path("response_type").asText());
        JsonNode loud = json(rig.requests.command(team, "UPUB", "post public:yes to:" + hook.shortId() + " Hello channel", rig.slack.responseUrl("p2")));
        assertEquals("in_channel", loud.path("response_type").asText());
        UUID ws = rig.workspaces.find(FrontEnd.SLACK, team).orElseThrow();
        List<Post> posts = rig.posts.list(ws, PostFilter.RECENT, null, 10);
        assertTrue(posts.stream().anyMatch(p -> p.text().equals("Fish & chips <3")), "published as typed: " + posts);
        assertTrue(text(quiet).contains("Fish &amp; chips &lt;3"), "shown escaped for Slack: " + text(quiet));
    }

    @Test
    void theUsersSlackTimeZoneIsTheDefaultZone() throws Exception {
        String team = "TTZ";
        rig.user("UTZ", "Taro", "Asia/Tokyo", false);
        Account hook = rig.webhookAccount(team, "UTZ", "tz.example/hook");
        int year = java.time.LocalDate.now().getYear() + 1;
        json(rig.requests.command(team, "UTZ", "schedule at:\"" + year + "-01-02 09:00\" to:" + hook.shortId() + " Ohayo", rig.slack.responseUrl("tz")));
        UUID ws = rig.workspaces.find(FrontEnd.SLACK, team).orElseThrow();
        Post post = rig.posts.list(ws, PostFilter.UPCOMING, null, 10).get(0);
        assertEquals(Instant.parse(year + "-01-02T00:00:00Z"), post.scheduledAt(), "09:00 in Tokyo");
    }

    @Test
    void workspaceAdminsFromUsersInfoMayCancelOthersPostsAndOthersMayNot() throws Exception {
        String team = "TADM";
        rig.user("UAUTHOR", "Ada", "UTC", false);
        rig.user("UADMIN", "Boss", "UTC", true);
        rig.user("UOTHER", "Olaf", "UTC", false);
        Account hook = rig.webhookAccount(team, "UAUTHOR", "adm.example/hook");
        json(rig.requests.command(team, "UAUTHOR", "schedule in:2h to:" + hook.shortId() + " Later", rig.slack.responseUrl("a")));
        UUID ws = rig.workspaces.find(FrontEnd.SLACK, team).orElseThrow();
        String id = rig.posts.list(ws, PostFilter.UPCOMING, null, 10).get(0).shortId();
        String refused = text(json(rig.requests.command(team, "UOTHER", "cancel " + id, rig.slack.responseUrl("b"))));
        assertTrue(refused.contains("or a workspace admin"), refused);
        String done = text(json(rig.requests.command(team, "UADMIN", "cancel " + id, rig.slack.responseUrl("c"))));
        assertTrue(done.startsWith("Cancelled post " + id), done);
    }

    @Test
    void slowWorkIsAckedAtOnceAndAnsweredThroughTheResponseUrl() throws Exception {
        rig.user("USLOW", "Sam", "UTC", false);
        long started = System.nanoTime();
        JsonNode ack = json(rig.requests.command("TSLOW", "USLOW", "show p1234", rig.slack.responseUrl("slow")));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 1_400, "acked before the work finished");
        assertTrue(ack.path("text").asText().startsWith("Working on `/ail show`"), ack.toString());
        FakeSlack.Call answer = rig.slack.await("respond", 1, c -> c.form().get("url").endsWith("/slow")).get(0);
        assertEquals("ephemeral", answer.body().path("response_type").asText());
        assertTrue(answer.body().path("text").asText().contains("Slow answer for p1234"));
        assertFalse(answer.body().path("replace_original").asBoolean());
    }

    @Test
    void aLongListIsSplitIntoSectionsWithinBlockKitLimits() throws Exception {
        String team = "TLONG";
        rig.user("ULONG", "Lou", "UTC", false);
        Account hook = rig.webhookAccount(team, "ULONG", "long.example/hook");
        UUID ws = rig.workspaces.find(FrontEnd.SLACK, team).orElseThrow();
        var user = rig.workspaces.ensureUser(ws, "ULONG", "Lou");
        for (int i = 0; i < 20; i++) {
            rig.posts.create(ws, user.id(), "x".repeat(400) + i, List.of(), Instant.now().plusSeconds(3600 + i), null, List.of(hook));
        }
        JsonNode ack = json(rig.requests.command(team, "ULONG", "list", rig.slack.responseUrl("long")));
        assertTrue(ack.path("blocks").size() >= 1 && ack.path("blocks").size() <= 50);
        ack.path("blocks").forEach(b -> assertTrue(b.path("text").path("text").asText().length() <= 3000));
    }

    @Test
    void aFormThatComesAfterTheAckWaitsBehindAnOpenFormButtonWhosePressOpensTheModal() throws Exception {
        rig.user("USLOWFORM", "Flo", "UTC", false);
        JsonNode ack = json(rig.requests.command("TSLOWFORM", "USLOWFORM", "connect bluesky flo.bsky.social", rig.slack.responseUrl("sf")));
        assertTrue(ack.path("text").asText().startsWith("Working on"), ack.toString());
        FakeSlack.Call later = rig.slack.await("respond", 1, c -> c.form().get("url").endsWith("/sf")).get(0);
        JsonNode button = later.body().path("blocks").findParents("action_id").stream()
                .filter(b -> FormModal.OPEN_ACTION.equals(b.path("action_id").asText())).findFirst()
                .orElseThrow(() -> new AssertionError(later.json()));
        json(rig.requests.interactivity(Payloads.button("TSLOWFORM", "USLOWFORM", FormModal.OPEN_ACTION,
                button.path("value").asText(), rig.slack.responseUrl("sf2"))));
        FakeSlack.Call open = rig.slack.await("views.open", 1, c -> c.form().get("trigger_id").endsWith("USLOWFORM")).get(0);
        assertEquals(FormModal.CALLBACK, open.jsonField("view").path("callback_id").asText());
    }
}
