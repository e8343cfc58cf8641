package com.ailsocialautomation.command;

import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.PostFilter;
import com.ailsocialautomation.store.Posts;
import com.ailsocialautomation.store.TargetState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a front end about to stop still has going in its workspace (the console at end of input): posts that are
 * publishing or due within a grace, which it waits for, and later ones, which go out at the next start.
 */
public final class Outstanding {
    /** A post still to go out; {@code when} is its time in the caller's zone, as list shows it. */
    public record Pending(String shortId, String when) {}

    /** {@code soon}: publishing now or due within the grace; {@code later}: scheduled after it. */
    public record Split(List<Pending> soon, List<Pending> later) {
        public boolean nothingSoon() {
            return soon.isEmpty();
        }
    }

    private final CommandService commands;
    private final Posts posts;
    private final Clock clock;

    public Outstanding(CommandService commands, Posts posts, Clock clock) {
        this.commands = commands;
        this.posts = posts;
        this.clock = clock;
    }

    public Split of(Invocation invocation, Duration grace) {
        Caller caller = commands.caller(invocation);
        Instant until = clock.instant().plus(grace);
        List<Post> upcoming = posts.list(caller.workspaceId(), PostFilter.UPCOMING, null, 100);
        List<Pending> soon = upcoming.stream().filter(p -> soon(p, until)).map(p -> pending(p, caller)).toList();
        List<Pending> later = upcoming.stream().filter(p -> !soon(p, until)).map(p -> pending(p, caller)).toList();
        return new Split(soon, later);
    }

    private static boolean soon(Post post, Instant until) {
        return post.any(TargetState.PUBLISHING) || !post.scheduledAt().isAfter(until);
    }

    private static Pending pending(Post post, Caller caller) {
        return new Pending(post.shortId(), com.ailsocialautomation.schedule.Times.format(post.scheduledAt(), caller.zone()));
    }
}
