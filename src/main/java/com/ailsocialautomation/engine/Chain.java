package com.ailsocialautomation.engine;

import com.ailsocialautomation.message.PostOption;
import com.ailsocialautomation.message.ThreadParts;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.platform.Published;
import com.ailsocialautomation.platform.ReplyTo;
import com.ailsocialautomation.store.PartKind;
import com.ailsocialautomation.store.Target;
import com.ailsocialautomation.store.TargetParts;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Publishes a target that goes out in several requests: a thread's parts in order, each a reply to the one before,
 * then its first comment. Each piece is recorded the moment the platform confirms it ({@link TargetParts}) and a
 * recorded piece is never sent again, so a retry, a crash revival or another instance resumes at the next one. Media
 * go with the first part, and the first part is the target's post (its id and link). A part that fails stops the
 * rest: its error names the part and links what is live, and the engine's usual rules make the target failed,
 * retried or unknown. The comment goes once every part is live; when it alone cannot be posted, the post stays
 * published and the result says why ({@link Sent#commentTrouble}).
 */
final class Chain {
    /** What the publisher does for the chain: the media pipeline, and sending one request as a target's post request. */
    interface Steps {
        /** The media of {@code firstPart} on the platform, ready (the run may end while the platform processes them). */
        List<MediaRef> media(Credentials creds, PublishRequest firstPart);

        /** Marks the target sent, then calls; a lost answer on a platform without idempotency is {@link Publisher.AnswerLost}. */
        Published send(Supplier<Published> call);
    }

    /** The post as published (the first part's id and link), and why its first comment is missing, or null. */
    record Sent(Published post, String commentTrouble) {}

    /** A piece could not be recorded because its target moved on meanwhile (erased, say): nothing more is sent. */
    static final class Moved extends RuntimeException {
        Moved() {
            super(null, null, false, false);
        }
    }

    private static final Duration RECORD_PATIENCE = Duration.ofMinutes(2);

    private final TargetParts parts;
    private final Clock clock;
    private final int maxAttempts;

    Chain(TargetParts parts, Clock clock, int maxAttempts) {
        this.parts = parts;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    /** Whether {@code whole} goes out in pieces on this provider's platform: a thread there, or a first comment. */
    static boolean applies(Provider provider, PublishRequest whole) {
        return texts(provider, whole).size() > 1 || comment(provider, whole) != null;
    }

    /** The thread's parts where the platform threads; elsewhere the text is one piece, whatever lines it holds. */
    static List<String> texts(Provider provider, PublishRequest whole) {
        return provider.platform().rule().threads() ? ThreadParts.of(whole.text()) : Collections.singletonList(whole.text());
    }

    /** The first comment, where the post has one and the platform takes it. */
    static String comment(Provider provider, PublishRequest whole) {
        String comment = whole.options().comment();
        return comment != null && !comment.isBlank() && provider.platform().rule().options().uses(PostOption.COMMENT) ? comment : null;
    }

    /**
     * Publishes what is not live yet. {@code lastChance}: no refresh of the credentials will follow an AUTH_EXPIRED,
     * so a refused comment is given up rather than thrown for a refresh.
     */
    Sent publish(Provider provider, Credentials creds, Target target, PublishRequest whole, Steps steps, boolean lastChance) {
        List<String> texts = texts(provider, whole);
        List<Published> live = new ArrayList<>();
        boolean commented = false;
        for (TargetParts.Part p : parts.of(target.workspaceId(), target.id())) {
            if (p.kind() == PartKind.COMMENT) {
                commented = true;
            } else if (p.number() == live.size() + 1) {
                live.add(new Published(p.externalId(), p.url(), 200, null, p.cid()));
            }
        }
        for (int number = live.size() + 1; number <= texts.size(); number++) {
            boolean first = number == 1;
            ReplyTo answers = first ? null : new ReplyTo(live.get(0), live.get(live.size() - 1));
            PublishRequest part = whole.part(texts.get(number - 1), first, key(whole.idempotencyKey(), PartKind.PART, number), answers);
            if (first) {
                List<MediaRef> uploaded = steps.media(creds, part);
                part = new PublishRequest(part.postId(), part.text(), uploaded, part.items(), part.idempotencyKey(),
                        part.scheduledAt(), part.options(), null);
            }
            String which = texts.size() == 1 ? null : "part " + number + " of " + texts.size();
            PublishRequest request = part;
            Published out = steps.send(() -> {
                try {
                    return provider.publish(creds, request);
                } catch (PlatformError e) {
                    throw which == null ? e : e.withMessage(which + ": " + e.getMessage() + alive(live.size(), live.isEmpty() ? null : live.get(0).url()));
                }
            });
            record(target, PartKind.PART, number, out);
            live.add(out);
        }
        Published post = live.get(0);
        String comment = comment(provider, whole);
        if (comment == null || commented) {
            return new Sent(post, null);
        }
        if (post.externalId() == null) {
            return new Sent(post, provider.platform().displayName() + " named no id for the post, so its first comment could not be added");
        }
        PublishRequest request = whole.part(comment, false, key(whole.idempotencyKey(), PartKind.COMMENT, 1), null);
        ReplyTo on = new ReplyTo(post, live.get(live.size() - 1));
        try {
            Published out = steps.send(() -> provider.comment(creds, request, on));
            record(target, PartKind.COMMENT, 1, out);
            return new Sent(post, null);
        } catch (Publisher.AnswerLost e) {
            return new Sent(post, "its first comment may or may not have been posted (" + e.error.getMessage()
                    + "); check the post before adding it by hand");
        } catch (PlatformError e) {
            boolean again = switch (e.kind()) {
                case TRANSIENT, RATE_LIMITED -> e.isAllowanceUsedUp() || target.attempts() < maxAttempts;
                case AUTH_EXPIRED -> !lastChance;
                case PERMANENT -> false;
            };
            if (again) {
                throw e.withMessage("the first comment: " + e.getMessage() + " (the post is live"
                        + (post.url() == null ? "" : ": " + post.url()) + ")");
            }
            return new Sent(post, e.mayHaveArrived() ? "its first comment may or may not have been posted (" + e.getMessage()
                    + "); check the post before adding it by hand" : "its first comment was not posted: " + e.getMessage());
        }
    }

    /**
     * What a revival makes of a target whose run died with a request out, on a platform without idempotency: null
     * when it is not published in pieces or nothing of it is live yet (the engine's usual unknown); else either the
     * post, published, when only its first comment was in flight ({@link Sent#commentTrouble} says so), or, in
     * {@code inFlight}, which part was out and what is live, for the author's message.
     */
    Revival revive(Provider provider, Target target, PublishRequest whole) {
        if (!applies(provider, whole)) {
            return null;
        }
        List<TargetParts.Part> recorded = parts.of(target.workspaceId(), target.id()).stream()
                .filter(p -> p.kind() == PartKind.PART).toList();
        if (recorded.isEmpty()) {
            return null;
        }
        TargetParts.Part first = recorded.get(0);
        int count = texts(provider, whole).size();
        if (recorded.size() >= count) {
            return new Revival(new Sent(new Published(first.externalId(), first.url(), 200, null, first.cid()),
                    "its first comment may or may not have been posted (AIL stopped while it was in flight); check the post "
                            + "before adding it by hand"), null);
        }
        return new Revival(null, "part " + (recorded.size() + 1) + " of " + count + " was in flight"
                + alive(recorded.size(), first.url()));
    }

    /** Whether any piece of the target is live already (a thread's first parts, say). */
    boolean anyLive(Target target) {
        return !parts.of(target.workspaceId(), target.id()).isEmpty();
    }

    /** See {@link #revive}: exactly one of the two is set. */
    record Revival(Sent published, String inFlight) {}

    /** " (part 1 is live: <link>)", " (parts 1-2 are live, from <link>)", or "" when nothing is. */
    static String alive(int count, String firstUrl) {
        if (count == 0) {
            return "";
        }
        String link = firstUrl == null ? "" : (count == 1 ? ": " : ", from ") + firstUrl;
        return count == 1 ? " (part 1 is live" + link + ")" : " (parts 1-" + count + " are live" + link + ")";
    }

    /**
     * The key of one piece: the target's own for the first part (a post that is one part is keyed as it always was),
     * a name derived from it and the piece for the others, the same on every attempt.
     */
    static UUID key(UUID targetKey, PartKind kind, int number) {
        if (kind == PartKind.PART && number == 1) {
            return targetKey;
        }
        return UUID.nameUUIDFromBytes((targetKey + "/" + kind.text() + "/" + number).getBytes(StandardCharsets.UTF_8));
    }

    private void record(Target target, PartKind kind, int number, Published out) {
        boolean recorded = Persistently.write(() -> parts.record(target.workspaceId(), target.id(),
                new TargetParts.Part(kind, number, out.externalId(), out.url(), out.cid(), clock.instant())), RECORD_PATIENCE);
        if (!recorded) {
            throw new Moved();
        }
    }
}
