package com.ailsocialautomation.engine;

import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.notify.Outbox;
import com.ailsocialautomation.platform.linkedin.ReconnectReminder;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;

import java.time.Clock;
import java.time.Instant;

/**
 * Tells owners, a week ahead, that a connection with no refresh token (LinkedIn's 60-day tokens) is about to stop
 * working. Each expiry is announced once: the outbox's event key includes it, so a reconnect (a new expiry) gets
 * its own reminder in time.
 */
public final class ExpiryReminders {
    private final Accounts accounts;
    private final Outbox outbox;
    private final Clock clock;

    public ExpiryReminders(Accounts accounts, Outbox outbox, Clock clock) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Queues the reminders that are due; returns how many were new. */
    public int remind() {
        Instant now = clock.instant();
        int queued = 0;
        for (Account account : accounts.expiringWithoutRefresh(now.plus(ReconnectReminder.AHEAD))) {
            String text = account.platform() == PlatformId.LINKEDIN
                    ? ReconnectReminder.message(account.handle(), account.tokenExpiresAt(), now)
                    : "Your " + account.platform() + " connection " + account.label() + " stops working on "
                        + account.tokenExpiresAt() + ". Run /ail connect " + account.platform() + " to renew it.";
            if (outbox.add(account.workspaceId(), account.ownerUserId(),
                    "expiring:" + account.id() + ":" + account.tokenExpiresAt().getEpochSecond(), Reply.of(text), null)) {
                queued++;
            }
        }
        return queued;
    }
}
