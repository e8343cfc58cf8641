package com.ailsocialautomation.engine;

import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.Target;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.QueuedMessages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the author is told, as the outbox keeps it for their chat: a success is a direct message only when they asked
 * for one (`/ail notify on`) or the post went out late, otherwise the reply their command got is updated; the link is
 * in it when the platform gave one; a failure shows the post's text, shortened to a line.
 */
class AnnouncerTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    EngineRig rig;
    EngineRig.Fixture f;
    Announcer announcer;

    @BeforeEach
    void setUp() {
        rig = new EngineRig(pg.dataSource(), pg.vault());
        f = rig.webhookFixture("http://127.0.0.1:9/hook", "whsec_YW5ub3VuY2U=");
        announcer = new Announcer(rig.outbox);
    }

    @AfterEach
    void tearDown() {
        rig.close();
    }

    private Post post(String text) {
        return rig.posts.create(f.workspaceId(), f.user().id(), text, List.of(), Instant.now(), "C1/1700000000.0001", List.of(f.account()));
    }

    private Target target(Post post) {
        return post.targets().get(0);
    }

    private List<String> direct() {
        return QueuedMessages.where(rig.sql, pg.vault(), "user_id = ? and direct", f.user().id());
    }

    private List<String> originUpdates() {
        return QueuedMessages.where(rig.sql, pg.vault(), "user_id = ? and not direct", f.user().id());
    }

    @Test
    void aSuccessTheAuthorDidNotAskToHearOfUpdatesTheirReplyWithTheLink() {
        Post post = post("quiet success");
        announcer.published(post, target(post), "https://hook.test/p/1", null, Duration.ofSeconds(2), false);
        assertEquals(List.of(), direct(), "no direct message for an on-time success nobody asked to hear of");
        List<String> updates = originUpdates();
        assertEquals(1, updates.size(), updates.toString());
        assertTrue(updates.get(0).contains("is published on webhook (hook.test/hook): https://hook.test/p/1"), updates.get(0));
        assertFalse(updates.get(0).contains("late"), updates.get(0));
    }

    @Test
    void anAuthorWhoAskedToHearOfSuccessesGetsADirectMessageWithTheLink() {
        Post post = post("loud success");
        announcer.published(post, target(post), "https://hook.test/p/2", null, Duration.ZERO, true);
        List<String> dms = direct();
        assertEquals(1, dms.size(), dms.toString());
        assertTrue(dms.get(0).contains("Post " + post.shortId() + " is published on webhook (hook.test/hook): https://hook.test/p/2"), dms.get(0));
        assertEquals(List.of(), originUpdates());
    }

    @Test
    void aPostThatWentOutLateIsADirectMessageSayingHowLateEvenUnasked() {
        Post post = post("late success");
        announcer.published(post, target(post), "https://hook.test/p/3", null, Duration.ofMinutes(7).plusSeconds(20), false);
        List<String> dms = direct();
        assertEquals(1, dms.size(), dms.toString());
        assertTrue(dms.get(0).contains("(7 min late: AIL was not running at the scheduled time): https://hook.test/p/3"), dms.get(0));
    }

    @Test
    void aSuccessWithoutALinkEndsItsSentenceAndAddsTheNote() {
        Post post = post("no link");
        announcer.published(post, target(post), null, "The receiver keeps no public page", Duration.ZERO, true);
        String dm = direct().get(0);
        assertTrue(dm.contains("is published on webhook (hook.test/hook). The receiver keeps no public page."), dm);
        assertFalse(dm.contains(": null"), dm);
    }

    @Test
    void aPostLiveWithoutItsCommentIsAlwaysADirectMessageWithTheLinkWhenThereIsOne() {
        Post post = post("comment trouble");
        announcer.publishedWithoutComment(post, target(post), "https://hook.test/p/4", "its first comment was not posted: refused");
        Post other = post("comment trouble, no link");
        announcer.publishedWithoutComment(other, target(other), null, "its first comment was not posted: refused.");
        List<String> dms = direct();
        assertEquals(2, dms.size(), dms.toString());
        assertTrue(dms.get(0).contains("is published on webhook (hook.test/hook): https://hook.test/p/4, but its first comment was not posted: refused."), dms.get(0));
        assertTrue(dms.get(1).contains("is published on webhook (hook.test/hook), but its first comment was not posted: refused."), dms.get(1));
        assertFalse(dms.get(1).contains(": null") || dms.get(1).contains(".."), dms.get(1));
    }

    @Test
    void aFailureShowsThePostsTextOnOneLineShortenedPastSixtyCharacters() {
        String sixty = "a".repeat(59) + "b";
        Post fits = post("  line one\n\n line   two  ");
        Post exact = post(sixty);
        Post longer = post(sixty + "c");
        announcer.failed(fits, target(fits), "refused");
        announcer.failed(exact, target(exact), "refused");
        announcer.failed(longer, target(longer), "refused");
        List<String> dms = direct();
        assertEquals(3, dms.size(), dms.toString());
        assertTrue(dms.get(0).contains("\"value\":\"line one line two\""), dms.get(0));
        assertTrue(dms.get(1).contains("\"value\":\"" + sixty + "\""), "sixty characters fit whole: " + dms.get(1));
        assertTrue(dms.get(2).contains("\"value\":\"" + "a".repeat(57) + "...\""), dms.get(2));
    }
}
