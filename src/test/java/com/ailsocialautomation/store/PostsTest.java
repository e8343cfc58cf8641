package com.ailsocialautomation.store;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What `list`, `edit` and `reschedule` show and change, seen through the store the commands use. */
class PostsTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static Sql sql;
    static Posts posts;
    static UUID ws;
    static UUID ana;
    static Account hook;
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeAll
    static void workspace() {
        sql = new Sql(pg.dataSource());
        posts = new Posts(sql, pg.vault());
        Workspaces workspaces = new Workspaces(sql);
        ws = workspaces.ensure(FrontEnd.SLACK, "T-POSTS", "Posts Inc");
        ana = workspaces.ensureUser(ws, "U-ANA", "Ana").id();
        hook = new Accounts(sql, pg.vault()).connect(ws, ana,
                new NewAccount(PlatformId.WEBHOOK, "hook-1", "hook.test/hook", "hook", null, null, null, null),
                new StoredTokens(Secret.of("whsec_posts"), null, null, null, Secret.of("https://hook.test/hook")));
    }

    private static Post post(String text, Instant when) {
        return posts.create(ws, ana, text, List.of(), when, null, List.of(hook));
    }

    @Test
    void upcomingListsTheSoonestFirstAndRecentTheNewestFirst() {
        UUID other = UUID.randomUUID();
        Post later = post("in two days", NOW.plus(2, ChronoUnit.DAYS));
        Post soon = post("in an hour", NOW.plus(1, ChronoUnit.HOURS));
        Post tomorrow = post("tomorrow", NOW.plus(1, ChronoUnit.DAYS));
        List<UUID> mine = List.of(soon.id(), tomorrow.id(), later.id());

        List<UUID> upcoming = posts.list(ws, PostFilter.UPCOMING, ana, 100).stream().map(Post::id).filter(mine::contains).toList();
        assertEquals(List.of(soon.id(), tomorrow.id(), later.id()), upcoming);
        List<UUID> recent = posts.list(ws, PostFilter.RECENT, ana, 100).stream().map(Post::id).filter(mine::contains).toList();
        assertEquals(List.of(later.id(), tomorrow.id(), soon.id()), recent);
        assertEquals(List.of(), posts.list(ws, PostFilter.MINE, other, 100), "nobody else's posts are theirs");
    }

    @Test
    void aPostIsEditedOnlyWhileEveryTargetIsStillScheduled() {
        Post scheduled = post("first words", NOW.plus(3, ChronoUnit.HOURS));
        assertTrue(posts.edit(ws, scheduled.id(), "second words", null, (tx, id) -> {}));
        assertEquals("second words", posts.find(ws, scheduled.id()).orElseThrow().text());

        Post started = post("already going out", NOW.plus(3, ChronoUnit.HOURS));
        sql.update("update post_targets set state = 'published' where post_id = ?", started.id());
        List<UUID> attached = new java.util.ArrayList<>();
        assertFalse(posts.edit(ws, started.id(), "too late", 1, (tx, id) -> attached.add(id)), "an edit of a published post was accepted");
        assertEquals("already going out", posts.find(ws, started.id()).orElseThrow().text());
        assertEquals(List.of(), attached, "media was attached to a post that was not edited");
    }

    @Test
    void reschedulingMovesThePostAndItsTargetsButNotAPostWithNothingLeftToSend() {
        Post post = post("moving", NOW.plus(1, ChronoUnit.HOURS));
        Instant later = NOW.plus(5, ChronoUnit.HOURS);
        assertEquals(1, posts.reschedule(ws, post.id(), later));
        Post moved = posts.find(ws, post.id()).orElseThrow();
        assertEquals(later, moved.scheduledAt());
        assertEquals(later, moved.targets().get(0).dueAt());

        Post done = post("done", NOW.plus(1, ChronoUnit.HOURS));
        sql.update("update post_targets set state = 'published' where post_id = ?", done.id());
        assertEquals(0, posts.reschedule(ws, done.id(), later));
        assertEquals(NOW.plus(1, ChronoUnit.HOURS), posts.find(ws, done.id()).orElseThrow().scheduledAt(),
                "a post with nothing left to send shows the time it was sent for");
    }

    @Test
    void aValueWrittenUnderAKeyAnotherInstanceAddedStillOpensHere() {
        byte[] master = Base64.getDecoder().decode(PostgresExtension.MASTER_KEY_BASE64);
        Vault here = Vault.open(pg.dataSource(), master);
        Vault there = Vault.open(pg.dataSource(), master);
        there.addPrimaryKey(); // rotate-key run by the other instance
        Vault.Place place = new Vault.Place("post_targets", "error_enc", UUID.randomUUID(), ws);
        byte[] sealed = there.encrypt("written after the rotation", place);
        assertFalse(here.isUnderPrimary(sealed), "this instance has not seen the new key yet");
        assertEquals("written after the rotation", here.decrypt(sealed, place));
    }

    @Test
    void aPostIsAllScheduledUntilOneOfItsTargetsStarts() {
        Post post = post("not yet", NOW.plus(2, ChronoUnit.HOURS));
        assertTrue(posts.find(ws, post.id()).orElseThrow().allScheduled());
        sql.update("update post_targets set state = 'publishing' where post_id = ?", post.id());
        assertFalse(posts.find(ws, post.id()).orElseThrow().allScheduled());
    }

    @Test
    void aDraftIsDeletedOnceAndAPostThatIsNotADraftIsNot() {
        Drafts drafts = new Drafts(sql);
        Post draft = posts.create(ws, ana, "an idea", com.ailsocialautomation.message.PostOptions.NONE, List.of(), null,
                NOW, null, List.of(hook), (tx, id) -> {}, TargetState.DRAFT);
        Post scheduled = post("going out", NOW.plus(2, ChronoUnit.HOURS));
        assertFalse(drafts.delete(ws, scheduled.id()), "a scheduled post was deleted as a draft");
        assertTrue(posts.find(ws, scheduled.id()).isPresent());
        assertTrue(drafts.delete(ws, draft.id()));
        assertTrue(posts.find(ws, draft.id()).isEmpty());
        assertFalse(drafts.delete(ws, draft.id()), "a draft was deleted twice");
    }
}
