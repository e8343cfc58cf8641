package com.ailsocialautomation.store;

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
    static StoreWorld world;
    static Account hook;
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeAll
    static void workspace() {
        world = new StoreWorld(pg, "T-POSTS", "Posts Inc");
        hook = world.hook("posts");
    }

    private static Post post(String text, Instant when) {
        return world.posts.create(world.ws, world.ana.id(), text, List.of(), when, null, List.of(hook));
    }

    @Test
    void upcomingListsTheSoonestFirstAndRecentTheNewestFirst() {
        UUID other = UUID.randomUUID();
        Post later = post("in two days", NOW.plus(2, ChronoUnit.DAYS));
        Post soon = post("in an hour", NOW.plus(1, ChronoUnit.HOURS));
        Post tomorrow = post("tomorrow", NOW.plus(1, ChronoUnit.DAYS));
        List<UUID> mine = List.of(soon.id(), tomorrow.id(), later.id());

        List<UUID> upcoming = world.posts.list(world.ws, PostFilter.UPCOMING, world.ana.id(), 100).stream().map(Post::id)
                .filter(mine::contains).toList();
        assertEquals(List.of(soon.id(), tomorrow.id(), later.id()), upcoming);
        List<UUID> recent = world.posts.list(world.ws, PostFilter.RECENT, world.ana.id(), 100).stream().map(Post::id)
                .filter(mine::contains).toList();
        assertEquals(List.of(later.id(), tomorrow.id(), soon.id()), recent);
        assertEquals(List.of(), world.posts.list(world.ws, PostFilter.MINE, other, 100), "nobody else's posts are theirs");
    }

    @Test
    void aPostIsEditedOnlyWhileEveryTargetIsStillScheduled() {
        Post scheduled = post("first words", NOW.plus(3, ChronoUnit.HOURS));
        assertTrue(world.posts.edit(world.ws, scheduled.id(), "second words", null, (tx, id) -> {}));
        assertEquals("second words", world.posts.find(world.ws, scheduled.id()).orElseThrow().text());

        Post started = post("already going out", NOW.plus(3, ChronoUnit.HOURS));
        world.sql.update("update post_targets set state = 'published' where post_id = ?", started.id());
        List<UUID> attached = new java.util.ArrayList<>();
        assertFalse(world.posts.edit(world.ws, started.id(), "too late", 1, (tx, id) -> attached.add(id)),
                "an edit of a published post was accepted");
        assertEquals("already going out", world.posts.find(world.ws, started.id()).orElseThrow().text());
        assertEquals(List.of(), attached, "media was attached to a post that was not edited");
    }

    @Test
    void reschedulingMovesThePostAndItsTargetsButNotAPostWithNothingLeftToSend() {
        Post post = post("moving", NOW.plus(1, ChronoUnit.HOURS));
        Instant later = NOW.plus(5, ChronoUnit.HOURS);
        assertEquals(1, world.posts.reschedule(world.ws, post.id(), later));
        Post moved = world.posts.find(world.ws, post.id()).orElseThrow();
        assertEquals(later, moved.scheduledAt());
        assertEquals(later, moved.targets().get(0).dueAt());

        Post done = post("done", NOW.plus(1, ChronoUnit.HOURS));
        world.sql.update("update post_targets set state = 'published' where post_id = ?", done.id());
        assertEquals(0, world.posts.reschedule(world.ws, done.id(), later));
        assertEquals(NOW.plus(1, ChronoUnit.HOURS), world.posts.find(world.ws, done.id()).orElseThrow().scheduledAt(),
                "a post with nothing left to send shows the time it was sent for");
    }

    @Test
    void aValueWrittenUnderAKeyAnotherInstanceAddedStillOpensHere() {
        byte[] master = Base64.getDecoder().decode(PostgresExtension.MASTER_KEY_BASE64);
        Vault here = Vault.open(pg.dataSource(), master);
        Vault there = Vault.open(pg.dataSource(), master);
        there.addPrimaryKey(); // rotate-key run by the other instance
        Vault.Place place = new Vault.Place("post_targets", "error_enc", UUID.randomUUID(), world.ws);
        byte[] sealed = there.encrypt("written after the rotation", place);
        assertFalse(here.isUnderPrimary(sealed), "this instance has not seen the new key yet");
        assertEquals("written after the rotation", here.decrypt(sealed, place));
    }

    @Test
    void aPostIsAllScheduledUntilOneOfItsTargetsStarts() {
        Post post = post("not yet", NOW.plus(2, ChronoUnit.HOURS));
        assertTrue(world.posts.find(world.ws, post.id()).orElseThrow().allScheduled());
        world.sql.update("update post_targets set state = 'publishing' where post_id = ?", post.id());
        assertFalse(world.posts.find(world.ws, post.id()).orElseThrow().allScheduled());
    }

    @Test
    void aDraftIsDeletedOnceAndAPostThatIsNotADraftIsNot() {
        Drafts drafts = new Drafts(world.sql);
        Post draft = world.posts.create(world.ws, world.ana.id(), "an idea", com.ailsocialautomation.message.PostOptions.NONE, List.of(), null,
                NOW, null, List.of(hook), (tx, id) -> {}, TargetState.DRAFT);
        Post scheduled = post("going out", NOW.plus(2, ChronoUnit.HOURS));
        assertFalse(drafts.delete(world.ws, scheduled.id()), "a scheduled post was deleted as a draft");
        assertTrue(world.posts.find(world.ws, scheduled.id()).isPresent());
        assertTrue(drafts.delete(world.ws, draft.id()));
        assertTrue(world.posts.find(world.ws, draft.id()).isEmpty());
        assertFalse(drafts.delete(world.ws, draft.id()), "a draft was deleted twice");
    }
}
