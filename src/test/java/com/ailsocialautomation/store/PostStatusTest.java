package com.ailsocialautomation.store;

import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.message.PostOptions;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one status `list` and `show` give a post going to several accounts whose targets are at different stages. */
class PostStatusTest {
    private static PostStatus of(TargetState... states) {
        List<Target> targets = Arrays.stream(states).map(s -> new Target(UUID.randomUUID(), null, null, UUID.randomUUID(),
                PlatformId.WEBHOOK, "hook", s, Instant.now(), 0, UUID.randomUUID(), null, null, null, null, null, null, null)).toList();
        return new Post(UUID.randomUUID(), UUID.randomUUID(), "pabcd", null, null, "text", List.of(), null, Instant.now(), null,
                Instant.now(), targets, PostOptions.NONE).status();
    }

    @Test
    void aPostShowsTheStageItsLeastFinishedTargetIsAtAndPartialWhenOnlySomeWentOut() {
        assertEquals(PostStatus.PUBLISHED, of(TargetState.PUBLISHED, TargetState.PUBLISHED));
        assertEquals(PostStatus.PENDING_APPROVAL, of(TargetState.SCHEDULED, TargetState.PENDING_APPROVAL));
        assertEquals(PostStatus.PUBLISHING, of(TargetState.SCHEDULED, TargetState.PUBLISHING));
        assertEquals(PostStatus.SCHEDULED, of(TargetState.PUBLISHED, TargetState.SCHEDULED));
        assertEquals(PostStatus.PARTIAL, of(TargetState.PUBLISHED, TargetState.FAILED));
        assertEquals(PostStatus.PARTIAL, of(TargetState.UNKNOWN, TargetState.PUBLISHED));
        assertEquals(PostStatus.UNKNOWN, of(TargetState.FAILED, TargetState.UNKNOWN));
        assertEquals(PostStatus.FAILED, of(TargetState.CANCELLED, TargetState.FAILED));
        assertEquals(PostStatus.CANCELLED, of(TargetState.CANCELLED, TargetState.DRAFT));
        assertEquals("pending approval", PostStatus.PENDING_APPROVAL.toString(), "the word people read");
    }
}
