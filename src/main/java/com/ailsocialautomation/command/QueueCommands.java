package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.schedule.Times;
import com.ailsocialautomation.schedule.Weekly;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.Posts;
import com.ailsocialautomation.store.QueueSlot;
import com.ailsocialautomation.store.QueueSlots;
import com.ailsocialautomation.store.Target;
import com.ailsocialautomation.store.TargetState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * queue: an account's weekly posting times. A time is read in the zone of the person who adds it and kept with
 * that zone, so a slot means the same moment whoever queues into it. Its account's owner or an admin changes it.
 */
public final class QueueCommands implements Handler, Action {
    /** The action of the preview's "Add to queue" button: {@code enqueue:<post>}. */
    public static final String ENQUEUE = "enqueue";

    /** How far ahead the queue overviews look. */
    static final Duration AHEAD = Duration.ofDays(7);
    private static final int MAX_LINES = 40;

    private final Queueing queueing;
    private final Accounts accounts;
    private final Posts posts;
    private final Clock clock;

    public QueueCommands(QueueSlots slots, Accounts accounts, Posts posts, Clock clock) {
        this.queueing = new Queueing(slots, clock);
        this.posts = posts;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public Set<Subcommand> serves() {
        return EnumSet.of(Subcommand.QUEUE);
    }

    @Override
    public Reply handle(Caller caller, ParsedCommand command) {
        String ref = command.arg(0);
        String action = command.arg(1);
        if (ref == null || ref.equalsIgnoreCase("list") && action == null) {
            return overview(caller);
        }
        Account account = AccountRefs.one(accounts, caller.workspaceId(), ref);
        if (action == null || action.equalsIgnoreCase("list")) {
            return slots(caller, account);
        }
        if (command.arg(2) == null || command.arg(3) == null) {
            throw Commands.get(command.name()).misuse("Say which days and time, e.g. /ail queue " + account.shortId()
                    + " " + action + " mon,wed,fri 09:30");
        }
        if (!caller.mayChange(account.ownerUserId())) {
            throw new UserError("Only " + (account.ownerName() == null ? "the person who connected it" : account.ownerName())
                    + " or a workspace admin can change the queue of " + account.label() + ".");
        }
        Weekly times = Weekly.of(command.arg(2), command.arg(3));
        String when = times.text() + " (" + caller.zone().getId() + ")";
        if (action.equalsIgnoreCase("add")) {
            int added = queueing.slots().add(caller.workspaceId(), account.id(), times.days(), times.time(), caller.zone());
            return slots(caller, account).withField("Changed", added == 0 ? "Already in the queue: " + when : "Added " + when);
        }
        int removed = queueing.slots().remove(caller.workspaceId(), account.id(), times.days(), times.time());
        if (removed == 0) {
            throw new UserError("The queue of " + account.label() + " has no " + times.text() + "; `/ail queue " + account.shortId()
                    + "` shows its times.");
        }
        // posts already queued into a removed time keep their time: they are ordinary scheduled posts now
        return slots(caller, account).withField("Changed", "Removed " + removed + " time" + (removed == 1 ? "" : "s")
                + "; posts already queued then keep their time");
    }

    private Reply slots(Caller caller, Account account) {
        List<QueueSlot> slots = queueing.slots().list(caller.workspaceId(), account.id());
        if (slots.isEmpty()) {
            return Reply.of("The queue of " + account.label() + " has no times yet. Add some: `/ail queue " + account.shortId()
                    + " add mon,wed,fri 09:30`.");
        }
        Map<String, EnumSet<java.time.DayOfWeek>> byTime = new LinkedHashMap<>();
        for (QueueSlot s : slots) {
            byTime.computeIfAbsent(s.time() + "|" + s.zone().getId(), k -> EnumSet.noneOf(java.time.DayOfWeek.class)).add(s.day());
        }
        String times = byTime.entrySet().stream().map(e -> {
            String[] key = e.getKey().split("\\|");
            return new Weekly(e.getValue(), LocalTime.parse(key[0])).text() + " (" + key[1] + ")";
        }).collect(Collectors.joining("\n"));
        Reply reply = Reply.of("*Queue* of " + account.label() + "\n" + times);
        return reply.withField("Next 7 days", String.join("\n", upcoming(caller, List.of(account), false)));
    }

    private Reply overview(Caller caller) {
        List<UUID> queued = queueing.slots().list(caller.workspaceId(), null).stream().map(QueueSlot::accountId).distinct().toList();
        if (queued.isEmpty()) {
            return Reply.of("No account has queue times yet. Add some: `/ail queue <account> add mon,wed,fri 09:30`, "
                    + "then `/ail post queue:yes <text>` takes the next free one.");
        }
        List<Account> queuedAccounts = accounts.list(caller.workspaceId()).stream().filter(a -> queued.contains(a.id())).toList();
        return Reply.of("*Queue* for the next 7 days (your time zone, " + caller.zone().getId() + ")\n"
                + String.join("\n", upcoming(caller, queuedAccounts, true)));
    }

    /** One line per slot: when, (whose,) and the post due then or "free". */
    private List<String> upcoming(Caller caller, List<Account> queued, boolean named) {
        Instant now = clock.instant();
        Instant until = now.plus(AHEAD);
        Map<UUID, Map<Instant, String>> taken = queueing.slots().occupants(caller.workspaceId(), now, until);
        record Line(Instant at, String text) {}
        List<Line> lines = new ArrayList<>();
        for (Account a : queued) {
            for (Instant at : Queueing.upcoming(queueing.slots().list(caller.workspaceId(), a.id()), now, until)) {
                String post = taken.getOrDefault(a.id(), Map.of()).get(at);
                lines.add(new Line(at, Times.format(at, caller.zone()) + (named ? " · " + a.label() : "") + " · "
                        + (post == null ? "free" : "post " + post)));
            }
        }
        List<String> shown = lines.stream().sorted(java.util.Comparator.comparing(Line::at)).map(Line::text).limit(MAX_LINES).toList();
        return shown.isEmpty() ? List.of("no queue times in the next 7 days") : shown;
    }

    /** "Add to queue" on a scheduled post: each account's target moves to that account's next free slot. */
    @Override
    public Reply perform(Caller caller, String shortId, Map<String, String> values) {
        Post post = PostRefs.changeable(posts, caller, shortId == null ? "" : shortId, "queue");
        UUID ws = caller.workspaceId();
        List<Account> targets = post.targets().stream().filter(t -> t.state() == TargetState.SCHEDULED && t.accountId() != null)
                .map(t -> accounts.find(ws, t.accountId()).orElse(null)).filter(java.util.Objects::nonNull).toList();
        if (targets.isEmpty()) {
            throw new UserError("Post " + post.shortId() + " is " + post.status().text() + "; only scheduled posts can be queued.");
        }
        queueing.requireSlots(ws, targets);
        List<Target> moved = posts.moveEach(ws, post.id(), queueing.due(ws),
                id -> targets.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow());
        if (moved.isEmpty()) {
            throw new UserError("Post " + post.shortId() + " has already started; only scheduled posts can be queued.");
        }
        return Reply.of("Post " + post.shortId() + " is queued:\n" + moved.stream()
                .map(t -> t.platform() + " " + t.accountLabel() + ": " + Times.format(t.dueAt(), caller.zone()))
                .collect(Collectors.joining("\n")));
    }
}
