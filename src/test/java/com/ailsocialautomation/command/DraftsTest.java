package com.ailsocialautomation.command;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.media.MediaRig;
import com.ailsocialautomation.media.Pictures;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.privacy.Retention;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.PostStatus;
import com.ailsocialautomation.store.PublishQueue;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.RawTables;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drafts through the command layer with the engine running and a real webhook receiver: saved and checked like a
 * post but never published, listed, edited, then scheduled or posted (checked again) or deleted; their media copies
 * live as long as they do.
 */
class DraftsTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    MediaRig rig;
    Invocation bob;
    Invocation admin;

    @BeforeEach
    void start() throws IOException {
        rig = new MediaRig(pg);
        bob = new Invocation(rig.ana.frontEnd(), rig.ana.workspaceId(), "U-bob", "Bob", false, null, null);
        admin = new Invocation(rig.ana.frontEnd(), rig.ana.workspaceId(), "U-boss", "Boss", true, null, null);
        rig.connectWebhook(rig.ana);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private String draft(Invocation who, String name, String text) {
        String link = rig.serve("/" + name, Pictures.png(12, 12, false));
        String reply = rig.run(who, "draft to:webhook media:" + link + " alt:\"A " + name + "\" " + text);
        Matcher m = Pattern.compile("Saved draft (d[a-z2-9]{4})").matcher(reply);
        assertTrue(m.find(), reply);
        return m.group(1);
    }

    private Post post(String shortId) {
        return rig.units.store.posts.find(rig.workspace(rig.ana), shortId).orElseThrow();
    }

    private int items(String shortId) {
        UUID ws = rig.workspace(rig.ana);
        return rig.units.store.posts.find(ws, shortId).map(p -> rig.units.store.media.of(ws, p.id()).size()).orElse(0);
    }

    private int queued(Post post) {
        return post.targets().stream().mapToInt(t -> rig.units.store.sql.one("select count(*) from scheduled_tasks where task_name = ? and task_instance = ?",
                rs -> rs.getInt(1), PublishQueue.TASK_NAME, PublishQueue.instanceId(post.workspaceId(), t.id())).orElseThrow()).sum();
    }

    @Test
    void aDraftIsCheckedLikeAPostCopiesItsMediaAndIsNeverPublished() throws Exception {
        String reply = rig.run(rig.ana, "draft to:webhook media:" + rig.serve("/poster", Pictures.png(12, 12, false)) + " Doors open at 18:00");
        assertTrue(reply.contains("not scheduled; nothing is published") && reply.contains("Doors open at 18:00"), reply);
        assertTrue(reply.contains("/ail schedule d") && reply.contains("Post now"), "the next steps are offered: " + reply);
        String id = reply.replaceAll("(?s).*Saved draft (d[a-z2-9]{4}).*", "$1");
        assertEquals(1, items(id), "the media were copied at once");
        assertTrue(rig.run(rig.ana, "draft to:nowhere Hello").contains("nowhere"), "to: is checked as for post");
        assertTrue(rig.run(rig.ana, "draft to:webhook").startsWith("Missing the text"), "as is the text");

        // the engine runs past the draft's time: another post goes out, the draft does not
        rig.run(rig.ana, "post to:webhook Published meanwhile");
        assertTrue(eventually(Duration.ofSeconds(20), () -> rig.hook.accepted().size() == 1));
        assertEquals(0, PublishQueue.requeueOrphans(rig.units.store.sql), "no backstop puts a draft on the queue");
        Thread.sleep(1500);
        assertEquals(List.of("Published meanwhile"), rig.hook.accepted().stream().map(d -> d.body().path("text").asText()).toList());
        assertEquals(PostStatus.DRAFT, post(id).status());
        assertEquals(0, queued(post(id)), "a draft has no queued execution");
        assertTrue(rig.units.store.posts.between(rig.workspace(rig.ana), Instant.now().minusSeconds(3600), Instant.now().plusSeconds(3600), 50)
                .stream().noneMatch(p -> p.shortId().equals(id)), "a draft is not on the calendar: it is not due");
        assertTrue(rig.run(rig.ana, "reschedule " + id + " in:1h").contains("schedule " + id), "reschedule points to schedule");
    }

    @Test
    void aDraftScheduledToAnAccountThatNeedsApprovalWaitsForItsApproverWhoIsAsked() {
        String account = rig.units.store.accounts.list(rig.workspace(rig.ana)).get(0).shortId();
        String id = draft(rig.ana, "approve", "Needs a yes");
        String set = rig.run(admin, "account " + account + " posting:approval");
        assertTrue(set.contains("posting:approval"), set);
        String reply = rig.run(rig.ana, "schedule " + id + " in:1h");
        assertTrue(reply.contains("waits for approval"), "the approvers are asked: " + reply);
        assertEquals(PostStatus.PENDING_APPROVAL, post(id).status());
        assertEquals(0, queued(post(id)), "nothing is queued until it is approved");
    }

    @Test
    void aDraftForAnAccountDisconnectedSinceIsNotReleasedAndSaysWhy() {
        String account = rig.units.store.accounts.list(rig.workspace(rig.ana)).get(0).shortId();
        String id = draft(rig.ana, "orphan", "For an account that goes");
        rig.run(rig.ana, "disconnect " + account);
        String refused = rig.run(rig.ana, "post " + id);
        assertTrue(refused.contains("no longer connected"), refused);
        assertEquals(PostStatus.DRAFT, post(id).status());
    }

    @Test
    void listDraftsShowsTheCallersOwnAnAdminSeesEveryonesAndTheOtherListsLeaveThemOut() {
        rig.connectWebhook(bob);
        String anas = draft(rig.ana, "ana1", "Ana's idea");
        String bobs = draft(bob, "bob1", "Bob's idea");
        String mine = rig.run(rig.ana, "list drafts");
        assertTrue(mine.contains(anas) && mine.contains("Ana's idea") && !mine.contains(bobs), mine);
        String all = rig.run(admin, "list drafts");
        assertTrue(all.contains(anas) && all.contains(bobs) && all.contains("by Bob"), all);
        assertFalse(rig.run(rig.ana, "list recent").contains(anas), "recent lists posts, not drafts");
        assertTrue(rig.run(rig.ana, "show " + bobs).contains("only they or a workspace admin"), "a colleague's draft is theirs");
        assertTrue(rig.run(rig.ana, "show " + anas).contains("Draft " + anas));
        assertTrue(rig.run(bob, "cancel " + anas).contains("Only Ana or a workspace admin"));
    }

    @Test
    void editingADraftChangesItAndKeepsItADraft() {
        String id = draft(rig.ana, "edit", "First try");
        String reply = rig.run(rig.ana, "edit " + id + " Second try, better");
        assertTrue(reply.startsWith("Draft " + id) && reply.contains("now reads: Second try, better"), reply);
        assertEquals("Second try, better", post(id).text());
        assertEquals(PostStatus.DRAFT, post(id).status());
        assertEquals(0, queued(post(id)));
    }

    @Test
    void schedulingADraftChecksItAgainAndTheEnginePublishesItAtItsTimeWithItsMedia() throws Exception {
        String id = draft(rig.ana, "later", "Scheduled from a draft");
        Instant asked = Instant.now();
        String reply = rig.run(rig.ana, "schedule " + id + " in:3s");
        assertTrue(reply.startsWith("Post " + id) && reply.contains("Scheduled* for"), reply);
        assertEquals(PostStatus.SCHEDULED, post(id).status());
        assertEquals(0, rig.hook.accepted().size(), "not before its time");
        assertTrue(eventually(Duration.ofSeconds(20), () -> rig.hook.accepted().size() == 1));
        JsonNode sent = rig.hook.accepted().get(0).body();
        assertEquals("Scheduled from a draft", sent.path("text").asText());
        assertEquals("A later", sent.path("media_items").get(0).path("alt").asText(), "its media went with it");
        assertFalse(Instant.ofEpochMilli(rig.hook.accepted().get(0).receivedAtMillis()).isBefore(asked.plusSeconds(2)),
                "published at its time, not when it was scheduled");
        assertTrue(rig.run(rig.ana, "schedule " + id + " in:1h").contains("not a draft"), "a draft is released once");
    }

    @Test
    void postingADraftPublishesItNowAndTheButtonDoesTheSame() throws Exception {
        String typed = draft(rig.ana, "now", "Posted from a draft");
        assertTrue(rig.run(rig.ana, "schedule " + typed + " to:x in:1h").contains("takes no to:"), "a draft goes as saved");
        assertTrue(rig.run(rig.ana, "post " + typed).contains("Publishing now"));
        String pressed = draft(rig.ana, "button", "Posted by the button");
        Reply saved = rig.units.commandLayer.commands.run(rig.ana, "show " + pressed);
        String action = saved.buttons().stream().filter(b -> b.label().equals("Post now")).findFirst().orElseThrow().actionId();
        assertTrue(rig.units.commandLayer.commands.press(bob, action).text().contains("Only Ana or a workspace admin"),
                "the button is checked against who pressed it");
        assertTrue(rig.units.commandLayer.commands.press(rig.ana, action).text().contains("Publishing now"));
        assertTrue(eventually(Duration.ofSeconds(20), () -> rig.hook.accepted().size() == 2));
        assertEquals(List.of("Posted by the button", "Posted from a draft"), rig.hook.accepted().stream()
                .map(d -> d.body().path("text").asText()).sorted().toList());
    }

    @Test
    void theScheduleButtonAsksWhenInAFormAndItsSubmissionSchedulesTheDraft() {
        String id = draft(rig.ana, "form", "Scheduled through the form");
        Reply asked = rig.units.commandLayer.commands.press(rig.ana, PostCommands.SCHEDULE_DRAFT + ":" + id);
        assertEquals(PostCommands.SCHEDULE_DRAFT + ":" + id, asked.form().submitAction(), asked.toPlainText());
        assertEquals(PostStatus.DRAFT, post(id).status(), "asking changes nothing");
        assertTrue(rig.units.commandLayer.commands.submit(bob, asked.form().submitAction(), java.util.Map.of(PostCommands.WHEN, "tomorrow 09:00"))
                .text().contains("Only Ana or a workspace admin"));
        Reply done = rig.units.commandLayer.commands.submit(rig.ana, asked.form().submitAction(), java.util.Map.of(PostCommands.WHEN, "tomorrow 09:00"));
        assertTrue(done.text().contains("Scheduled* for"), done.toPlainText());
        assertEquals(PostStatus.SCHEDULED, post(id).status());
        assertEquals(1, queued(post(id)));
    }

    @Test
    void aOneWordPostThatOnlyLooksLikeADraftIdIsPublishedAsText() throws Exception {
        assertTrue(rig.run(rig.ana, "post to:webhook dance").contains("Publishing now"));
        assertTrue(eventually(Duration.ofSeconds(20), () -> rig.hook.accepted().size() == 1));
        assertEquals("dance", rig.hook.accepted().get(0).body().path("text").asText());
    }

    @Test
    void cancelDeletesADraftWithItsMedia() {
        String id = draft(rig.ana, "bin", "Never mind");
        assertEquals(1, rig.count("media_items"));
        assertEquals("Deleted draft " + id + " and its media.", rig.run(rig.ana, "cancel " + id));
        assertTrue(rig.units.store.posts.find(rig.workspace(rig.ana), id).isEmpty());
        assertEquals(0, rig.count("media_items"));
        assertEquals(0, rig.count("media_chunks"));
    }

    @Test
    void myDataListsDraftsAndForgetMeErasesThemWithTheirMedia() throws Exception {
        String id = draft(rig.ana, "ana-secret-plan-" + UUID.randomUUID(), "A secret plan");
        JsonNode export = Json.MAPPER.readTree(rig.units.commandLayer.commands.run(rig.ana, "my-data").file().content());
        JsonNode post = export.path("posts").get(0);
        assertEquals(id, post.path("id").asText());
        assertEquals("draft", post.path("status").asText(), post.toString());
        Reply preview = rig.units.commandLayer.commands.run(rig.ana, "forget-me");
        rig.units.commandLayer.commands.press(rig.ana, preview.buttons().get(0).actionId());
        assertEquals(0, rig.count("posts"));
        assertEquals(0, rig.count("media_items"));
        assertEquals(List.of(), RawTables.rowsContaining(pg.dataSource(), pg.vault(), "ana-secret-plan"));
    }

    @Test
    void retentionDeletesADraftNobodyChangedWithinThePeriodAndKeepsScheduledPosts() {
        String draft = draft(rig.ana, "old", "Forgotten draft");
        String scheduled = rig.run(rig.ana, "schedule in:3h to:webhook Still to go").replaceAll("(?s).*Post (p[a-z2-9]{4}).*", "$1");
        int days = 30;
        var inside = new Retention(rig.units.store.sql, days, Clock.offset(Clock.systemUTC(), Duration.ofDays(days).minusMinutes(5)),
                rig.units.store.media).purge();
        assertEquals(0, inside.get("drafts"));
        assertEquals(1, items(draft), "inside the period a draft keeps its media");
        var after = new Retention(rig.units.store.sql, days, Clock.offset(Clock.systemUTC(), Duration.ofDays(days).plusMinutes(5)),
                rig.units.store.media).purge();
        assertTrue(after.get("drafts") >= 1, after.toString());
        assertTrue(rig.units.store.posts.find(rig.workspace(rig.ana), draft).isEmpty());
        assertEquals(0, rig.count("media_items"));
        assertEquals(PostStatus.SCHEDULED, post(scheduled).status());
    }

    @Test
    void theDraftIdMayComeBeforeTheTimeAndAPostStartingWithADraftShapedWordStaysText() {
        ParsedCommand named = CommandParser.parse("schedule d7k2q at:\"tomorrow 09:00\"");
        assertEquals("d7k2q", named.text());
        assertEquals("tomorrow 09:00", named.option("at"));
        assertEquals("dance party tonight", CommandParser.parse("post dance party tonight").text());
        assertEquals("d7k2q in:2h", CommandParser.parse("post -- d7k2q in:2h").text());
    }
}
