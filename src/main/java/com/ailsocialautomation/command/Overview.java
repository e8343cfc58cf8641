package com.ailsocialautomation.command;

import com.ailsocialautomation.message.Reply;

import com.ailsocialautomation.schedule.Times;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.PostFilter;
import com.ailsocialautomation.store.Posts;
import com.ailsocialautomation.store.QueueSlots;
import com.ailsocialautomation.store.TargetState;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A person's overview for a home screen (Slack's App Home): their upcoming and recent posts, each with the
 * Cancel or Retry button that applies, their drafts with Open, Post now, Schedule and Delete, and the workspace's
 * connected accounts. Sections hold at most
 * {@link #PER_SECTION} items; the rest is one `/ail list` away.
 */
public final class Overview {
    public static final int PER_SECTION = 10;

    /** A titled list of items; {@code more} says how many were left out, and {@code all} which command lists them all. */
    public record Section(String title, List<Reply> items, String empty, int more, String all) {}

    private final CommandService commands;
    private final Posts posts;
    private final Accounts accounts;
    private final QueueSlots queue;
    private final ApprovalView approval;

    public Overview(CommandService commands, Posts posts, Accounts accounts) {
        this(commands, posts, accounts, null, null);
    }

    /**
     * The same, with the accounts' queue times in the calendar ({@code queue}) and, first, the posts waiting for the
     * person's decision ({@code approval}); either may be null.
     */
    public Overview(CommandService commands, Posts posts, Accounts accounts, QueueSlots queue, ApprovalView approval) {
        this.approval = approval;
        this.commands = commands;
        this.posts = posts;
        this.accounts = accounts;
        this.queue = queue;
    }

    /** The workspace's posts by day, for a home screen's calendar. */
    public Calendar calendar() {
        return new Calendar(commands, posts, queue, accounts);
    }

    /**
     * The posts waiting for the person's decision, with their Approve / Request changes / Reject buttons and a late
     * mark: a home screen shows it first, before anything else. Empty when nothing waits for them.
     */
    public java.util.Optional<Section> waiting(Invocation invocation) {
        if (approval == null) {
            return java.util.Optional.empty();
        }
        Caller caller = commands.caller(invocation);
        List<Post> waiting = approval.waitingFor(caller, PER_SECTION + 1);
        return waiting.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(new Section("Waiting for your approval",
                waiting.stream().limit(PER_SECTION).map(p -> approval.item(caller, p)).toList(), "",
                Math.max(0, waiting.size() - PER_SECTION), "/ail list " + PostFilter.WAITING.text()));
    }

    public List<Section> of(Invocation invocation) {
        Caller caller = commands.caller(invocation);
        List<Post> mine = posts.list(caller.workspaceId(), PostFilter.MINE, caller.user().id(), 100);
        // what is still to go out is the calendar's (a home screen shows it); here: what went out or failed
        List<Post> recent = mine.stream().filter(p -> !pending(p)).toList();
        List<Section> sections = new ArrayList<>();
        sections.add(section("Your recent posts", recent, caller, "No posts yet. Try `/ail post <text>`."));
        List<Post> drafts = posts.list(caller.workspaceId(), PostFilter.DRAFTS, caller.user().id(), 100);
        sections.add(new Section("Your drafts", drafts.stream().limit(PER_SECTION).map(p -> draft(p, caller)).toList(),
                "No drafts. Save one with `/ail draft <text>`.", Math.max(0, drafts.size() - PER_SECTION), "/ail list " + PostFilter.DRAFTS.text()));
        List<Reply> connected = accounts.list(caller.workspaceId()).stream().map(Overview::account).toList();
        sections.add(new Section("Connected accounts", connected.stream().limit(PER_SECTION * 2L).toList(),
                "No accounts yet. Connect one with `/ail connect <platform>`.", Math.max(0, connected.size() - PER_SECTION * 2),
                "/ail accounts"));
        return sections;
    }

    private static boolean pending(Post post) {
        return post.any(TargetState.SCHEDULED, TargetState.PUBLISHING, TargetState.PENDING_APPROVAL);
    }

    private static Section section(String title, List<Post> found, Caller caller, String empty) {
        List<Reply> items = found.stream().limit(PER_SECTION).map(p -> item(p, caller)).toList();
        return new Section(title, items, empty, Math.max(0, found.size() - PER_SECTION), "/ail list " + PostFilter.MINE.text());
    }

    private static Reply item(Post post, Caller caller) {
        String where = post.targets().stream().map(t -> t.platform() + " " + t.accountLabel()).collect(Collectors.joining(", "));
        Reply reply = Reply.of("*" + post.shortId() + "* · " + Times.format(post.scheduledAt(), caller.zone()) + " · "
                + post.status().text() + " → " + where + "\n“" + ListCommands.snippet(post.text()) + "”");
        if (post.any(TargetState.SCHEDULED)) {
            reply = reply.withButton("Cancel", "cancel:" + post.shortId(), Reply.Button.Style.DANGER);
        }
        if (post.any(TargetState.FAILED, TargetState.UNKNOWN)) {
            reply = reply.withButton("Retry", "retry:" + post.shortId(), Reply.Button.Style.PRIMARY);
        }
        return reply;
    }

    /** A draft with what takes it further: open, post now, schedule, delete. */
    private static Reply draft(Post post, Caller caller) {
        String where = post.targets().stream().map(t -> t.platform() + " " + t.accountLabel()).collect(Collectors.joining(", "));
        return Reply.of("*" + post.shortId() + "* · saved " + Times.format(post.scheduledAt(), caller.zone()) + " → " + where
                        + "\n“" + ListCommands.snippet(post.text()) + "”")
                .withButton("Open", "show:" + post.shortId(), Reply.Button.Style.DEFAULT)
                .withButton("Post now", PostCommands.POST_DRAFT + ":" + post.shortId(), Reply.Button.Style.PRIMARY)
                .withButton("Schedule…", PostCommands.SCHEDULE_DRAFT + ":" + post.shortId(), Reply.Button.Style.DEFAULT)
                .withButton("Delete", "cancel:" + post.shortId(), Reply.Button.Style.DANGER);
    }

    private static Reply account(Account a) {
        return Reply.of("*" + a.shortId() + "* · " + a.platform() + " · " + (a.handle() == null ? a.externalId() : a.handle())
                + " · " + (a.active() ? "active" : "needs reconnect")
                + " · connected by " + (a.ownerName() == null ? "someone who left" : a.ownerName()));
    }
}
