package com.ailsocialautomation.command;

import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.schedule.Times;
import com.ailsocialautomation.store.Approvals;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.PostFilter;
import com.ailsocialautomation.store.Posts;
import com.ailsocialautomation.store.TargetState;

import java.time.Clock;
import java.util.List;

/**
 * How approval shows: the posts waiting for a person's decision ({@code list waiting}, the App Home's first
 * section, with the buttons and a late mark), and a post's approval in {@code show} (who decided, when).
 */
public final class ApprovalView {
    private final Posts posts;
    private final Approvals approvals;
    private final ApprovalGate gate;
    private final Clock clock;

    public ApprovalView(Posts posts, Approvals approvals, ApprovalGate gate, Clock clock) {
        this.posts = posts;
        this.approvals = approvals;
        this.gate = gate;
        this.clock = clock;
    }

    /** Posts whose current round waits for a decision the caller may take (not their own), soonest first. */
    public List<Post> waitingFor(Caller caller, int limit) {
        return posts.list(caller.workspaceId(), PostFilter.WAITING, caller.user().id(), 100).stream()
                .filter(p -> !p.authorUserId().equals(caller.user().id()) && gate.mayDecide(caller, p)).limit(limit).toList();
    }

    /** One waiting post as a home screen item, with its decision buttons. */
    public Reply item(Caller caller, Post post) {
        boolean late = !ApprovalRequests.meantForNow(post) && !post.scheduledAt().isAfter(clock.instant());
        Reply reply = Reply.of("*" + post.shortId() + "* by " + ApprovalRequests.name(post.authorName()) + " · "
                + (late ? "*late*, was due " : "") + Times.format(post.scheduledAt(), caller.zone()) + " → "
                + String.join(", ", post.targets().stream().map(t -> t.platform() + " " + t.accountLabel()).toList())
                + "\n“" + ListCommands.snippet(post.text()) + "”");
        return ApprovalRequests.buttons(reply, post.shortId(), approvals.round(caller.workspaceId(), post.id()));
    }

    /** {@code reply} with the post's approval: the decisions so far, or who it waits for. */
    Reply shown(Caller caller, Post post, Reply reply) {
        List<Approvals.Decided> decided = approvals.of(caller.workspaceId(), post.id());
        int round = decided.isEmpty() && !post.any(TargetState.PENDING_APPROVAL) ? 0 : approvals.round(caller.workspaceId(), post.id());
        if (round == 0) {
            return reply;
        }
        StringBuilder line = new StringBuilder();
        for (Approvals.Decided d : decided) {
            line.append(line.isEmpty() ? "" : "\n").append(d.decision()).append(" by ").append(ApprovalRequests.name(d.deciderName()))
                    .append(", ").append(Times.format(d.decidedAt(), caller.zone())).append(d.note() == null ? "" : ": “" + d.note() + "”")
                    .append(d.round() == round ? "" : " (an earlier version)");
        }
        boolean open = post.any(TargetState.PENDING_APPROVAL) && decided.stream().noneMatch(d -> d.round() == round);
        if (open) {
            List<ChatUser> deciders = gate.deciders(caller, post);
            line.append(line.isEmpty() ? "" : "\n").append("waiting for ").append(deciders.isEmpty() ? "a workspace admin"
                    : String.join(" or ", deciders.stream().map(ApprovalRequests::who).toList()));
        }
        Reply shown = reply.withField("Approval", line.toString());
        return open && gate.mayDecide(caller, post) && !post.authorUserId().equals(caller.user().id())
                ? ApprovalRequests.buttons(shown, post.shortId(), round) : shown;
    }
}
