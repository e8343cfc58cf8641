package com.ailsocialautomation.slack;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.command.Compose;
import com.ailsocialautomation.fakes.FakeSlack;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.PostFilter;
import com.ailsocialautomation.store.PostStatus;
import com.ailsocialautomation.testing.PostgresExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Save as draft" in Slack's compose modal, through signed slash-command and view_submission requests. */
class SlackDraftTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static SlackRig rig;

    @BeforeAll
    static void start() throws Exception {
        rig = SlackRig.single(pg);
    }

    @AfterAll
    static void stop() throws Exception {
        rig.close();
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.body());
        return r.body().isEmpty() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(r.body());
    }

    @Test
    void draftWithoutTextOpensTheModalWithSaveAsDraftTickedAndItsSubmissionSavesADraftThatIsNotScheduled() throws Exception {
        String team = "TDRAFT";
        rig.user("UDRAFT", "Dana", "Europe/Berlin", false);
        Account hook = rig.webhookAccount(team, "UDRAFT", "draft.example/hook");
        assertEquals(200, rig.requests.command(team, "UDRAFT", "draft", rig.slack.responseUrl("draft")).statusCode());
        JsonNode view = rig.slack.await("views.open", 1, c -> c.form().get("trigger_id").endsWith("UDRAFT")).get(0).jsonField("view");
        assertEquals("Save a draft", view.path("title").path("text").asText());
        Map<String, JsonNode> blocks = new LinkedHashMap<>();
        view.path("blocks").forEach(b -> blocks.put(b.path("block_id").asText(), b));
        JsonNode box = blocks.get(Compose.SAVE_AS_DRAFT).path("element");
        assertEquals(Compose.SAVE_AS_DRAFT, box.path("initial_options").get(0).path("value").asText(), "ticked: " + box);
        String metadata = view.path("private_metadata").asText();

        String tomorrow = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(2).toString();
        JsonNode timed = json(rig.requests.interactivity(Payloads.submission(team, "UDRAFT", ComposeModal.CALLBACK, metadata,
                values(List.of(hook.shortId()), "Ideas for Monday", tomorrow, "09:00", true))));
        assertTrue(timed.path("errors").path("date").asText().startsWith("A draft is saved without a time"), timed.toString());

        JsonNode closed = json(rig.requests.interactivity(Payloads.submission(team, "UDRAFT", ComposeModal.CALLBACK, metadata,
                values(List.of(hook.shortId()), "Ideas for Monday", null, null, true))));
        assertFalse(closed.has("response_action"), "the modal closes: " + closed);
        FakeSlack.Call answer = rig.slack.await("respond", 1, c -> c.form().get("url").endsWith("/draft")).get(0);
        assertTrue(answer.body().path("text").asText().contains("Saved draft d"), answer.json());
        UUID ws = rig.workspaces.find(FrontEnd.SLACK, team).orElseThrow();
        List<Post> drafts = rig.posts.list(ws, PostFilter.DRAFTS, null, 10);
        assertEquals(1, drafts.size());
        assertEquals(PostStatus.DRAFT, drafts.get(0).status());
        assertEquals("Ideas for Monday", drafts.get(0).text());
        assertEquals(List.of(), rig.posts.list(ws, PostFilter.UPCOMING, null, 10), "nothing is scheduled");
    }

    @Test
    void appHomeListsYourDraftsAndItsScheduleButtonOpensAFormThatSchedulesIt() throws Exception {
        String team = "THOMEDRAFT";
        rig.user("UHD", "Hedi", "UTC", false);
        Account hook = rig.webhookAccount(team, "UHD", "homedraft.example/hook");
        json(rig.requests.command(team, "UHD", "draft to:" + hook.shortId() + " A draft for the home tab", rig.slack.responseUrl("hd")));
        UUID ws = rig.workspaces.find(FrontEnd.SLACK, team).orElseThrow();
        Post draft = rig.posts.list(ws, PostFilter.DRAFTS, null, 10).get(0);

        json(rig.requests.event(Payloads.event(team, "EvHomeDraft", Payloads.appHomeOpened("UHD")), null));
        String home = rig.slack.await("views.publish", 1, c -> "UHD".equals(c.form().get("user_id"))).get(0).jsonField("view").toString();
        assertTrue(home.contains("Your drafts") && home.contains("A draft for the home tab"), home);
        for (String action : List.of("show:", "post-draft:", "schedule-draft:", "cancel:")) {
            assertTrue(home.contains("\"action_id\":\"" + action + draft.shortId() + "\""), action + " in " + home);
        }

        json(rig.requests.interactivity(Payloads.homeButton(team, "UHD", "schedule-draft:" + draft.shortId())));
        JsonNode asked = rig.slack.await("views.publish", 2, c -> "UHD".equals(c.form().get("user_id"))).get(1).jsonField("view");
        JsonNode open = null;
        for (JsonNode block : asked.path("blocks")) {
            for (JsonNode element : block.path("elements")) {
                if (element.path("action_id").asText().startsWith(FormModal.OPEN_ACTION)) {
                    open = element;
                }
            }
        }
        assertTrue(open != null, "the answer offers the form: " + asked);
        assertEquals(PostStatus.DRAFT, rig.posts.find(ws, draft.id()).orElseThrow().status());
        Map<String, ObjectNode> when = new LinkedHashMap<>();
        when.put("when", Payloads.textValue("tomorrow 09:00"));
        json(rig.requests.interactivity(Payloads.submission(team, "UHD", FormModal.CALLBACK, open.path("value").asText(), when)));
        assertTrue(com.ailsocialautomation.testing.Eventually.eventually(java.time.Duration.ofSeconds(10),
                () -> rig.posts.find(ws, draft.id()).orElseThrow().status() == PostStatus.SCHEDULED));
    }

    @Test
    void leftUntickedThePostModalPublishesAsBefore() throws Exception {
        String team = "TNODRAFT";
        rig.user("UNODRAFT", "Nils", "UTC", false);
        Account hook = rig.webhookAccount(team, "UNODRAFT", "nodraft.example/hook");
        assertEquals(200, rig.requests.command(team, "UNODRAFT", "schedule", rig.slack.responseUrl("nodraft")).statusCode());
        JsonNode view = rig.slack.await("views.open", 1, c -> c.form().get("trigger_id").endsWith("UNODRAFT")).get(0).jsonField("view");
        String tomorrow = LocalDate.now(ZoneId.of("UTC")).plusDays(2).toString();
        json(rig.requests.interactivity(Payloads.submission(team, "UNODRAFT", ComposeModal.CALLBACK, view.path("private_metadata").asText(),
                values(List.of(hook.shortId()), "Scheduled as ever", tomorrow, "09:00", false))));
        assertTrue(rig.slack.await("respond", 1, c -> c.form().get("url").endsWith("/nodraft")).get(0).body().path("text").asText()
                .contains("Scheduled"));
        UUID ws = rig.workspaces.find(FrontEnd.SLACK, team).orElseThrow();
        assertEquals(1, rig.posts.list(ws, PostFilter.UPCOMING, null, 10).size());
        assertEquals(List.of(), rig.posts.list(ws, PostFilter.DRAFTS, null, 10));
    }

    private static Map<String, ObjectNode> values(List<String> accounts, String text, String date, String time, boolean asDraft) {
        Map<String, ObjectNode> v = new LinkedHashMap<>();
        v.put("accounts", Payloads.selected(accounts));
        v.put("text", Payloads.textValue(text));
        v.put("date", Payloads.date(date));
        v.put("time", Payloads.time(time));
        v.put("media", Payloads.textValue(null));
        ObjectNode box = Payloads.selected(asDraft ? List.of(Compose.SAVE_AS_DRAFT) : List.of());
        box.put("type", "checkboxes");
        v.put(Compose.SAVE_AS_DRAFT, box);
        return v;
    }
}
