package com.ailsocialautomation.command;

import com.ailsocialautomation.media.MediaStore;
import com.ailsocialautomation.media.StoredMedia;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.notify.Outbox;
import com.ailsocialautomation.schedule.Times;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Approvals;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.Decision;
import com.ailsocialautomation.store.Post;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The messages of approval, through the notification outbox: each approver's DM asking for a decision (once per
 * round: the event key names post, round and approver) and the author's DM with the outcome (once per round). The
 * buttons carry the post's short id and the round, so they keep working after a restart and a button of an older
 * round no longer decides.
 */
public final class ApprovalRequests {
    /** The action behind the decision buttons: {@code decide:<verb>.<post>.<round>}. */
    public static final String ACTION = "decide";

    private final Outbox outbox;
    private final MediaStore media;

    public ApprovalRequests(Outbox outbox, MediaStore media) {
        this.outbox = outbox;
        this.media = media;
    }

    /** Asks each approver (never the author) by DM; returns how many were asked for the first time. */
    int ask(Post post, int round, List<ChatUser> approvers, List<Account> targets, Instant now) {
        int asked = 0;
        List<StoredMedia> items = media.of(post.workspaceId(), post.id());
        for (ChatUser approver : approvers) {
            if (approver.id().equals(post.authorUserId())) {
                continue;
            }
            Reply request = request(post, round, targets, items, zone(approver), now);
            if (outbox.add(post.workspaceId(), approver.id(), "approval:" + post.id() + ":" + round + ":" + approver.id(), request, null)) {
                asked++;
            }
        }
        return asked;
    }

    /** The request: the post as each target will get it, whether it is late, and the three decisions. */
    static Reply request(Post post, int round, List<Account> targets, List<StoredMedia> media, ZoneId zone, Instant now) {
        Reply preview = PostRules.preview(post, targets, media, zone, !meantForNow(post));
        String late = meantForNow(post) || post.scheduledAt().isAfter(now) ? ""
                : "\n*Late:* it was due " + Times.format(post.scheduledAt(), zone) + " and has not been published; approving it asks for publish now or a new time.";
        Reply reply = new Reply("*Approval needed* for post " + post.shortId() + " by " + name(post.authorName()) + late + "\n"
                + preview.text().substring(preview.text().indexOf('·') + 1).strip(), preview.fields(), List.of(), true, null, null);
        return buttons(reply, post.shortId(), round);
    }

    static Reply buttons(Reply reply, String shortId, int round) {
        String ids = "." + shortId + "." + round;
        return reply.withButton("Approve", ACTION + ":" + Verb.APPROVE.word + ids, Reply.Button.Style.PRIMARY)
                .withButton("Request changes", ACTION + ":" + Verb.CHANGES.word + ids, Reply.Button.Style.DEFAULT)
                .withButton("Reject", ACTION + ":" + Verb.REJECT.word + ids, Reply.Button.Style.DANGER);
    }

    /** Tells the author what was decided (once per round), also where the post was made. */
    void tell(Post post, Approvals.Decided decided, ZoneId zone, Instant publishAt) {
        String by = name(decided.deciderName());
        String note = decided.note() == null ? "" : ": “" + decided.note() + "”";
        String text = switch (decided.decision()) {
            case APPROVED -> by + " approved post " + post.shortId() + "; it will be published "
                    + (publishAt == null ? "as scheduled" : Times.format(publishAt, zone)) + ".";
            case CHANGES_REQUESTED -> by + " asked for changes to post " + post.shortId() + note + ". Edit it with `/ail edit "
                    + post.shortId() + " <text>`; it then waits for approval again.";
            case REJECTED -> by + " rejected post " + post.shortId() + note + ". It will not be published.";
        };
        outbox.add(post.workspaceId(), post.authorUserId(), "decision:" + post.id() + ":" + decided.round(), Reply.of(text), post.origin());
    }

    /** A post made with {@code post} (now) rather than {@code schedule}: approving it publishes it at once. */
    static boolean meantForNow(Post post) {
        return !post.scheduledAt().isAfter(post.createdAt().plusSeconds(60));
    }

    static String name(String name) {
        return name == null || name.isBlank() ? "someone" : name;
    }

    /** How a person is named to others: their name, or a chat mention when AIL has not learnt it yet. */
    static String who(ChatUser user) {
        return user.displayName() == null || user.displayName().isBlank() ? "<@" + user.externalId() + ">" : user.displayName();
    }

    private static ZoneId zone(ChatUser user) {
        return user.zone() == null ? ZoneOffset.UTC : user.zone();
    }

    /** What a decision button does. */
    enum Verb {
        APPROVE("approve", Decision.APPROVED), CHANGES("changes", Decision.CHANGES_REQUESTED), REJECT("reject", Decision.REJECTED),
        NOW("now", Decision.APPROVED), AT("at", Decision.APPROVED),
        // the DM's Request changes and Reject first offer a note for the author; these decide, with the form's note or none
        CHANGES_NOTED("changes-now", Decision.CHANGES_REQUESTED), REJECT_NOTED("reject-now", Decision.REJECTED);

        final String word;
        final Decision decision;

        Verb(String word, Decision decision) {
            this.word = word;
            this.decision = decision;
        }

        static Verb of(String word) {
            for (Verb v : values()) {
                if (v.word.equals(word)) {
                    return v;
                }
            }
            return null;
        }
    }
}
