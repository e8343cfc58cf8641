package com.ailsocialautomation.command;

import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.notify.Outbox;
import com.ailsocialautomation.store.Approvals;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.Posts;

import java.time.Clock;
import java.time.ZoneOffset;

/**
 * A scheduled post whose time passes while it waits for approval is not published late silently: each of its
 * deciders gets one DM saying it is late, with Publish now and a new time. The outbox's event key (post, round,
 * person) makes it once per person and round however often this runs.
 */
public final class LateApprovals {
    private final Posts posts;
    private final Approvals approvals;
    private final ApprovalGate gate;
    private final Outbox outbox;
    private final Clock clock;

    public LateApprovals(Posts posts, Approvals approvals, ApprovalGate gate, Outbox outbox, Clock clock) {
        this.posts = posts;
        this.approvals = approvals;
        this.gate = gate;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Tells the deciders of each late post not told yet; returns how many were told now. */
    public int remind() {
        int told = 0;
        for (Post post : posts.pendingPastDue(clock.instant())) {
            if (ApprovalRequests.meantForNow(post)) {
                continue; // approving it publishes it at once: nothing is late
            }
            int round = approvals.round(post.workspaceId(), post.id());
            for (ChatUser decider : gate.deciders(post.workspaceId(), post)) {
                if (decider.id().equals(post.authorUserId())) {
                    continue;
                }
                Reply late = ApprovalCommands.late(decider.zone() == null ? ZoneOffset.UTC : decider.zone(), post, round);
                // a DM holds no form: New time… is the approve button, whose answer for a late post is the form
                Reply dm = new Reply(late.text(), late.fields(), late.buttons(), true, null, null).withButton("New time…",
                        ApprovalRequests.ACTION + ":" + ApprovalRequests.Verb.APPROVE.word + "." + post.shortId() + "." + round,
                        Reply.Button.Style.DEFAULT);
                if (outbox.add(post.workspaceId(), decider.id(), "late:" + post.id() + ":" + round + ":" + decider.id(), dm, null)) {
                    told++;
                }
            }
        }
        return told;
    }
}
