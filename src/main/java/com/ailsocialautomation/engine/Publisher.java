package com.ailsocialautomation.engine;

import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.message.Unexpected;
import com.ailsocialautomation.LogContext;
import com.ailsocialautomation.UserError;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.MediaItem;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.Providers;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.platform.Published;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.AttemptOutcome;
import com.ailsocialautomation.store.Attempts;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.Posts;
import com.ailsocialautomation.store.PublishTurns;
import com.ailsocialautomation.store.StoreError;
import com.ailsocialautomation.store.StoredTokens;
import com.ailsocialautomation.store.Target;
import com.ailsocialautomation.store.TargetParts;
import com.ailsocialautomation.store.TargetState;
import com.ailsocialautomation.store.Targets;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.Optional;
import java.util.UUID;

/**
 * Publishes one target. The target is recorded as publishing before any request leaves; a target found still
 * publishing when its execution is revived after a crash becomes unknown (the author is asked to check), unless
 * the platform honours the idempotency key, in which case it is retried with the same key, or its post request had
 * not left yet (it died uploading media), in which case it is simply tried again. A publish request whose answer is
 * lost is treated the same way: only failures before the request left are retried blindly.
 */
public final class Publisher {
    private static final Logger log = LoggerFactory.getLogger(Publisher.class);
    /** How long a result already known from the platform waits for the database to come back. */
    private static final Duration RESULT_WRITE_PATIENCE = Duration.ofMinutes(2);
    /** A rate limit that holds a post back longer than this is worth telling its author about. */
    private static final Duration LONG_DELAY = Duration.ofMinutes(15);
    /** How soon a target that waits for its platform's turn looks again (a publish takes about this long). */
    static final Duration TURN_WAIT = Duration.ofSeconds(1);

    private final Targets targets;
    private final Posts posts;
    private final Accounts accounts;
    private final Providers providers;
    private final CredentialKeeper credentials;
    private final MediaPipeline media;
    private final PostMedia postMedia;
    private final Announcer announcer;
    private final Clock clock;
    private final int maxAttempts;
    private final Backoff backoff;
    private final MeterRegistry metrics;
    /** Publishes in flight per platform, for providers with a cap (see Provider.maxInFlight). */
    private final Map<Provider, Semaphore> turns = new ConcurrentHashMap<>();
    /** Targets that go out in several requests: a thread's parts, a first comment. */
    private final Chain chain;
    /** Each account's pace at its platform, across instances. */
    private final Pacing pacing;

    public Publisher(Targets targets, Posts posts, Accounts accounts,
                     Providers providers, CredentialKeeper credentials, MediaPipeline media, PostMedia postMedia, Announcer announcer,
                     TargetParts parts, PublishTurns accountTurns, Clock clock, int maxAttempts, Backoff backoff, MeterRegistry metrics) {
        this.targets = targets;
        this.posts = posts;
        this.accounts = accounts;
        this.providers = providers;
        this.credentials = credentials;
        this.media = media;
        this.postMedia = postMedia;
        this.announcer = announcer;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.metrics = metrics;
        this.chain = new Chain(parts, clock, maxAttempts);
        this.pacing = new Pacing(accountTurns, targets, clock);
        for (Provider p : providers.all()) {
            if (p.maxInFlight() > 0) {
                turns.put(p, new Semaphore(p.maxInFlight()));
            }
        }
    }

    /**
     * Publishes one target with its workspace, target and post in the log context. The claim comes first, as one
     * statement that also returns the target: a due scheduled target, the common case, needs no read before it. Only a
     * target the claim did not take is read, to see why (due later, left publishing by a crash, finished).
     */
    public Outcome run(UUID workspaceId, UUID targetId) {
        try (LogContext context = LogContext.open().with(LogContext.WORKSPACE, workspaceId).with(LogContext.TARGET, targetId)) {
            Optional<Targets.Claimed> claimed = targets.claim(workspaceId, targetId);
            if (claimed.isPresent()) {
                return publishClaimed(claimed.get(), context);
            }
            Optional<Target> found = targets.find(workspaceId, targetId);
            return found.isEmpty() ? Outcome.DONE : proceed(found.get(), context);
        }
    }

    /**
     * A target just claimed (scheduled → publishing), with its post and account as the claim read them, after claiming:
     * an edit that landed before it is what goes out (a post's targets go with it, so a claimed target has its post).
     * A platform with as many publishes in flight as it takes, or an account whose turn has not come, sends it back to
     * scheduled.
     */
    private Outcome publishClaimed(Targets.Claimed claim, LogContext context) {
        Target claimed = claim.target();
        Optional<Posts.ToPublish> due = claim.due();
        Provider provider = providers.find(Platform.of(claimed.platform())).orElse(null);
        Semaphore turn = provider == null ? null : turns.get(provider);
        if (turn != null && !turn.tryAcquire()) {
            return waitTurn(claimed, provider);
        }
        try {
            metrics.timer("ail.dispatch.lag").record(Duration.between(claimed.dueAt(), clock.instant()).abs());
            if (due.isEmpty()) {
                return Outcome.DONE;
            }
            context.with(LogContext.POST, due.get().post().shortId());
            Optional<Instant> paced = provider == null ? Optional.empty()
                    : pacing.waitFor(provider, claimed, request(due.get().post(), claimed, List.of(), List.of()), due.get().post().mediaItems());
            if (paced.isPresent()) {
                metrics.counter("ail.publishes.paced", "platform", claimed.platform().id()).increment();
                return Outcome.retryAt(paced.get());
            }
            return attempt(due.get(), claimed, provider, claim.account().orElse(null));
        } finally {
            if (turn != null) {
                turn.release();
            }
        }
    }

    /**
     * What to do with a target in its current state. A scheduled target's post is read once, after the claim: an edit
     * that landed before it is what goes out (a post's targets go with it, so a claimed target has its post).
     */
    private Outcome proceed(Target target, LogContext context) {
        UUID workspaceId = target.workspaceId();
        UUID targetId = target.id();
        Provider provider = providers.find(Platform.of(target.platform())).orElse(null);
        switch (target.state()) {
            case SCHEDULED -> {
                // not claimed: due later (rescheduled after this execution was queued), or moved just now; the
                // execution comes back then
                Instant soon = clock.instant().plus(TURN_WAIT);
                return Outcome.retryAt(target.dueAt().isAfter(soon) ? target.dueAt() : soon);
            }
            case PUBLISHING -> {
                Optional<Posts.ToPublish> found = posts.toPublish(workspaceId, target.postId());
                if (found.isEmpty()) {
                    return Outcome.DONE;
                }
                Posts.ToPublish due = found.get();
                Post post = due.post();
                context.with(LogContext.POST, post.shortId());
                if (provider != null && target.sentAt() == null && target.attempts() < maxAttempts) {
                    // Our earlier execution died before its post request left (uploading media, say): nothing was
                    // posted, so this is another attempt, with what the platform already holds reused.
                    Optional<Target> resumed = targets.resume(workspaceId, targetId);
                    return resumed.map(t -> attempt(due, t, provider, account(t))).orElse(Outcome.DONE);
                }
                if (provider != null && provider.postsOnUpload() && media.holds(target)) {
                    // The platform has the post and was processing it (or we died while asking): ask again. Nothing
                    // is uploaded twice, since the pipeline reuses what the platform holds.
                    Optional<Target> resumed = targets.resume(workspaceId, targetId);
                    return resumed.map(t -> attempt(due, t, provider, account(t))).orElse(Outcome.DONE);
                }
                if (provider != null && target.sentAt() == null && !chain.anyLive(target)) {
                    // Every run died before its request left and the attempts are used up: nothing was sent, so the
                    // post failed (it is not of unknown outcome) and the author can retry it.
                    return gaveUp(post, target);
                }
                // Our earlier execution died mid-request: we cannot know whether the platform got it.
                // Platforms remember idempotency keys for a limited time (Mastodon: up to an hour), so a late
                // revival must not rely on the key any more.
                if (provider != null && provider.idempotent() && target.startedAt() != null
                        && (provider.idempotencyWindow() == null
                            || target.startedAt().isAfter(clock.instant().minus(provider.idempotencyWindow())))) {
                    Optional<Target> resumed = targets.resume(workspaceId, targetId);
                    return resumed.map(t -> attempt(due, t, provider, account(t))).orElse(Outcome.DONE);
                }
                Chain.Revival revival = provider == null ? null
                        : chain.revive(provider, target, request(post, target, List.of(), List.of()));
                if (revival != null && revival.published() != null) {
                    // every part is live; only the first comment's request was out
                    return recordPublished(post, target, clock.instant(), provider, revival.published(), due.authorNotified())
                            ? Outcome.PUBLISHED : Outcome.DONE;
                }
                String what = revival == null ? "the request was in flight" : revival.inFlight();
                if (targets.finish(workspaceId, targetId, TargetState.UNKNOWN,
                        "AIL stopped while publishing (" + what + "); check whether the post went out before retrying")) {
                    metrics.counter("ail.publishes", "platform", target.platform().id(), "outcome", "unknown").increment();
                    announcer.unknown(post, target, "AIL stopped while " + what);
                }
                return Outcome.DONE;
            }
            default -> {
                return Outcome.DONE; // cancelled, published, failed, unknown, draft: nothing to do
            }
        }
    }

    /** A target whose every run died before its request left: failed, without a request of this run to log. */
    private Outcome gaveUp(Post post, Target target) {
        media.forget(target); // a Retry starts afresh
        String reason = "AIL stopped " + target.attempts() + " times before the post's request left, so nothing was sent. "
                + "Use Retry to try again.";
        if (targets.finish(post.workspaceId(), target.id(), TargetState.FAILED, reason)) {
            metrics.counter("ail.publishes", "platform", target.platform().id(), "outcome", "failed").increment();
            announcer.failed(post, target, reason);
        }
        return Outcome.DONE;
    }

    /** The platform has its most publishes in flight: the target tries again shortly, and `show` says why it waits. */
    private Outcome waitTurn(Target target, Provider provider) {
        Instant next = clock.instant().plus(TURN_WAIT);
        metrics.counter("ail.publishes.waiting", "platform", target.platform().id()).increment();
        targets.waitTurn(target.workspaceId(), target.id(), next, "waiting for its turn: AIL sends at most "
                + provider.maxInFlight() + " posts at once to " + provider.platform().displayName());
        return Outcome.retryAt(next);
    }

    /** The target's account with its tokens, for a run that did not claim the target (null: disconnected). */
    private Accounts.WithTokens account(Target target) {
        return target.accountId() == null ? null : accounts.findWithTokens(target.workspaceId(), target.accountId()).orElse(null);
    }

    /** One attempt of a target in publishing; {@code held}: its account with its tokens, null when it was disconnected. */
    private Outcome attempt(Posts.ToPublish due, Target claimed, Provider provider, Accounts.WithTokens held) {
        Post post = due.post();
        Instant started = clock.instant();
        Timer.Sample sample = Timer.start();
        Account account = held == null ? null : held.account();
        // marked sent by the claim, but a token refresh (a remote call that posts nothing) comes first
        boolean refreshFirst = claimed.sentAt() != null && held != null && provider != null && credentials.due(held.tokens(), provider);
        if (refreshFirst) {
            targets.notSent(claimed.workspaceId(), claimed.id());
        }
        Target target = refreshFirst ? claimed.withoutSentAt() : claimed;
        try {
            if (provider == null) {
                return fail(post, target, started, null, "The platform " + target.platform() + " is not enabled on this server.");
            }
            if (account == null) {
                return fail(post, target, started, null, "The account was disconnected. Connect it again and use Retry.");
            }
            if (!account.active()) {
                return fail(post, target, started, null, "The account needs to be reconnected: run /ail connect " + account.platform() + ", then Retry.");
            }
            return recordPublished(post, target, started, provider, publishWithRefresh(post, target, provider, held), due.authorNotified())
                    ? Outcome.PUBLISHED : Outcome.DONE;
        } catch (Chain.Moved e) {
            return Outcome.DONE; // erased or moved on while a part was out: nothing more is sent or said
        } catch (MediaProcessing e) {
            // the platform is still processing the media: this run ends, and the scheduler brings the target back;
            // where the upload posted, the post has left: the target stays publishing, beyond edits and cancels
            Persistently.write(() -> provider.postsOnUpload() ? targets.stillPublishing(post.workspaceId(), target.id())
                    : targets.awaitMedia(post.workspaceId(), target.id(), e.checkAt), RESULT_WRITE_PATIENCE);
            log.info("{} is still processing the media; looking again at {}", target.platform(), e.checkAt);
            return Outcome.retryAt(e.checkAt);
        } catch (MediaPipeline.Held e) {
            return hold(post, target, started, e);
        } catch (MediaPipeline.ItemRefused e) {
            return fail(post, target, started, e.error().httpStatus(), Platform.of(target.platform()).displayName()
                    + " did not take " + e.fileName() + ": " + e.error().getMessage());
        } catch (AnswerLost e) {
            return unknown(post, target, started, e.error);
        } catch (PlatformError e) {
            if (e.isAllowanceUsedUp() && e.retryAt() != null) {
                // the platform's own posting allowance, said before anything was posted (Instagram's and Threads' posts a day)
                return hold(post, target, started, new MediaPipeline.Held(e.retryAt(), "held: " + e.getMessage()));
            }
            return platformFailure(post, target, account, started, e);
        } catch (UserError e) {
            return fail(post, target, started, null, e.getMessage());
        } catch (StoreError e) {
            throw e; // the database, not the platform: db-scheduler runs this again, and recovery decides
        } catch (RuntimeException e) {
            String id = Unexpected.log(log, "Publishing target " + target.id() + " failed unexpectedly", e);
            return fail(post, target, started, null, "AIL could not understand the platform's answer (error id " + id + ").");
        } finally {
            sample.stop(metrics.timer("ail.publish.duration", "platform", target.platform().id()));
        }
    }

    /**
     * The target is published (its first comment may be missing: the author is told so, always). Answers whether the
     * target was recorded published (not when its state had changed meanwhile).
     */
    private boolean recordPublished(Post post, Target target, Instant started, Provider provider, Chain.Sent sent, boolean notify) {
        Published published = sent.post();
        if (provider.uploadsMedia()) { // nothing is ever held for a platform that takes no uploads
            media.forget(target);
        }
        metrics.counter("ail.publishes", "platform", target.platform().id(), "outcome", "published").increment();
        Attempts.Line line = line(target, started, published.httpStatus(), AttemptOutcome.PUBLISHED, sent.commentTrouble());
        boolean recorded = Persistently.write(() -> targets.published(post.workspaceId(), target.id(),
                published.externalId(), published.url(), sent.commentTrouble(), line), RESULT_WRITE_PATIENCE);
        if (!recorded && erased(target)) {
            return false;
        }
        if (!recorded) {
            log.warn("Target {} was published but its state had changed meanwhile", target.id());
        }
        if (sent.commentTrouble() != null) {
            announcer.publishedWithoutComment(post, target, published.url(), sent.commentTrouble());
            return recorded;
        }
        announcer.published(post, target, published.url(), published.note(), Duration.between(target.dueAt(), started), notify);
        return recorded;
    }

    /**
     * Publishes; on a recognised auth error with a refresh token, refreshes once and tries again. The media upload
     * is inside the retry too: an access token can expire there first (Bluesky's uploadBlob). Media that did upload
     * are not uploaded again (the pipeline records them per target). Media still processing ends the run with
     * {@link MediaProcessing}.
     */
    private Chain.Sent publishWithRefresh(Post post, Target target, Provider provider, Accounts.WithTokens held) {
        Account account = held.account();
        Credentials creds = credentials.current(account, held.tokens(), provider);
        PostMedia.Loaded items = postMedia.load(post, target.id(), provider.uploadsMedia());
        PublishRequest whole = request(post, target, List.of(), items.items());
        if (Chain.applies(provider, whole)) {
            Chain.Steps steps = new Chain.Steps() {
                @Override
                public List<MediaRef> media(Credentials c, PublishRequest firstPart) {
                    return prepare(provider, c, target, items, firstPart);
                }

                @Override
                public Published send(java.util.function.Supplier<Published> call) {
                    return Publisher.this.send(provider, target, call);
                }
            };
            try {
                return chain.publish(provider, creds, target, whole, steps, creds.refreshToken() == null);
            } catch (PlatformError e) {
                if (e.kind() != PlatformError.Kind.AUTH_EXPIRED || creds.refreshToken() == null) {
                    throw e;
                }
                Credentials fresh = credentials.refresh(account, provider,
                        new StoredTokens(creds.accessToken(), creds.refreshToken(), creds.expiresAt(), null));
                return chain.publish(provider, fresh, target, whole, steps, true); // what is live is not sent again
            }
        }
        List<MediaRef> uploaded = null;
        try {
            uploaded = prepare(provider, creds, target, items, whole);
            return new Chain.Sent(send(provider, creds, target, request(post, target, uploaded, items.items())), null);
        } catch (PlatformError e) {
            if (e.kind() != PlatformError.Kind.AUTH_EXPIRED || creds.refreshToken() == null) {
                throw e;
            }
            Credentials fresh = credentials.refresh(account, provider,
                    new StoredTokens(creds.accessToken(), creds.refreshToken(), creds.expiresAt(), null));
            if (uploaded == null) {
                uploaded = prepare(provider, fresh, target, items, whole);
            }
            return new Chain.Sent(send(provider, fresh, target, request(post, target, uploaded, items.items())), null);
        }
    }

    /**
     * The target's media on the platform, processed. Where the upload is the post ({@link Provider#postsOnUpload()}),
     * the target is marked sent before it, and a lost answer there is treated as a lost post request.
     */
    private List<MediaRef> prepare(Provider provider, Credentials creds, Target target, PostMedia.Loaded items, PublishRequest post) {
        if (!provider.postsOnUpload()) {
            return ready(media.prepare(provider, creds, target, items.media(), items.keys(), post));
        }
        targets.sending(target.workspaceId(), target.id());
        try {
            return ready(media.prepare(provider, creds, target, items.media(), items.keys(), post));
        } catch (PlatformError e) {
            if (e.kind() == PlatformError.Kind.TRANSIENT && e.mayHaveArrived()) {
                throw new AnswerLost(e);
            }
            throw e;
        }
    }

    private static List<MediaRef> ready(MediaPipeline.Prepared prepared) {
        if (prepared instanceof MediaPipeline.Processing processing) {
            throw new MediaProcessing(processing.checkAt());
        }
        return ((MediaPipeline.Ready) prepared).media();
    }

    /** The platform is still processing the target's media; the target comes back at {@code checkAt}. */
    private static final class MediaProcessing extends RuntimeException {
        final Instant checkAt;

        MediaProcessing(Instant checkAt) {
            super(null, null, false, false);
            this.checkAt = checkAt;
        }
    }

    /**
     * One publish request. When it went out and its answer was lost (a read timeout, a dropped connection, a
     * 5xx), repeating it can post twice, unless the platform honours the idempotency key: then it is retried
     * like any passing failure. Media uploads are outside: an orphaned upload is harmless. The target is marked
     * sent before the request leaves, so a revival tells a run that died uploading from one that died posting.
     */
    private Published send(Provider provider, Credentials creds, Target target, PublishRequest request) {
        if (target.sentAt() != null) { // already recorded: by its claim (see Targets#claim), or before an earlier request of this run
            return call(provider, () -> provider.publish(creds, request));
        }
        return send(provider, target, () -> provider.publish(creds, request));
    }

    /** {@link #send(Provider, Credentials, Target, PublishRequest)} for any one request that may post (a part, a comment). */
    private Published send(Provider provider, Target target, java.util.function.Supplier<Published> call) {
        targets.sending(target.workspaceId(), target.id());
        return call(provider, call);
    }

    /** One request that may post, its answer lost on a platform without idempotency being {@link AnswerLost}. */
    private static Published call(Provider provider, java.util.function.Supplier<Published> call) {
        try {
            return call.get();
        } catch (PlatformError e) {
            if (e.kind() == PlatformError.Kind.TRANSIENT && e.mayHaveArrived() && !provider.idempotent()) {
                throw new AnswerLost(e);
            }
            throw e;
        }
    }

    /** An allowance of the platform's is used up: the target goes when it frees, and its author hears when. */
    private Outcome hold(Post post, Target target, Instant started, MediaPipeline.Held e) {
        boolean held = Persistently.write(() -> targets.hold(post.workspaceId(), target.id(), e.until(), e.getMessage(),
                line(target, started, null, AttemptOutcome.RATE_LIMITED, e.getMessage())), RESULT_WRITE_PATIENCE);
        if (!held && erased(target)) {
            return Outcome.DONE;
        }
        log.info("{}'s allowance is used up; the target waits until {}", target.platform(), e.until());
        if (held) {
            announcer.delayed(post, target, e.until(), e.getMessage() + ".");
        }
        return Outcome.retryAt(e.until());
    }

    /** The platform may have published: the author is asked to check rather than risk a second post. */
    private Outcome unknown(Post post, Target target, Instant started, PlatformError e) {
        media.forget(target);
        metrics.counter("ail.publishes", "platform", target.platform().id(), "outcome", "unknown").increment();
        String reason = target.platform() + " did not confirm the post (" + e.getMessage()
                + "); check whether it went out before retrying";
        Attempts.Line line = line(target, started, e.httpStatus(), AttemptOutcome.UNKNOWN, e.getMessage());
        boolean finished = Persistently.write(() -> targets.finish(post.workspaceId(), target.id(), TargetState.UNKNOWN, reason, line),
                RESULT_WRITE_PATIENCE);
        if (!finished && erased(target)) {
            return Outcome.DONE;
        }
        if (finished) {
            announcer.unknown(post, target, target.platform() + " did not answer after the request was sent ("
                    + e.getMessage() + ")");
        }
        return Outcome.DONE;
    }

    /** A request that may have posted got no answer, on a platform without idempotency (see {@link #send}). */
    static final class AnswerLost extends RuntimeException {
        final PlatformError error;

        AnswerLost(PlatformError error) {
            super(null, null, false, false);
            this.error = error;
        }
    }

    private static PublishRequest request(Post post, Target target, List<MediaRef> uploaded, List<MediaItem> items) {
        // the one place a target's text is chosen: its platform's own (text.x:) when the post has one
        return new PublishRequest(post.shortId(), post.options().textFor(target.platform(), post.text()), uploaded, items,
                target.idempotencyKey(), post.scheduledAt(), post.options());
    }

    private Outcome platformFailure(Post post, Target target, Account account, Instant started, PlatformError e) {
        switch (e.kind()) {
            case TRANSIENT, RATE_LIMITED -> {
                if (target.attempts() < maxAttempts) {
                    if (erased(target)) {
                        return Outcome.DONE;
                    }
                    Instant next = backoff.next(clock.instant(), target.attempts(), e.retryAt());
                    metrics.counter("ail.publish.retries", "platform", target.platform().id()).increment();
                    targets.retryLater(post.workspaceId(), target.id(), next, e.getMessage(), line(target, started, e.httpStatus(),
                            e.kind() == PlatformError.Kind.RATE_LIMITED ? AttemptOutcome.RATE_LIMITED : AttemptOutcome.TRANSIENT, e.getMessage()));
                    if (e.kind() == PlatformError.Kind.RATE_LIMITED
                            && next.isAfter(clock.instant().plus(LONG_DELAY))) {
                        announcer.delayed(post, target, next, e.getMessage());
                    }
                    return Outcome.retryAt(next);
                }
                String reason = e.kind() == PlatformError.Kind.RATE_LIMITED && e.retryAt() != null
                        ? "Rate limited by " + target.platform() + " until " + e.retryAt() + ": " + e.getMessage()
                        : e.getMessage();
                return fail(post, target, started, e.httpStatus(), "Gave up after " + target.attempts() + " attempts. " + reason);
            }
            case AUTH_EXPIRED -> {
                if (account != null && accounts.markNeedsReconnect(post.workspaceId(), account.id())) {
                    announcer.needsReconnect(account, e.getMessage());
                }
                return fail(post, target, started, e.httpStatus(), "The account's access was refused (" + e.getMessage()
                        + "). Reconnect it with /ail connect " + target.platform() + ", then Retry.");
            }
            default -> {
                return fail(post, target, started, e.httpStatus(), target.platform() + " refused the post: " + e.getMessage());
            }
        }
    }

    private Outcome fail(Post post, Target target, Instant started, Integer status, String reason) {
        media.forget(target); // a Retry starts afresh; nothing of the platform's is kept for a finished target
        metrics.counter("ail.publishes", "platform", target.platform().id(), "outcome", "failed").increment();
        Attempts.Line line = line(target, started, status, AttemptOutcome.FAILED, reason);
        boolean finished = Persistently.write(() -> targets.finish(post.workspaceId(), target.id(), TargetState.FAILED, reason, line),
                RESULT_WRITE_PATIENCE);
        if (!finished && erased(target)) {
            return Outcome.DONE;
        }
        if (finished) {
            announcer.failed(post, target, reason);
        }
        return Outcome.DONE;
    }

    /**
     * An erasure (forget-me, a workspace AIL leaves) took the target while its request was out: nothing about it is
     * recorded or announced, as its rows and its author may be gone.
     */
    private boolean erased(Target target) {
        return targets.find(target.workspaceId(), target.id()).isEmpty();
    }

    /** The attempt's line in the publishing log, written with the state it leads to. */
    private Attempts.Line line(Target target, Instant started, Integer status, AttemptOutcome outcome, String message) {
        int ms = (int) Math.min(Integer.MAX_VALUE, Duration.between(started, clock.instant()).toMillis());
        // One line per attempt, with the post, target and workspace in the log context; never the text or the
        // platform's words (they can quote the post).
        log.info("Attempt on {}: {}{} after {} ms", target.platform(), outcome, status == null || status == 0 ? "" : " (HTTP " + status + ")", ms);
        return new Attempts.Line(started, ms, status == null || status == 0 ? null : status, outcome, message);
    }
}
