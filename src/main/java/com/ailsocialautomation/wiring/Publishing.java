package com.ailsocialautomation.wiring;

import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.engine.Announcer;
import com.ailsocialautomation.engine.Backoff;
import com.ailsocialautomation.engine.CredentialKeeper;
import com.ailsocialautomation.engine.Engine;
import com.ailsocialautomation.engine.ExpiryReminders;
import com.ailsocialautomation.engine.GuardedMediaSource;
import com.ailsocialautomation.engine.MediaPipeline;
import com.ailsocialautomation.engine.PostMedia;
import com.ailsocialautomation.engine.Publisher;
import com.ailsocialautomation.engine.Revoker;
import com.ailsocialautomation.engine.TokenRenewal;
import com.ailsocialautomation.privacy.Retention;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Publishing and the work that rides on its scheduler: the publisher, credential refresh, revocations that must be
 * retried, the retention purge and expiry reminders. Nothing runs until {@link #start()}.
 */
public final class Publishing {
    /** Timings that tests shorten; production uses {@link #DEFAULT}. */
    public record Tuning(Backoff backoff, Duration mediaPollEvery, Duration mediaGiveUpAfter) {}

    /** Media processing is looked at every 5 s unless the platform says later, for at most 30 minutes (a long video). */
    public static final Tuning DEFAULT = new Tuning(Backoff.DEFAULT, Duration.ofSeconds(5), Duration.ofMinutes(30));

    /** How often series are looked at for a post whose predecessor's time has come. */
    static final Duration SERIES_EVERY = Duration.ofMinutes(1);

    public final CredentialKeeper keeper;
    public final Revoker revoker;
    public final Publisher publisher;
    private final Engine engine;
    private volatile Runnable seriesPosts = () -> {};
    private volatile Runnable lateApprovals = () -> {};

    public Publishing(Config config, Clock clock, Store store, Platforms platforms, MeterRegistry metrics, Tuning tuning) {
        keeper = new CredentialKeeper(store.accounts, platforms.apps, clock, metrics);
        revoker = new Revoker(platforms.providers, keeper, store.revocations, platforms.apps, clock);
        MediaPipeline media = new MediaPipeline(store.mediaUploads, store.uploadAllowances, platforms.mediaGrants, clock,
                tuning.mediaPollEvery(), tuning.mediaGiveUpAfter());
        PostMedia postMedia = new PostMedia(store.media, new GuardedMediaSource(platforms.http));
        publisher = new Publisher(store.targets, store.posts, store.accounts,
                platforms.providers, keeper, media, postMedia, new Announcer(store.outbox), store.targetParts, store.publishTurns, clock, config.engine().maxAttempts(),
                tuning.backoff(), metrics);
        Retention retention = new Retention(store.sql, config.retentionDays(), clock, store.media);
        engine = new Engine(store.sql, publisher, config.engine(), clock, metrics, List.of(
                new Engine.Job("retry-revocations", Duration.ofMinutes(5), revoker::retryPending),
                new Engine.Job("retention", Duration.ofDays(1), retention::purge),
                new Engine.Job("renew-tokens", Duration.ofHours(6), new TokenRenewal(store.accounts, platforms.providers, keeper,
                        new Announcer(store.outbox), clock)::renewDue),
                new Engine.Job("expiry-reminders", Duration.ofHours(6),
                        new ExpiryReminders(store.accounts, store.outbox, clock)::remind),
                new Engine.Job("series-posts", SERIES_EVERY, () -> seriesPosts.run()),
                new Engine.Job("late-approvals", SERIES_EVERY, () -> lateApprovals.run())));
    }

    /**
     * What makes series' next posts: the command layer's (it holds the one acceptance path), built after this unit,
     * hands it over before {@link #start()}.
     */
    public void makeSeriesPostsWith(Runnable work) {
        seriesPosts = work;
    }

    /** What tells approvers a waiting post is late: the command layer's, handed over before {@link #start()}. */
    public void remindLateApprovalsWith(Runnable work) {
        lateApprovals = work;
    }

    /** Starts the scheduler; the returned engine stops it. */
    public Engine start() {
        return engine.start();
    }
}
