package com.ailsocialautomation.command;

import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Approvals;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.Posts;
import com.ailsocialautomation.store.TargetState;

import java.time.Clock;
import java.util.List;

/**
 * Approval's step in the one acceptance path (a new post, whatever made it, and an edit): the policy check before
 * anything is stored, holding the post in the transaction that stores it (so no engine publishes it in between),
 * and, once committed, the approvers' DMs and the author's reply saying who was asked.
 */
public final class ApprovalStep {
    /** Nothing waits: every account lets the caller post (a test without approval, a front end's own wiring). */
    public static final ApprovalStep NONE = new ApprovalStep(null, null, null, Clock.systemUTC());

    private final ApprovalGate gate;
    private final ApprovalRequests requests;
    private final Approvals approvals;
    private final Clock clock;

    public ApprovalStep(ApprovalGate gate, ApprovalRequests requests, Approvals approvals, Clock clock) {
        this.gate = gate;
        this.requests = requests;
        this.approvals = approvals;
        this.clock = clock;
    }

    /** Refuses an account the caller may not post to; says whether the post will wait. */
    ApprovalGate.Need check(Caller caller, List<Account> targets) {
        return gate == null ? ApprovalGate.Need.NONE : gate.check(caller, targets);
    }

    static TargetState initial(ApprovalGate.Need need) {
        return need.waits() ? TargetState.PENDING_APPROVAL : TargetState.SCHEDULED;
    }

    /** {@code inner}, then, for an edited post that must wait, a new round of approval in the same transaction. */
    static Posts.Attach attach(Caller caller, ApprovalGate.Need need, Posts.Attach inner) {
        return (tx, postId) -> {
            inner.attach(tx, postId);
            if (need.waits()) {
                Approvals.hold(tx, caller.workspaceId(), postId);
            }
        };
    }

    /**
     * After a post was stored, released or edited: when it waits for approval, its approvers are asked for the current
     * round (once each; asking again in the same round sends nothing) and {@code reply} says who was asked.
     */
    Reply afterward(Caller caller, Post post, Reply reply) {
        if (gate == null || post == null || !post.any(TargetState.PENDING_APPROVAL)) {
            return reply;
        }
        List<ChatUser> approvers = gate.deciders(caller, post);
        requests.ask(post, approvals.round(caller.workspaceId(), post.id()), approvers,
                gate.accountsOf(caller.workspaceId(), post), clock.instant());
        List<ChatUser> others = approvers.stream().filter(u -> !u.id().equals(post.authorUserId())).toList();
        String who = others.isEmpty() ? "a workspace admin (`/ail approve " + post.shortId() + "`)"
                : String.join(", ", others.stream().map(ApprovalRequests::who).toList());
        String line = "Post " + post.shortId() + " waits for approval by " + who + "; you will get a DM with the decision. "
                + "Until then it is not published.";
        return new Reply(line + "\n" + reply.text(), reply.fields(), reply.buttons(), reply.ephemeral(), reply.file(), reply.form());
    }
}
