package com.ailsocialautomation.engine;

import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.PublishPace;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.store.PublishTurns;
import com.ailsocialautomation.store.Target;
import com.ailsocialautomation.store.Targets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps each account within its platform's per-account limits ({@link Provider#accountPace()}, and
 * {@link Provider#mediaPace()} where uploads are limited apart), across instances:
 * a claimed target takes its requests' turns at its account's pace; when they are later than now it goes back to
 * scheduled until then, holding them (not failed, not an attempt), and `show` says why and when. A target that comes
 * back at the turn it holds goes without taking again. A platform without a pace costs nothing here.
 */
final class Pacing {
    /** A turn this close is taken at once: the scheduler's clock and ours differ slightly. */
    private static final Duration NEAR = Duration.ofMillis(500);

    private final PublishTurns turns;
    private final Targets targets;
    private final Clock clock;

    Pacing(PublishTurns turns, Targets targets, Clock clock) {
        this.turns = turns;
        this.targets = targets;
        this.clock = clock;
    }

    /**
     * When the claimed {@code target}'s turn comes, if later than now: it has been put back to wait for it. Empty: it
     * may go now. {@code found}: the target as read before its claim (which clears the turn it held). {@code uploads}:
     * how many media items the run uploads, each a turn of the account's media pace where the platform has one.
     */
    Optional<Instant> waitFor(Provider provider, Target found, PublishRequest whole, int uploads) {
        PublishPace posts = provider.accountPace();
        PublishPace media = uploads > 0 ? provider.mediaPace() : null;
        if ((posts == null && media == null) || found.accountId() == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (holds(found, posts != null ? posts : media, now)) {
            return Optional.empty();
        }
        Instant turn = now;
        String limit = null;
        if (posts != null) {
            int requests = Chain.texts(provider, whole).size() + (Chain.comment(provider, whole) == null ? 0 : 1);
            Instant postsTurn = turns.take(found.accountId(), PublishTurns.Kind.POSTS, requests, now, posts.burst(), posts.spacing());
            if (postsTurn.isAfter(turn)) {
                turn = postsTurn;
                limit = posts.describe();
            }
        }
        if (media != null) {
            Instant mediaTurn = turns.take(found.accountId(), PublishTurns.Kind.MEDIA, uploads, now, media.burst(), media.spacing());
            if (mediaTurn.isAfter(turn)) {
                turn = mediaTurn;
                limit = media.describe("media uploads");
            }
        }
        if (!turn.isAfter(now.plus(NEAR))) {
            return Optional.empty();
        }
        targets.awaitTurn(found.workspaceId(), found.id(), turn, "waiting for its turn: " + provider.platform().displayName()
                + " takes at most " + limit + " from one account");
        return Optional.of(turn);
    }

    /**
     * Whether the target comes back at the turn it holds, soon enough: half the pace's lateness for the run to start,
     * half for its requests to leave. A turn missed by more is taken anew (the old one stays spent).
     */
    private static boolean holds(Target found, PublishPace pace, Instant now) {
        return found.turnAt() != null && found.turnAt().equals(found.dueAt())
                && !now.isAfter(found.turnAt().plus(pace.lateness().dividedBy(2)));
    }
}
