package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.schedule.Durations;
import com.ailsocialautomation.schedule.Weekly;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Posts;
import com.ailsocialautomation.store.QueueSlot;
import com.ailsocialautomation.store.QueueSlots;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Taking queue slots: each account's next free slot, from now up to a year ahead. A slot's instant is its weekday
 * and time on the clocks of its zone, so it keeps its local time across daylight saving (a time the clocks skip
 * moves forward by the gap, a time they repeat is the earlier one, as for every time AIL reads).
 */
final class Queueing {
    private final QueueSlots slots;
    private final Clock clock;

    Queueing(QueueSlots slots, Clock clock) {
        this.slots = slots;
        this.clock = clock;
    }

    QueueSlots slots() {
        return slots;
    }

    /** Refuses, naming them, accounts whose queue has no slots (before any media is copied). */
    void requireSlots(UUID workspaceId, List<Account> accounts) {
        for (Account a : accounts) {
            if (slots.list(workspaceId, a.id()).isEmpty()) {
                throw new UserError(a.label() + " has no queue times yet; add some with `/ail queue " + a.shortId()
                        + " add mon,wed,fri 09:30`, or give a time with /ail schedule.");
            }
        }
    }

    boolean anySlots(UUID workspaceId, List<Account> accounts) {
        return accounts.stream().anyMatch(a -> !slots.list(workspaceId, a.id()).isEmpty());
    }

    /** The earliest next free slot among these accounts as things stand (a preview; {@link #due} is what binds). */
    Instant earliestFree(UUID workspaceId, List<Account> accounts) {
        Instant now = clock.instant();
        return accounts.stream().map(a -> firstFree(slots.list(workspaceId, a.id()), slots.taken(workspaceId, a.id(), now), now))
                .filter(java.util.Objects::nonNull).min(Instant::compareTo).orElse(now);
    }

    /** Each account's target due at its next free slot, taken under the account's queue lock in the post's transaction. */
    Posts.Due due(UUID workspaceId) {
        Instant now = clock.instant();
        return (tx, account) -> {
            Instant at = QueueSlots.take(tx, workspaceId, account.id(), now, (list, taken) -> firstFree(list, taken, now));
            if (at == null) {
                throw new UserError(account.label() + " has no free queue time in the coming year; add times with `/ail queue "
                        + account.shortId() + " add ...`.");
            }
            return at;
        };
    }

    /** The slots' instants after {@code after} up to {@code until}, in order. */
    static List<Instant> upcoming(List<QueueSlot> slots, Instant after, Instant until) {
        return slots.stream().flatMap(s -> new Weekly(Set.of(s.day()), s.time()).between(after, until, s.zone()).stream())
                .distinct().sorted().toList();
    }

    static Instant firstFree(List<QueueSlot> slots, Set<Instant> taken, Instant now) {
        return upcoming(slots, now, now.plus(Durations.MAX)).stream().filter(t -> !taken.contains(t)).findFirst().orElse(null);
    }
}
