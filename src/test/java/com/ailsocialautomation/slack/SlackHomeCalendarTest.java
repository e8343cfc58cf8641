package com.ailsocialautomation.slack;

import com.ailsocialautomation.Json;
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

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 22 point 4: App Home shows this week and next as a calendar whose buttons act with the presser's rights. */
class SlackHomeCalendarTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static SlackRig rig;
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @BeforeAll
    static void start() throws Exception {
        rig = SlackRig.single(pg);
    }

    @AfterAll
    static void stop() throws Exception {
        rig.close();
    }

    @Test
    void theHomeCalendarShowsEachPostAtTheViewersTimeWithTheButtonsTheyMayUseAndTheyWork() throws Exception {
        String team = "TCAL";
        rig.user("UCAL", "Cleo", "Europe/Berlin", false);
        rig.user("UOTTO", "Otto", "UTC", false);
        Account hook = rig.webhookAccount(team, "UCAL", "cal.example/hook");
        rig.requests.command(team, "UCAL", "schedule in:3h to:" + hook.shortId() + " Cleo's launch note", rig.slack.responseUrl("c1"));
        rig.requests.command(team, "UOTTO", "schedule in:4h to:" + hook.shortId() + " Otto's own note", rig.slack.responseUrl("c2"));
        UUID ws = rig.workspaces.find(FrontEnd.SLACK, team).orElseThrow();
        List<Post> upcoming = rig.posts.list(ws, PostFilter.UPCOMING, null, 10);
        Post mine = upcoming.stream().filter(p -> p.text().startsWith("Cleo")).findFirst().orElseThrow();
        Post otto = upcoming.stream().filter(p -> p.text().startsWith("Otto")).findFirst().orElseThrow();

        JsonNode home = openHome(team, "UCAL", 1);
        String all = home.toString();
        String berlinTime = DateTimeFormatter.ofPattern("HH:mm").format(LocalDateTime.ofInstant(mine.scheduledAt(), BERLIN));
        assertTrue(all.contains("This week and next"), all);
        assertTrue(all.contains(DateTimeFormatter.ofPattern("EEEE d MMMM", java.util.Locale.ENGLISH)
                .format(LocalDateTime.ofInstant(mine.scheduledAt(), BERLIN))), "a header for the post's day: " + all);
        assertTrue(all.contains("*" + berlinTime + "* · *" + mine.shortId() + "* · scheduled"), "the time in Berlin: " + all);
        assertTrue(all.contains("cal.example/hook (scheduled)"), "its targets and their states: " + all);
        JsonNode myButtons = buttonsOf(home, mine.shortId());
        assertEquals(List.of("Open", "Edit", "Reschedule", "Cancel"), labels(myButtons));
        assertEquals("Cancel this post?", myButtons.get(3).path("confirm").path("title").path("text").asText(),
                "cancel asks first");
        assertEquals(List.of("Open"), labels(buttonsOf(home, otto.shortId())), "someone else's post: only open");

        // Reschedule: the button opens the modal with the time field, whose submission runs /ail reschedule
        JsonNode reschedule = myButtons.get(2);
        rig.requests.interactivity(press(team, "UCAL", reschedule.path("action_id").asText(), reschedule.path("value").asText()));
        FakeSlack.Call open = rig.slack.await("views.open", 1, c -> c.jsonField("view").toString().contains("Reschedule " + mine.shortId())).get(0);
        JsonNode modal = open.jsonField("view");
        assertEquals("at", modal.path("blocks").get(0).path("block_id").asText());
        LocalDateTime wanted = LocalDateTime.ofInstant(rig.clock.instant(), BERLIN).plusDays(2).withHour(10).withMinute(15)
                .truncatedTo(ChronoUnit.MINUTES);
        rig.requests.interactivity(Payloads.submission(team, "UCAL", FormModal.CALLBACK, modal.path("private_metadata").asText(),
                Map.of("at", Payloads.textValue(wanted.toString().replace('T', ' ')))));
        JsonNode after = openHomeAfter(2);
        assertTrue(after.toString().contains("will be published"), "the outcome tops the refreshed home: " + after);
        assertEquals(wanted.atZone(BERLIN).toInstant(), rig.posts.find(ws, mine.id()).orElseThrow().scheduledAt());

        // Edit: its modal's text replaces the post's text through /ail edit
        JsonNode edit = buttonsOf(after, mine.shortId()).get(1);
        rig.requests.interactivity(press(team, "UCAL", edit.path("action_id").asText(), edit.path("value").asText()));
        FakeSlack.Call editOpen = rig.slack.await("views.open", 1, c -> c.jsonField("view").toString().contains("Edit " + mine.shortId())).get(0);
        JsonNode editModal = editOpen.jsonField("view");
        assertTrue(editModal.path("blocks").get(0).path("element").path("multiline").asBoolean(), "a post's text has lines");
        rig.requests.interactivity(Payloads.submission(team, "UCAL", FormModal.CALLBACK, editModal.path("private_metadata").asText(),
                Map.of("text", Payloads.textValue("Cleo's launch note, corrected"))));
        openHomeAfter(3);
        assertEquals("Cleo's launch note, corrected", rig.posts.find(ws, mine.id()).orElseThrow().text());

        // Open shows the post on top of the refreshed home
        rig.requests.interactivity(Payloads.homeButton(team, "UCAL", "show:" + mine.shortId()));
        assertTrue(openHomeAfter(4).toString().contains("Cleo's launch note, corrected"));

        // A forged press on someone else's post is refused by the command layer, as /ail cancel would be
        rig.requests.interactivity(Payloads.homeButton(team, "UCAL", "cancel:" + otto.shortId()));
        JsonNode refused = openHomeAfter(5);
        assertTrue(refused.toString().contains("or a workspace admin can cancel"), refused.toString());
        assertEquals(PostStatus.SCHEDULED, rig.posts.find(ws, otto.id()).orElseThrow().status());

        // Cancel, confirmed in Slack's dialog, cancels
        rig.requests.interactivity(Payloads.homeButton(team, "UCAL", "cancel:" + mine.shortId()));
        assertTrue(openHomeAfter(6).toString().contains("Cancelled post " + mine.shortId()));
        assertEquals(PostStatus.CANCELLED, rig.posts.find(ws, mine.id()).orElseThrow().status());
    }

    @Test
    void aFullFortnightStaysWithinAViewsHundredBlocksAndSaysHowManyMoreThereAre() throws Exception {
        String team = "TFULL";
        rig.user("UFULL", "Fritz", "UTC", false);
        Account hook = rig.webhookAccount(team, "UFULL", "full.example/hook");
        UUID ws = rig.workspaces.ensure(FrontEnd.SLACK, team, null);
        UUID author = rig.workspaces.ensureUser(ws, "UFULL", "Fritz").id();
        Instant first = rig.clock.instant().plus(Duration.ofHours(1));
        for (int i = 0; i < 45; i++) {
            rig.posts.create(ws, author, "Post number " + i, List.of(), first.plus(Duration.ofMinutes(i)), null,
                    List.of(hook));
        }
        rig.requests.event(Payloads.event(team, "EvFull1", Payloads.appHomeOpened("UFULL")), null);
        JsonNode home = rig.slack.await("views.publish", 1, c -> "UFULL".equals(c.form().get("user_id"))).get(0).jsonField("view");
        assertTrue(home.path("blocks").size() <= 100, "blocks: " + home.path("blocks").size());
        assertTrue(home.toString().matches(".*and \\d+ more: `/ail list`.*"), home.toString());
    }

    @Test
    void aHomeWithApprovalsDraftsAndAFullCalendarKeepsEachSectionWithinAHundredBlocksAndNoUpcomingDuplicate() throws Exception {
        String team = "TBUSY";
        rig.user("UBUSY", "Bea", "UTC", false);
        rig.user("UWRITE", "Will", "UTC", false);
        Account hook = rig.webhookAccount(team, "UBUSY", "busy.example/hook");
        com.ailsocialautomation.command.Invocation bea = new com.ailsocialautomation.command.Invocation(FrontEnd.SLACK, team,
                "UBUSY", "Bea", false, java.time.ZoneOffset.UTC, null);
        com.ailsocialautomation.command.Invocation will = new com.ailsocialautomation.command.Invocation(FrontEnd.SLACK, team,
                "UWRITE", "Will", false, java.time.ZoneOffset.UTC, null);
        String set = rig.commands.run(bea, "account " + hook.shortId() + " posting:approval approvers:<@UBUSY>").toPlainText();
        assertTrue(set.contains("posting:approval"), set);
        for (int i = 0; i < 12; i++) {
            rig.commands.run(will, "schedule in:" + (5 + i) + "h to:" + hook.shortId() + " Waiting number " + i);
            rig.commands.run(bea, "draft to:" + hook.shortId() + " Draft number " + i);
            rig.commands.run(bea, "schedule in:" + (2 + i) + "h to:" + hook.shortId() + " Mine number " + i);
        }
        String queued = rig.commands.run(bea, "queue " + hook.shortId() + " add daily 09:30").toPlainText();
        String taken = rig.commands.run(bea, "post queue:yes to:" + hook.shortId() + " Into the queue").toPlainText();
        String takenId = taken.replaceAll("(?s).*?\\b(p[a-z2-9]{4})\\b.*", "$1");
        rig.requests.event(Payloads.event(team, "EvBusy1", Payloads.appHomeOpened("UBUSY")), null);
        JsonNode home = rig.slack.await("views.publish", 1, c -> "UBUSY".equals(c.form().get("user_id"))).get(0).jsonField("view");
        String all = home.toString();
        assertTrue(home.path("blocks").size() <= 100, "blocks: " + home.path("blocks").size());
        for (String title : List.of("Waiting for your approval", "This week and next", "Your drafts", "Your recent posts",
                "Connected accounts")) {
            assertTrue(all.contains(title), title + " in " + all);
        }
        assertFalse(all.contains("Your upcoming posts"), "the calendar shows what is to go out, once");
        assertTrue(all.contains("Mine number 0") && all.contains("Draft number 11") && all.contains("Waiting number 0"), "blocks: " + home.path("blocks").size());
        assertFalse(all.contains("Cut to fit"), all);
        // each section's "more" names the command that lists all of its kind
        assertTrue(all.contains("more: `/ail list drafts` shows them") && all.contains("more: `/ail list waiting` shows them"), all);
        // the account's queue in one line: its next times, free or taken by the post queued into it
        assertTrue(all.matches("(?s).*Queue [^\"]*: \\w{3} 09:30 \\(taken by " + takenId + "\\), \\w{3} 09:30 \\(free\\).*"),
                queued + " / " + taken + " / " + all);
    }

    private static JsonNode openHome(String team, String user, int nth) throws Exception {
        rig.requests.event(Payloads.event(team, "EvCal" + nth, Payloads.appHomeOpened(user)), null);
        return openHomeAfter(nth);
    }

    private static JsonNode openHomeAfter(int nth) {
        return rig.slack.await("views.publish", nth, c -> "UCAL".equals(c.form().get("user_id"))).get(nth - 1).jsonField("view");
    }

    /** The buttons in the actions block right after the section that names {@code shortId}. */
    private static JsonNode buttonsOf(JsonNode view, String shortId) {
        JsonNode blocks = view.path("blocks");
        for (int i = 0; i < blocks.size() - 1; i++) {
            if (blocks.get(i).path("type").asText().equals("section") && blocks.get(i).toString().contains("*" + shortId + "*")
                    && blocks.get(i + 1).path("type").asText().equals("actions")) {
                return blocks.get(i + 1).path("elements");
            }
        }
        throw new AssertionError("no buttons for " + shortId + " in " + view);
    }

    private static List<String> labels(JsonNode buttons) {
        List<String> labels = new ArrayList<>();
        buttons.forEach(b -> labels.add(b.path("text").path("text").asText()));
        return labels;
    }

    /** A button with its own value pressed on App Home, as Slack sends it. */
    private static String press(String team, String user, String actionId, String value) {
        ObjectNode p = Payloads.base("block_actions", team, user);
        p.putObject("container").put("type", "view").put("view_id", "V0HOME");
        p.putObject("view").put("id", "V0HOME").put("type", "home").put("team_id", team);
        ObjectNode a = p.putArray("actions").addObject();
        a.put("action_id", actionId).put("block_id", "b1").put("type", "button").put("value", value).put("action_ts", "1700000001.1");
        a.putObject("text").put("type", "plain_text").put("text", "Press");
        assertFalse(Json.MAPPER.valueToTree(p).isEmpty());
        return p.toString();
    }
}
