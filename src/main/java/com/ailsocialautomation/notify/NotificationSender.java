package com.ailsocialautomation.notify;

import com.ailsocialautomation.message.FrontEnd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Drains the outbox: sends each message through its front end's notifier, and on a refusal (429 with
 * Retry-After, an outage) tries again later, so a burst of failures loses no message.
 */
public final class NotificationSender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);
    private static final int MAX_ATTEMPTS = 20;

    private final Outbox outbox;
    private final Map<FrontEnd, Notifier> notifiers = new EnumMap<>(FrontEnd.class);
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ail-notifications");
        t.setDaemon(true);
        return t;
    });

    /**
     * The console runs only now and then: what happens to its posts while it is off is kept for its next start
     * (until then asked for again every {@link #HELD}, so the retention purge still sees the row), not dropped.
     */
    private static final Set<FrontEnd> KEPT_WHILE_OFF = EnumSet.of(FrontEnd.CONSOLE);
    private static final Duration HELD = Duration.ofHours(1);

    public NotificationSender(Outbox outbox, Collection<Notifier> notifiers, Clock clock) {
        this.outbox = outbox;
        notifiers.forEach(n -> this.notifiers.put(n.frontEnd(), n));
        this.clock = clock;
    }

    public NotificationSender start(Duration every) {
        Instant now = clock.instant();
        for (FrontEnd kept : KEPT_WHILE_OFF) {
            if (notifiers.containsKey(kept)) {
                outbox.wake(kept, now); // what waited while it was off is shown now
            }
        }
        executor.scheduleWithFixedDelay(this::drainSafely, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void drainSafely() {
        try {
            drain();
        } catch (RuntimeException e) {
            log.warn("Sending notifications failed; will try again: {}", e.getMessage());
        }
    }

    /** Sends what is due now; returns how many were delivered. */
    public int drain() {
        int delivered = 0;
        Instant now = clock.instant();
        for (Outbox.Pending p : outbox.claimDue(now, now.plus(Duration.ofMinutes(2)), 50)) {
            Notifier notifier = notifiers.get(p.frontEnd());
            if (p.message() == null) {
                log.warn("A queued notification could not be read and was dropped");
                outbox.drop(p.id());
                continue;
            }
            if (notifier == null && KEPT_WHILE_OFF.contains(p.frontEnd())) {
                outbox.retryAt(p.id(), now.plus(HELD));
                continue;
            }
            if (notifier == null) {
                log.warn("A notification for {} was dropped: that front end is off", p.frontEnd());
                outbox.drop(p.id());
                continue;
            }
            try {
                if (p.direct()) {
                    notifier.direct(p.workspaceExternalId(), p.userExternalId(), p.message(), p.origin());
                }
                if (p.origin() != null) {
                    try {
                        notifier.updateOrigin(p.workspaceExternalId(), p.origin(), p.message());
                    } catch (RuntimeException e) {
                        log.info("The original reply could not be updated: {}", e.getMessage());
                    }
                }
                outbox.sent(p.id());
                delivered++;
            } catch (RuntimeException unexpected) {
                // a front end failed in a way it did not classify (a network error in its SDK): try again later,
                // within the same attempt limit, and go on with the rest of the batch
                DeliveryError e = unexpected instanceof DeliveryError d ? d
                        : new DeliveryError(unexpected.getClass().getSimpleName(), null, false);
                if (e.permanent() || p.attempts() >= MAX_ATTEMPTS) {
                    log.warn("A notification could not be delivered and was dropped: {}", e.getMessage());
                    outbox.drop(p.id());
                } else {
                    Instant retry = e.retryAt() != null ? e.retryAt() : now.plusSeconds(Math.min(300, 5L << Math.min(p.attempts(), 6)));
                    outbox.retryAt(p.id(), retry);
                }
            }
        }
        return delivered;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
