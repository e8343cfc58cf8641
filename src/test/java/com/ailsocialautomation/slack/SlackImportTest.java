package com.ailsocialautomation.slack;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.PostFilter;
import com.ailsocialautomation.testing.PostgresExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /ail import in Slack: a slash command carries no file, so it opens a form with a file input; the CSV added there is
 * read with the bot token from Slack's file host and imported by the real command layer, as signed requests arrive.
 */
class SlackImportTest {
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

    @Test
    void importOpensAFormWhoseCsvIsImportedAndABadLineSchedulesNothingUnlessPartialIsTicked() throws Exception {
        String team = "TIMPORT";
        rig.user("UIMPORT", "Ines", "UTC", false);
        Account hook = rig.webhookAccount(team, "UIMPORT", "import.example/hook");
        String csv = "when,to,text,media,alt\n"
                + "tomorrow 09:00,webhook,\"Doors open,\nat nine\",,\n"
                + "2020-01-01 09:00,webhook,Long gone,,\n"
                + "tomorrow 18:00,,Thank you all,,\n";
        Map<String, Object> file = rig.slack.addFile("F0CSV", "plan.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        rig.requests.command(team, "UIMPORT", "import", rig.slack.responseUrl("import1"));
        JsonNode view = rig.slack.await("views.open", 1, c -> c.form().get("trigger_id").endsWith("UIMPORT")).get(0).jsonField("view");
        assertEquals(ImportModal.CALLBACK, view.path("callback_id").asText());
        JsonNode input = block(view, ImportModal.FILE).path("element");
        assertEquals("file_input", input.path("type").asText());
        assertEquals(1, input.path("max_files").asInt());

        submit(team, view, file, false);
        String refused = rig.slack.await("respond", 1, c -> c.form().get("url").endsWith("/import1")).get(0).json();
        assertTrue(refused.contains("Nothing was scheduled: 1 row of 3 cannot be scheduled") && refused.contains("Line 4: "), refused);
        assertEquals(0, rig.posts.list(hook.workspaceId(), PostFilter.UPCOMING, null, 10).size());

        rig.requests.command(team, "UIMPORT", "import", rig.slack.responseUrl("import2"));
        view = rig.slack.await("views.open", 2, c -> c.form().get("trigger_id").endsWith("UIMPORT")).get(1).jsonField("view");
        submit(team, view, file, true);
        String done = rig.slack.await("respond", 1, c -> c.form().get("url").endsWith("/import2")).get(0).json();
        assertTrue(done.contains("Scheduled 2 posts from the file; 1 row could not be"), done);
        assertEquals(List.of("Doors open,\nat nine", "Thank you all"), rig.posts.list(hook.workspaceId(), PostFilter.UPCOMING,
                null, 10).stream().map(p -> p.text()).toList());
        assertTrue(rig.slack.calls("files.info").isEmpty(), "the payload carried the file's address");
    }

    @Test
    void aLongImportSaysHowFarItGotWhereTheCommandWasTyped() throws Exception {
        String team = "TLONG";
        rig.user("ULONG", "Lena", "UTC", false);
        Account hook = rig.webhookAccount(team, "ULONG", "long.example/hook");
        StringBuilder csv = new StringBuilder("when,to,text,media,alt\n");
        for (int i = 1; i <= 60; i++) { // past the 50 lines after which an import tells how far it got
            csv.append("tomorrow 09:00,webhook,Post number ").append(i).append(",,\n");
        }
        Map<String, Object> file = rig.slack.addFile("F0LONG", "long.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        rig.requests.command(team, "ULONG", "import", rig.slack.responseUrl("long"));
        JsonNode view = rig.slack.await("views.open", 1, c -> c.form().get("trigger_id").endsWith("ULONG")).get(0).jsonField("view");

        submit(team, "ULONG", view, file, false);
        String done = rig.slack.await("respond", 1, c -> c.form().get("url").endsWith("/long")
                && c.json().contains("Scheduled")).get(0).json();
        assertTrue(done.contains("Scheduled 60 posts from the file"), done);
        rig.clock.set(java.time.Instant.now().plusSeconds(1)); // the outbox row is due from the database's now()
        new com.ailsocialautomation.notify.NotificationSender(rig.outbox, List.of(rig.front.notifier()), rig.clock).drain();
        String progress = rig.slack.await("respond", 1, c -> c.form().get("url").endsWith("/long")
                && c.json().contains("Importing: checked 50 of")).get(0).json(); // not the "checked 0" one sent first
        assertTrue(progress.contains("Importing: checked 50 of 60 lines of the file"), progress);
        assertEquals(60, rig.posts.list(hook.workspaceId(), PostFilter.UPCOMING, null, 100).size());
    }

    private static void submit(String team, JsonNode view, Map<String, Object> file, boolean partial) throws Exception {
        submit(team, "UIMPORT", view, file, partial);
    }

    private static void submit(String team, String user, JsonNode view, Map<String, Object> file, boolean partial) throws Exception {
        Map<String, ObjectNode> values = new LinkedHashMap<>();
        values.put(ImportModal.FILE, Payloads.files(List.of(file)));
        ObjectNode ticks = Json.MAPPER.createObjectNode().put("type", "checkboxes");
        if (partial) {
            ObjectNode option = ticks.putArray("selected_options").addObject();
            option.putObject("text").put("type", "plain_text").put("text", "Schedule the others anyway");
            option.put("value", "yes");
        } else {
            ticks.putArray("selected_options");
        }
        values.put(ImportModal.PARTIAL, ticks);
        var response = rig.requests.interactivity(Payloads.submission(team, user, ImportModal.CALLBACK,
                view.path("private_metadata").asText(), values));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode ack = response.body().isEmpty() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(response.body());
        assertTrue(!ack.has("response_action"), "the form closes: " + ack);
    }

    private static JsonNode block(JsonNode view, String id) {
        for (JsonNode block : view.path("blocks")) {
            if (id.equals(block.path("block_id").asText())) {
                return block;
            }
        }
        throw new AssertionError("no block " + id + " in " + view);
    }
}
