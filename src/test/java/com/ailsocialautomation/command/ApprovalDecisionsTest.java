package com.ailsocialautomation.command;

import com.ailsocialautomation.media.MediaRig;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.store.PostStatus;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The approver's Request changes and Reject buttons, as the command layer answers them on any front end: only an
 * approver gets the form for a note (anyone else is refused at once, before typing one), each button offers its own
 * decision without a note, and a round already decided says by whom.
 */
class ApprovalDecisionsTest {
    static final String BOB = "100000000000000021";
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    MediaRig rig;
    Invocation cy;
    Invocation bob;
    Invocation dee;
    String post;

    @BeforeEach
    void start() throws IOException {
        rig = new MediaRig(pg);
        cy = new Invocation(rig.ana.frontEnd(), rig.ana.workspaceId(), "100000000000000023", "Cy", false, null, null);
        bob = new Invocation(rig.ana.frontEnd(), rig.ana.workspaceId(), BOB, "Bob", false, null, null);
        dee = new Invocation(rig.ana.frontEnd(), rig.ana.workspaceId(), "100000000000000024", "Dee", false, null, null);
        rig.run(bob, "help"); // Bob has used AIL, so the mention names a known member
        String account = rig.connectWebhook(rig.ana);
        String set = rig.run(rig.ana, "account " + account + " posting:approval approvers:<@" + BOB + ">");
        assertTrue(set.contains("posting:approval") && set.contains("Bob"), set);
        Matcher id = Pattern.compile("\\b(p[a-z2-9]{4})\\b").matcher(rig.run(cy, "schedule in:3h to:" + account + " Launch notes"));
        assertTrue(id.find());
        post = id.group(1);
        assertEquals(PostStatus.PENDING_APPROVAL, rig.units.store.posts.find(rig.workspace(cy), post).orElseThrow().status());
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private Reply press(Invocation who, String action) {
        return rig.units.commandLayer.commands.press(who, action);
    }

    @Test
    void someoneWhoIsNotAnApproverIsRefusedAtTheFirstPressNotAfterWritingANote() {
        for (String verb : List.of("reject", "changes")) {
            Reply refused = press(dee, "decide:" + verb + "." + post + ".1");
            assertTrue(refused.text().startsWith("Only Bob can decide post " + post), refused.text());
            assertEquals(null, refused.form(), "no form for a note that could never be sent");
        }
        assertEquals(PostStatus.PENDING_APPROVAL, rig.units.store.posts.find(rig.workspace(cy), post).orElseThrow().status());
    }

    @Test
    void rejectAndRequestChangesEachOfferTheirOwnNoteFormAndTheirOwnDecisionWithoutOne() {
        Reply reject = press(bob, "decide:reject." + post + ".1");
        assertEquals("Reject post " + post + " by Cy: add a note for them in the form, or decide without one.", reject.text());
        assertEquals(List.of("Reject without a note"), reject.buttons().stream().map(Reply.Button::label).toList());
        assertEquals("decide:reject-now." + post + ".1", reject.buttons().get(0).actionId());
        assertEquals(Reply.Button.Style.DANGER, reject.buttons().get(0).style());
        assertEquals("Reject with a note", reject.form().title());
        assertEquals("decide:reject-now." + post + ".1", reject.form().submitAction());
        assertEquals("Why it is not going out", reject.form().inputs().get(0).placeholder());

        Reply changes = press(bob, "decide:changes." + post + ".1");
        assertEquals("Request changes to post " + post + " by Cy: add a note for them in the form, or decide without one.", changes.text());
        assertEquals(List.of("Request changes without a note"), changes.buttons().stream().map(Reply.Button::label).toList());
        assertEquals("decide:changes-now." + post + ".1", changes.buttons().get(0).actionId());
        assertEquals(Reply.Button.Style.DEFAULT, changes.buttons().get(0).style());
        assertEquals("Ask for changes", changes.form().title());
        assertEquals("Note for Cy", changes.form().inputs().get(0).label());
        assertEquals("What to change", changes.form().inputs().get(0).placeholder());

        String decided = press(bob, "decide:reject-now." + post + ".1").text();
        assertTrue(decided.contains(post), decided);
        assertEquals(PostStatus.CANCELLED, rig.units.store.posts.find(rig.workspace(cy), post).orElseThrow().status());
        Reply again = press(bob, "decide:changes." + post + ".1");
        assertTrue(again.text().startsWith("Post " + post + " was already decided: rejected by Bob"), again.text());
    }
}
