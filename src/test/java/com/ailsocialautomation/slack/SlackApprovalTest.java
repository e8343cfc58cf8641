package com.ailsocialautomation.slack;

import com.ailsocialautomation.command.AccountPolicyCommand;
import com.ailsocialautomation.Json;
import com.ailsocialautomation.command.Invocation;
import com.ailsocialautomation.fakes.FakeMastodon;
import com.ailsocialautomation.fakes.FakeSlack;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.PostStatus;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.QueuedMessages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * #21 points 1 and 2 through Slack as people use it: who may set an account's posting policy, a post by someone who
 * is not an approver waiting and DM'd once to each approver, decisions by signed button presses (refused for anyone
 * else, once per round, after a restart too), the author told, a late post not published by itself, an edit after
 * approval asking again, and the decisions in my-data and gone with forget-me. Posts reach the fake Mastodon through
 * the real engine.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackApprovalTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static final FakeMastodon mastodon = FakeMastodon.start();
    static final String TEAM = "TAPPR";
    static SlackRig rig;
    static Account brand;
    static UUID ws;
    static int responses;

    @BeforeAll
    static void start() throws Exception {
        rig = SlackRig.publishingTo(pg, mastodon);
        rig.user("UOWN", "Olga", "UTC", false);
        rig.user("UANA", "Ana", "UTC", false);
        rig.user("UBOSS", "Boss", "UTC", true);
        rig.user("UCAL", "Cal", "UTC", false);
        rig.user("UZED", "Zed", "UTC", false);
        brand = rig.mastodonAccount(TEAM, "UOWN", mastodon);
        ws = rig.workspaces.find(FrontEnd.SLACK, TEAM).orElseThrow();
        // everyone has used AIL once, so the admin is known to be one
        for (String user : List.of("UOWN", "UANA", "UBOSS", "UCAL", "UZED")) {
            say(user, "accounts");
        }
        assertTrue(say("UZED", "account " + brand.shortId() + " posting:approval").contains("Only Olga or a workspace admin"));
        String set = say("UOWN", "account " + brand.shortId() + " posting:approval approvers:<@UANA|ana>,<@UBOSS>");
        assertTrue(set.contains("Saved.") && set.contains("posting:approval") && set.contains("Ana") && set.contains("Boss"), set);
    }

    @AfterAll
    static void stop() throws Exception {
        rig.close();
        mastodon.close();
    }

    /** The reply to {@code /ail <line>} by {@code user}, from the ack or, when it came later, its response_url. */
    static String say(String user, String line) throws Exception {
        String url = rig.slack.responseUrl("r" + (++responses));
        String ack = rig.requests.command(TEAM, user, line, url).body();
        if (ack.contains("\"text\"") || ack.contains("\"blocks\"")) {
            return ack;
        }
        String suffix = url.substring(url.lastIndexOf('/'));
        return rig.slack.await("respond", 1, c -> c.form().get("url").endsWith(suffix)).get(0).json();
    }

    /** Presses a button of a DM as {@code user}; what the response_url got. */
    static String press(SlackRig on, String user, String actionId) throws Exception {
        String url = on.slack.responseUrl("b" + (++responses));
        assertEquals(200, on.requests.interactivity(Payloads.button(TEAM, user, actionId, actionId, url)).statusCode());
        String suffix = url.substring(url.lastIndexOf('/'));
        return on.slack.await("respond", 1, c -> c.form().get("url").endsWith(suffix)).get(0).json();
    }

    static String postId(String reply) {
        Matcher m = Pattern.compile("Post (p[a-z2-9]{4})").matcher(reply);
        assertTrue(m.find(), reply);
        return m.group(1);
    }

    static Post post(String shortId) {
        return rig.posts.find(ws, shortId).orElseThrow();
    }

    static UUID user(String externalId) {
        return rig.sql.one("select id from chat_users where workspace_id = ? and external_id = ?", rs -> rs.getObject(1, UUID.class),
                ws, externalId).orElseThrow();
    }

    /** The approval DMs queued for {@code user} about {@code shortId}. */
    static List<String> requests(String user, String shortId) {
        return QueuedMessages.of(rig.sql, pg.vault(), user(user)).stream()
                .filter(m -> m.contains("Approval needed") && m.contains(shortId)).toList();
    }

    static String button(String dm, String verb) {
        Matcher m = Pattern.compile("decide:" + verb + "\\.p[a-z2-9]{4}\\.\\d+").matcher(dm);
        assertTrue(m.find(), dm);
        return m.group();
    }

    @Test
    void moreApproversThanAnAccountTakesAreRefusedBeforeAnyoneIsRecorded() throws Exception {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= AccountPolicyCommand.MAX_APPROVERS; i++) {
            many.append(i == 0 ? "" : ",").append("<@UMANY").append(i).append('>');
        }
        String reply = say("UOWN", "account " + brand.shortId() + " approvers:" + many);
        assertTrue(reply.contains("at most " + AccountPolicyCommand.MAX_APPROVERS + " approvers"), reply);
        assertEquals(0, rig.sql.one("select count(*) from chat_users where external_id like 'UMANY%'", rs -> rs.getInt(1)).orElseThrow());
        assertTrue(say("UCAL", "accounts").contains("posting:approval, approvers: Ana, Boss"), "the approvers stay as they were");

        Account full = rig.mastodonAccount(TEAM, "UOWN", mastodon);
        String most = many.substring(0, many.lastIndexOf(",")).replace("UMANY", "UFULL");
        String saved = say("UOWN", "account " + full.shortId() + " approvers:" + most);
        assertTrue(saved.startsWith("{\"response_type\":\"ephemeral\",\"text\":\"Saved. "), saved);
        assertEquals(AccountPolicyCommand.MAX_APPROVERS, rig.sql.one("select count(*) from chat_users where external_id like 'UFULL%'",
                rs -> rs.getInt(1)).orElseThrow(), "exactly as many as an account takes are kept: " + saved);
    }

    @Test
    void aPostBySomeoneWhoIsNotAnApproverWaitsAndIsPublishedWhenAnApproverApproves() throws Exception {
        assertTrue(say("UCAL", "accounts").contains("posting:approval, approvers: Ana, Boss"));
        String reply = say("UCAL", "post to:" + brand.shortId() + " Our launch is today");
        String id = postId(reply);
        assertTrue(reply.contains("waits for approval by Ana, Boss"), reply);
        assertEquals(PostStatus.PENDING_APPROVAL, post(id).status());
        assertEquals(1, requests("UANA", id).size());
        assertEquals(1, requests("UBOSS", id).size());
        assertTrue(requests("UCAL", id).isEmpty(), "the author is not asked");
        String dm = requests("UANA", id).get(0);
        assertTrue(dm.contains("Our launch is today") && dm.contains("Request changes") && dm.contains("Reject"), dm);

        String refused = press(rig, "UZED", button(dm, "approve"));
        assertTrue(refused.contains("Only Ana or Boss can decide post " + id), refused);
        assertTrue(say("UCAL", "approve " + id).contains("can decide"), "the author cannot approve their own post");
        Thread.sleep(1500);
        assertTrue(mastodon.statuses().stream().noneMatch(s -> s.toString().contains("Our launch is today")), "not published while waiting");

        String approved = press(rig, "UANA", button(dm, "approve"));
        assertTrue(approved.contains("Approved post " + id), approved);
        assertTrue(eventually(Duration.ofSeconds(20), () -> mastodon.statuses().stream()
                .anyMatch(s -> s.path("text_sent").asText().equals("Our launch is today"))), "published once approved");
        String again = press(rig, "UBOSS", button(requests("UBOSS", id).get(0), "approve"));
        assertTrue(again.contains("already decided: approved by Ana"), again);
        assertTrue(QueuedMessages.of(rig.sql, pg.vault(), user("UCAL")).stream().anyMatch(m -> m.contains("Ana approved post " + id)));
        String shown = say("UCAL", "show " + id);
        assertTrue(shown.contains("Approval") && shown.contains("approved by Ana"), shown);
    }

    @Test
    void requestChangesThenAnEditAsksAgainAndRejectTellsTheAuthorWithTheNote() throws Exception {
        String id = postId(say("UCAL", "schedule in:3h to:" + brand.shortId() + " First try"));
        String first = requests("UANA", id).get(0);
        assertTrue(say("UANA", "request-changes " + id + " Please add the link").contains("Asked Cal for changes"));
        assertEquals(PostStatus.PENDING_APPROVAL, post(id).status());
        assertTrue(QueuedMessages.of(rig.sql, pg.vault(), user("UCAL")).stream()
                .anyMatch(m -> m.contains("Ana asked for changes to post " + id) && m.contains("Please add the link")));
        assertTrue(press(rig, "UBOSS", button(requests("UBOSS", id).get(0), "reject")).contains("already decided: changes requested by Ana"));
        assertTrue(say("UCAL", "list waiting").contains("Nothing waits"), "the author approves nothing");
        assertFalse(say("UANA", "list waiting").contains(id), "decided for now: nothing to decide until the edit");

        String edited = say("UCAL", "edit " + id + " Second try https://example.com/launch");
        assertTrue(edited.contains("waits for approval"), edited);
        assertEquals(2, requests("UANA", id).size(), "the edit asks again");
        assertTrue(say("UANA", "list waiting").contains(id));
        assertTrue(press(rig, "UANA", button(first, "approve")).contains("already decided"), "a button of the first round no longer decides");

        String rejected = say("UBOSS", "reject " + id + " Not this week");
        assertTrue(rejected.contains("Rejected post " + id), rejected);
        assertEquals(PostStatus.CANCELLED, post(id).status());
        assertTrue(QueuedMessages.of(rig.sql, pg.vault(), user("UCAL")).stream()
                .anyMatch(m -> m.contains("Boss rejected post " + id) && m.contains("Not this week")));
    }

    @Test
    void anEditAfterApprovalNeedsApprovalAgain() throws Exception {
        String id = postId(say("UCAL", "schedule in:5h to:" + brand.shortId() + " Approved once"));
        assertTrue(press(rig, "UANA", button(requests("UANA", id).get(0), "approve")).contains("Approved post " + id));
        assertEquals(PostStatus.SCHEDULED, post(id).status());
        say("UCAL", "edit " + id + " Approved once, then changed");
        assertEquals(PostStatus.PENDING_APPROVAL, post(id).status());
        assertEquals(2, requests("UANA", id).size());
        String shown = say("UCAL", "show " + id);
        assertTrue(shown.contains("approved by Ana") && shown.contains("an earlier version") && shown.contains("waiting for Ana or Boss"), shown);
        // an approver's own edit does not wait
        assertTrue(press(rig, "UANA", button(requests("UANA", id).get(1), "approve")).contains("Approved"));
        say("UBOSS", "edit " + id + " Final words from the boss");
        assertEquals(PostStatus.SCHEDULED, post(id).status());
    }

    @Test
    void aPendingPostWhoseTimePassedIsNotPublishedByItselfAndApprovingItOffersPublishNowOrANewTime() throws Exception {
        String id = postId(say("UCAL", "schedule in:2h to:" + brand.shortId() + " Running late"));
        // its time passes while it waits
        rig.sql.update("update posts set scheduled_at = now() - interval '1 hour', created_at = now() - interval '3 hours' where short_id = ?", id);
        rig.sql.update("update post_targets set due_at = now() - interval '1 hour' where post_id = (select id from posts where short_id = ?)", id);
        Thread.sleep(1500);
        assertEquals(PostStatus.PENDING_APPROVAL, post(id).status(), "not published late by itself");

        // its approvers are told once that it is late, with Publish now and a new time; the author is not
        assertTrue(rig.lateApprovals.remind() >= 2, "Ana and Boss"); // the test database may hold other late posts
        rig.lateApprovals.remind();
        List<String> told = QueuedMessages.of(rig.sql, pg.vault(), user("UANA")).stream()
                .filter(m -> m.contains("Post " + id + " is late")).toList();
        assertEquals(1, told.size(), "once: " + told);
        assertEquals(1, QueuedMessages.of(rig.sql, pg.vault(), user("UBOSS")).stream().filter(m -> m.contains("Post " + id + " is late")).count());
        assertTrue(told.get(0).contains("Publish now") && told.get(0).contains("decide:now." + id)
                && told.get(0).contains("New time") && told.get(0).contains("decide:approve." + id), told.get(0));
        assertTrue(QueuedMessages.of(rig.sql, pg.vault(), user("UCAL")).stream().noneMatch(m -> m.contains(id + " is late")));

        String dm = requests("UANA", id).get(0);
        String late = press(rig, "UANA", button(dm, "approve"));
        assertTrue(late.contains("is late") && late.contains("Publish now") && late.contains("decide:now." + id), late);
        assertEquals(PostStatus.PENDING_APPROVAL, post(id).status(), "asking is not deciding");
        Invocation ana = new Invocation(FrontEnd.SLACK, TEAM, "UANA", "Ana", false, ZoneOffset.UTC, null);
        assertTrue(rig.commands.run(ana, "list waiting").toPlainText().contains(id));

        String now = press(rig, "UANA", late.replaceAll("(?s).*?(decide:now\\.p[a-z2-9]{4}\\.\\d+).*", "$1"));
        assertTrue(now.contains("Approved post " + id), now);
        assertTrue(eventually(Duration.ofSeconds(20), () -> mastodon.statuses().stream()
                .anyMatch(s -> s.path("text_sent").asText().equals("Running late"))));
    }

    @Test
    void ownerAndAdminsRefusesEveryoneElseAtAcceptanceForPostScheduleAndADraftAndStoresNothing() throws Exception {
        Account locked = rig.mastodonAccount(TEAM, "UOWN", mastodon);
        // Cal's draft is saved while anyone may post; the policy then changes under it
        String draft = say("UCAL", "draft to:" + locked.shortId() + " A draft for the locked account");
        Matcher d = Pattern.compile("Saved draft (d[a-z2-9]{4})").matcher(draft);
        assertTrue(d.find(), draft);
        assertTrue(say("UOWN", "account " + locked.shortId() + " posting:owner-and-admins").contains("posting:owner-and-admins"));

        int posts = rig.sql.one("select count(*) from posts where workspace_id = ?", rs -> rs.getInt(1), ws).orElseThrow();
        String line = "Only Olga and workspace admins may post to " + locked.label() + " (posting:owner-and-admins); ask one of them.";
        for (String command : List.of("post to:" + locked.shortId() + " Not mine to post", "schedule in:2h to:" + locked.shortId()
                + " Not mine to schedule", "post " + d.group(1), "schedule " + d.group(1) + " in:3h")) {
            String refused = say("UCAL", command);
            assertTrue(refused.contains(line), command + " -> " + refused);
        }
        assertEquals(posts, rig.sql.one("select count(*) from posts where workspace_id = ?", rs -> rs.getInt(1), ws).orElseThrow(),
                "nothing stored");
        assertTrue(say("UCAL", "list drafts").contains(d.group(1)), "the draft stays a draft");

        assertFalse(say("UOWN", "post to:" + locked.shortId() + " The owner posts").contains("Only Olga"));
        String boss = say("UBOSS", "schedule in:2h to:" + locked.shortId() + " An admin schedules");
        assertEquals(PostStatus.SCHEDULED, post(postId(boss)).status(), "an admin needs no approval");
        assertTrue(eventually(Duration.ofSeconds(20), () -> mastodon.statuses().stream()
                .anyMatch(s -> s.path("text_sent").asText().equals("The owner posts"))), "the owner's post is published");
        assertTrue(mastodon.statuses().stream().noneMatch(s -> s.toString().contains("Not mine")));
    }

    @Test
    void accountWithoutSettingsOpensAModalWhoseSubmissionSetsThePolicyThroughTheCommand() throws Exception {
        Account other = rig.mastodonAccount(TEAM, "UOWN", mastodon);
        int opened = rig.slack.calls("views.open").size();
        String url = rig.slack.responseUrl("r" + (++responses));
        String suffix = url.substring(url.lastIndexOf('/'));
        String ack = rig.requests.command(TEAM, "UOWN", "account " + other.shortId(), url).body();
        assertFalse(ack.contains("Saved"), ack);
        FakeSlack.Call open = rig.slack.await("views.open", opened + 1, c -> true).get(opened);
        JsonNode view = open.jsonField("view");
        String blocks = view.path("blocks").toString();
        for (String word : List.of("anyone", "approval", "owner-and-admins")) {
            assertTrue(blocks.contains("\"value\":\"" + word + "\""), blocks);
        }
        assertTrue(blocks.contains("radio_buttons") && blocks.contains("multi_users_select"), blocks);
        assertTrue(view.path("blocks").get(0).path("element").path("initial_option").path("value").asText().equals("anyone"), blocks);

        ObjectNode radio = Json.MAPPER.createObjectNode().put("type", "radio_buttons");
        radio.putObject("selected_option").put("value", "approval").putObject("text").put("type", "plain_text").put("text", "approval");
        ObjectNode people = Json.MAPPER.createObjectNode().put("type", "multi_users_select");
        people.putArray("selected_users").add("UANA").add("UCAL");
        // someone who is neither the owner nor an admin is refused, and nothing changes
        json(rig.requests.interactivity(Payloads.submission(TEAM, "UZED", FormModal.CALLBACK,
                view.path("private_metadata").asText(), Map.of("posting", radio, "approvers", people))));
        String refused = rig.slack.await("respond", 1, c -> c.form().get("url").endsWith(suffix)).get(0).json();
        assertTrue(refused.contains("Only Olga or a workspace admin"), refused);
        assertTrue(line(other).endsWith("posting:anyone"), line(other));

        json(rig.requests.interactivity(Payloads.submission(TEAM, "UOWN", FormModal.CALLBACK,
                view.path("private_metadata").asText(), Map.of("posting", radio, "approvers", people))));
        String ok = rig.slack.await("respond", 2, c -> c.form().get("url").endsWith(suffix)).get(1).json();
        assertTrue(ok.contains("Saved."), ok);
        assertTrue(eventually(Duration.ofSeconds(10), () -> line(other).endsWith("posting:approval, approvers: Ana, Cal")));
        // opened again, the form shows the approvers chosen, so that submitting it unchanged keeps them
        rig.requests.command(TEAM, "UOWN", "account " + other.shortId(), rig.slack.responseUrl("r" + (++responses)));
        JsonNode again = rig.slack.await("views.open", opened + 2, c -> true).get(opened + 1).jsonField("view");
        assertEquals("approval", again.path("blocks").get(0).path("element").path("initial_option").path("value").asText());
        JsonNode chosen = StreamSupport.stream(again.path("blocks").spliterator(), false)
                .filter(b -> b.path("element").path("type").asText().equals("multi_users_select")).findFirst().orElseThrow()
                .path("element").path("initial_users");
        assertEquals(List.of("UANA", "UCAL"), StreamSupport.stream(chosen.spliterator(), false).map(JsonNode::asText).sorted()
                .toList(), again.toString());

        // nobody picked goes back to the admins
        ObjectNode nobody = Json.MAPPER.createObjectNode().put("type", "multi_users_select");
        nobody.putArray("selected_users");
        rig.requests.interactivity(Payloads.submission(TEAM, "UOWN", FormModal.CALLBACK,
                view.path("private_metadata").asText(), Map.of("posting", radio, "approvers", nobody)));
        assertTrue(eventually(Duration.ofSeconds(10), () -> line(other).endsWith("posting:approval, approvers: the workspace admins")));

        // /ail account alone: the account is picked in the form
        rig.requests.command(TEAM, "UOWN", "account", rig.slack.responseUrl("r" + (++responses)));
        JsonNode pick = rig.slack.await("views.open", opened + 3, c -> true).get(opened + 2).jsonField("view");
        assertTrue(pick.path("blocks").get(0).toString().contains(other.label()), pick.toString());
        ObjectNode account = Json.MAPPER.createObjectNode().put("type", "radio_buttons");
        account.putObject("selected_option").put("value", other.label());
        ObjectNode locked = Json.MAPPER.createObjectNode().put("type", "radio_buttons");
        locked.putObject("selected_option").put("value", "owner-and-admins");
        json(rig.requests.interactivity(Payloads.submission(TEAM, "UOWN", FormModal.CALLBACK,
                pick.path("private_metadata").asText(), Map.of("account", account, "posting", locked, "approvers", nobody))));
        assertTrue(eventually(Duration.ofSeconds(10), () -> line(other).endsWith("posting:owner-and-admins")), line(other));
    }

    @Test
    void appHomeShowsWhatWaitsForTheApproverFirstWithTheButtons() throws Exception {
        String id = postId(say("UCAL", "schedule in:6h to:" + brand.shortId() + " For the home tab"));
        json(rig.requests.event(Payloads.event(TEAM, "EvApprove1", Payloads.appHomeOpened("UANA")), null));
        FakeSlack.Call publish = rig.slack.await("views.publish", 1, c -> "UANA".equals(c.form().get("user_id"))).get(0);
        JsonNode blocks = publish.jsonField("view").path("blocks");
        List<String> headers = new java.util.ArrayList<>();
        blocks.forEach(b -> {
            if (b.path("type").asText().equals("header")) {
                headers.add(b.path("text").path("text").asText());
            }
        });
        assertEquals("Waiting for your approval", headers.get(1), headers.toString());
        String approve = "decide:approve." + id + ".1";
        assertTrue(blocks.toString().contains(approve) && blocks.toString().contains("For the home tab"), blocks.toString());

        json(rig.requests.interactivity(Payloads.homeButton(TEAM, "UANA", approve)));
        FakeSlack.Call again = rig.slack.await("views.publish", 2, c -> "UANA".equals(c.form().get("user_id"))).get(1);
        assertTrue(again.jsonField("view").toString().contains("Approved post " + id), again.form().get("view"));
        assertEquals(PostStatus.SCHEDULED, post(id).status());
    }

    /** The account's line in {@code /ail accounts}, from the console (what Slack says is the same). */
    static String line(Account account) {
        Invocation own = new Invocation(FrontEnd.SLACK, TEAM, "UOWN", "Olga", false, ZoneOffset.UTC, null);
        return rig.commands.run(own, "accounts").toPlainText().lines().filter(l -> l.contains(account.shortId())).findFirst().orElseThrow();
    }

    static JsonNode json(java.net.http.HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.body());
        return r.body().isEmpty() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(r.body());
    }

    @Test
    @Order(Integer.MAX_VALUE) // Boss forgets himself at the end
    void theButtonsWorkAfterARestartAndMyDataAndForgetMeCoverTheDecisions() throws Exception {
        String id = postId(say("UCAL", "schedule in:4h to:" + brand.shortId() + " Across a restart"));
        String dm = requests("UBOSS", id).get(0);
        try (SlackRig second = SlackRig.single(pg)) {
            second.user("UBOSS", "Boss", "UTC", true);
            // Request changes first offers a form for the note to the author (its button carries the form: no memory)
            String offered = press(second, "UBOSS", button(dm, "changes"));
            assertTrue(offered.contains("decide:changes-now." + id + ".1") && offered.contains(FormModal.OPEN_ACTION), offered);
            JsonNode open = StreamSupport.stream(Json.MAPPER.readTree(offered).path("blocks").spliterator(), false)
                    .flatMap(b -> StreamSupport.stream(b.path("elements").spliterator(), false))
                    .filter(e -> FormModal.OPEN_ACTION.equals(e.path("action_id").asText())).findFirst().orElseThrow();
            String ack = second.requests.interactivity(Payloads.submission(TEAM, "UBOSS", FormModal.CALLBACK,
                    open.path("value").asText(), Map.of("note", Payloads.textValue("Use the new logo")))).body();
            assertFalse(ack.contains("errors"), ack);
            assertTrue(eventually(Duration.ofSeconds(10), () -> QueuedMessages.of(rig.sql, pg.vault(), user("UCAL")).stream()
                    .anyMatch(m -> m.contains("Boss asked for changes to post " + id) && m.contains("Use the new logo"))));
        }

        Invocation boss = new Invocation(FrontEnd.SLACK, TEAM, "UBOSS", "Boss", true, ZoneOffset.UTC, null);
        Invocation cal = new Invocation(FrontEnd.SLACK, TEAM, "UCAL", "Cal", false, ZoneOffset.UTC, null);
        JsonNode mine = export(boss).path("approvalDecisions");
        assertTrue(mine.toString().contains(id) && mine.toString().contains("changes requested"), mine.toString());
        JsonNode theirs = export(cal).path("approvalDecisions");
        assertTrue(theirs.toString().contains(id) && theirs.toString().contains("\"decidedBy\":\"Boss\""), theirs.toString());

        Reply confirm = rig.commands.run(boss, "forget-me");
        Reply erased = rig.commands.press(boss, confirm.buttons().get(0).actionId());
        assertTrue(erased.text().toLowerCase().contains("erase"), erased.text());
        assertEquals(0, rig.sql.one("select count(*) from post_decisions d join posts p on p.id = d.post_id where p.short_id = ?",
                rs -> rs.getInt(1), id).orElseThrow());
        assertFalse(export(cal).path("approvalDecisions").toString().contains(id));
        assertFalse(say("UCAL", "accounts").contains("Boss"), "no longer an approver");
    }

    static JsonNode export(Invocation who) throws Exception {
        Reply reply = rig.commands.run(who, "my-data");
        return Json.MAPPER.readTree(new String(reply.file().content(), StandardCharsets.UTF_8));
    }
}
