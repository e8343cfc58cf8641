package com.ailsocialautomation.command;

import com.ailsocialautomation.schedule.Times;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.Posts;
import com.ailsocialautomation.store.QueueSlot;
import com.ailsocialautomation.store.QueueSlots;
import com.ailsocialautomation.store.TargetState;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A workspace's posts by day in the caller's zone, with its accounts' queue times (free, or the post that took them),
 * for calendars (Slack's App Home, the web calendar). Each entry
 * says what the caller may do with it, with the rights the commands themselves check: open any post; edit,
 * reschedule or cancel one that is still scheduled if they wrote it or are an admin. The buttons and forms that
 * act run those commands, so a calendar never decides on its own.
 */
public final class Calendar {
    /** At most this many posts in one span; the rest is counted in {@link Span#more()}. */
    public static final int MAX_POSTS = 300;

    /** What a calendar may offer for one post; each runs the subcommand of the same name. */
    public enum Act {
        SHOW(Subcommand.SHOW), EDIT(Subcommand.EDIT), RESCHEDULE(Subcommand.RESCHEDULE), CANCEL(Subcommand.CANCEL);

        public final Subcommand subcommand;

        Act(Subcommand subcommand) {
            this.subcommand = subcommand;
        }
    }

    /** One account a post goes to, and the word for where it stands there ("scheduled", "published", ...). */
    public record Target(String platform, String account, String state) {}

    /**
     * One post: its short id, when it is due (and that time in the caller's zone), its author, the word for its
     * status and its targets.
     */
    public record Entry(String shortId, Instant at, LocalDateTime local, String author, String status,
                        List<Target> targets, String snippet, Set<Act> acts) {}

    /** A queue time of an account on that day, at its time in the caller's zone; {@code takenBy}: the post due then, or null. */
    public record Slot(LocalDateTime local, String account, String takenBy) {}

    /** A day's posts, soonest first, and the queue times that fall on it. */
    public record Day(LocalDate date, List<Entry> entries, List<Slot> slots) {}

    /** Consecutive days from the first; {@code more}: posts in the span left out after {@link #MAX_POSTS}. */
    public record Span(ZoneId zone, List<Day> days, int more) {}

    /** At most this many queue times in one span. */
    static final int MAX_SLOTS = 500;

    private final CommandService commands;
    private final Posts posts;
    private final QueueSlots queue;
    private final Accounts accounts;

    /** {@code queue} and {@code accounts} may be null: no queue times are shown. */
    public Calendar(CommandService commands, Posts posts, QueueSlots queue, Accounts accounts) {
        this.commands = commands;
        this.posts = posts;
        this.queue = queue;
        this.accounts = accounts;
    }

    /** The Monday of the week holding {@code day}. */
    public static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** {@code count} days from {@code first}, in the caller's zone. */
    public Span days(Invocation invocation, LocalDate first, int count) {
        return days(commands.caller(invocation), first, count, MAX_POSTS);
    }

    /** The same with at most {@code limit} posts (a Slack view holds fewer than a page). */
    public Span days(Invocation invocation, LocalDate first, int count, int limit) {
        return days(commands.caller(invocation), first, count, limit);
    }

    /** Today in the caller's zone. */
    public LocalDate today(Invocation invocation, java.time.Clock clock) {
        return LocalDate.now(clock.withZone(commands.caller(invocation).zone()));
    }

    private Span days(Caller caller, LocalDate first, int count, int limit) {
        ZoneId zone = caller.zone();
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = first.plusDays(count).atStartOfDay(zone).toInstant();
        List<Post> found = posts.between(caller.workspaceId(), from, to, Math.min(limit, MAX_POSTS) + 1);
        int more = Math.max(0, found.size() - limit);
        Map<LocalDate, List<Entry>> byDay = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            byDay.put(first.plusDays(i), new ArrayList<>());
        }
        found.stream().limit(limit).forEach(p -> {
            LocalDateTime local = LocalDateTime.ofInstant(p.scheduledAt(), zone);
            byDay.get(local.toLocalDate()).add(entry(p, local, caller));
        });
        Map<LocalDate, List<Slot>> slots = slots(caller, from, to);
        List<Day> days = byDay.entrySet().stream().map(e -> new Day(e.getKey(), List.copyOf(e.getValue()),
                slots.getOrDefault(e.getKey(), List.of()))).toList();
        return new Span(zone, days, more);
    }

    /** The workspace's queue times from {@code from} to {@code to}, by day in the caller's zone, with what took them. */
    private Map<LocalDate, List<Slot>> slots(Caller caller, Instant from, Instant to) {
        Map<LocalDate, List<Slot>> byDay = new java.util.HashMap<>();
        if (queue == null) {
            return byDay;
        }
        List<QueueSlot> all = queue.list(caller.workspaceId(), null);
        if (all.isEmpty()) {
            return byDay;
        }
        Map<UUID, Map<Instant, String>> taken = queue.occupants(caller.workspaceId(), from.minusSeconds(1), to);
        Map<UUID, String> labels = new java.util.HashMap<>();
        int count = 0;
        for (QueueSlot slot : all) {
            LocalDate day = LocalDate.ofInstant(from, slot.zone()).minusDays(1);
            for (; !day.isAfter(LocalDate.ofInstant(to, slot.zone())) && count < MAX_SLOTS; day = day.plusDays(1)) {
                Instant at = Times.resolve(LocalDateTime.of(day, slot.time()), slot.zone());
                if (day.getDayOfWeek() != slot.day() || at.isBefore(from) || !at.isBefore(to)) {
                    continue;
                }
                String label = labels.computeIfAbsent(slot.accountId(), id -> accounts.find(caller.workspaceId(), id)
                        .map(Account::label).orElse("an account"));
                LocalDateTime local = LocalDateTime.ofInstant(at, caller.zone());
                byDay.computeIfAbsent(local.toLocalDate(), d -> new ArrayList<>())
                        .add(new Slot(local, label, taken.getOrDefault(slot.accountId(), Map.of()).get(at)));
                count++;
            }
        }
        byDay.values().forEach(list -> list.sort(java.util.Comparator.comparing(Slot::local)));
        return byDay;
    }

    private static Entry entry(Post post, LocalDateTime local, Caller caller) {
        Set<Act> acts = EnumSet.of(Act.SHOW);
        if (caller.mayChange(post.authorUserId()) && post.any(TargetState.SCHEDULED)) {
            acts.add(Act.RESCHEDULE);
            acts.add(Act.CANCEL);
            if (post.allScheduled()) {
                acts.add(Act.EDIT);
            }
        }
        List<Target> targets = post.targets().stream()
                .map(t -> new Target(t.platform().toString(), t.accountLabel(), t.state().text())).toList();
        return new Entry(post.shortId(), post.scheduledAt(), local, post.authorName(), post.status().text(), targets,
                ListCommands.snippet(post.text()), Set.copyOf(acts));
    }
}
