package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.schedule.Times;
import com.ailsocialautomation.schedule.WhenParser;
import com.ailsocialautomation.store.Approvals;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.Decision;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.Posts;
import com.ailsocialautomation.store.TargetState;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * approve, reject and request-changes, typed or pressed (the DM's buttons, {@code decide:<verb>.<post>.<round>}):
 * only someone who approves the post's accounts may decide, once per round. Approving a post whose time passed
 * while it waited does not publish it late: it asks for publish now or a new time.
 */
public final class ApprovalCommands implements Handler, Action {
    private final Posts posts;
    private final Approvals approvals;
    private final ApprovalGate gate;
    private final ApprovalRequests requests;
    private final Clock clock;

    public ApprovalCommands(Posts posts, Approvals approvals, ApprovalGate gate, ApprovalRequests requests, Clock clock) {
        this.posts = posts;
        this.approvals = approvals;
        this.gate = gate;
        this.requests = requests;
        this.clock = clock;
    }

    @Override
    public Set<Subcommand> serves() {
        return EnumSet.of(Subcommand.APPROVE, Subcommand.REJECT, Subcommand.REQUEST_CHANGES);
    }

    @Override
    public Reply handle(Caller caller, ParsedCommand command) {
        Post post = PostRefs.find(posts, caller, command.arg(0));
        String note = command.text().isBlank() ? null : command.text();
        return switch (command.subcommand()) {
            case APPROVE -> decide(caller, post, null, Decision.APPROVED, null, ScheduledTime.of(command, caller.zone(), clock));
            case REJECT -> decide(caller, post, null, Decision.REJECTED, note, null);
            case REQUEST_CHANGES -> decide(caller, post, null, Decision.CHANGES_REQUESTED, note, null);
            default -> throw new IllegalArgumentException(command.name());
        };
    }

    /** A decision button or the new-time form: {@code <verb>.<post>.<round>}. */
    @Override
    public Reply perform(Caller caller, String arg, Map<String, String> values) {
        String[] parts = arg == null ? new String[0] : arg.split("\\.");
        ApprovalRequests.Verb verb = parts.length == 3 ? ApprovalRequests.Verb.of(parts[0]) : null;
        if (verb == null || !parts[2].matches("\\d{1,9}")) {
            throw new UserError("This button is no longer valid. `/ail list waiting` shows the posts waiting for you.");
        }
        Post post = PostRefs.find(posts, caller, parts[1]);
        int round = Integer.parseInt(parts[2]);
        if (verb == ApprovalRequests.Verb.CHANGES || verb == ApprovalRequests.Verb.REJECT) {
            requireDecider(caller, post);
            requireOpen(caller, post, round);
            return noteFirst(post, round, verb);
        }
        Instant when = switch (verb) {
            case NOW -> clock.instant();
            case AT -> WhenParser.parse(values.getOrDefault("at", ""), caller.zone(), clock);
            default -> null;
        };
        return decide(caller, post, round, verb.decision, values.get(NOTE), when);
    }

    static final String NOTE = "note";

    /** Request changes and Reject pressed: a form for the note to the author, or the decision without one. */
    private static Reply noteFirst(Post post, int round, ApprovalRequests.Verb verb) {
        boolean reject = verb == ApprovalRequests.Verb.REJECT;
        ApprovalRequests.Verb decides = reject ? ApprovalRequests.Verb.REJECT_NOTED : ApprovalRequests.Verb.CHANGES_NOTED;
        String action = ApprovalRequests.ACTION + ":" + decides.word + "." + post.shortId() + "." + round;
        String what = reject ? "Reject" : "Request changes to";
        return Reply.of(what + " post " + post.shortId() + " by " + ApprovalRequests.name(post.authorName())
                        + ": add a note for them in the form, or decide without one.")
                .withButton(reject ? "Reject without a note" : "Request changes without a note", action,
                        reject ? Reply.Button.Style.DANGER : Reply.Button.Style.DEFAULT)
                .withForm(new Reply.Form(reject ? "Reject with a note" : "Ask for changes", action,
                        List.of(new Reply.Input(NOTE, "Note for " + ApprovalRequests.name(post.authorName()), false,
                                reject ? "Why it is not going out" : "What to change"))));
    }

    private void requireDecider(Caller caller, Post post) {
        if (!gate.mayDecide(caller, post)) {
            List<ChatUser> deciders = gate.deciders(caller, post);
            throw new UserError("Only " + (deciders.isEmpty() ? "a workspace admin" : String.join(" or ",
                    deciders.stream().map(ApprovalRequests::who).toList())) + " can decide post " + post.shortId() + ".");
        }
    }

    /** Refuses a round that was decided (saying by whom) or replaced by an edit, before asking anything more. */
    private void requireOpen(Caller caller, Post post, int round) {
        for (Approvals.Decided d : approvals.of(caller.workspaceId(), post.id())) {
            if (d.round() == round) {
                throw new UserError(alreadyDecided(caller, post, d));
            }
        }
        if (approvals.round(caller.workspaceId(), post.id()) != round) {
            throw new UserError("Post " + post.shortId() + " was changed after this request; decide its newer version (`/ail list waiting`).");
        }
    }

    private static String alreadyDecided(Caller caller, Post post, Approvals.Decided decided) {
        return "Post " + post.shortId() + " was already decided: " + decided.decision() + " by "
                + ApprovalRequests.name(decided.deciderName()) + ", " + Times.format(decided.decidedAt(), caller.zone()) + ".";
    }

    private Reply decide(Caller caller, Post post, Integer pressedRound, Decision decision, String note, Instant when) {
        requireDecider(caller, post);
        int round = pressedRound != null ? pressedRound : approvals.round(caller.workspaceId(), post.id());
        if (round == 0) {
            throw new UserError("Post " + post.shortId() + " is " + post.status().text() + "; it does not wait for approval.");
        }
        Instant publishAt = null;
        if (decision == Decision.APPROVED) {
            publishAt = when != null ? when : ApprovalRequests.meantForNow(post) ? clock.instant() : post.scheduledAt();
            if (late(post, when)) {
                requireOpen(caller, post, round);
                return late(caller, post, round);
            }
        }
        Approvals.Result result = approvals.decide(caller.workspaceId(), post.id(), round, caller.user().id(), decision, note, publishAt);
        if (result.stale()) {
            throw new UserError("Post " + post.shortId() + " was changed after this request; decide its newer version (`/ail list waiting`).");
        }
        Approvals.Decided decided = result.decided();
        if (!result.recorded()) {
            return Reply.of(alreadyDecided(caller, post, decided));
        }
        if (!post.any(TargetState.PENDING_APPROVAL)) {
            return Reply.of("Recorded, but post " + post.shortId() + " no longer waits (" + post.status().text() + ").");
        }
        requests.tell(post, decided, caller.zone(), publishAt);
        return Reply.of(switch (decision) {
            case APPROVED -> "Approved post " + post.shortId() + "; it will be published " + Times.format(publishAt, caller.zone()) + ".";
            case CHANGES_REQUESTED -> "Asked " + ApprovalRequests.name(post.authorName()) + " for changes to post " + post.shortId()
                    + "; an edit brings it back to you.";
            case REJECTED -> "Rejected post " + post.shortId() + "; " + ApprovalRequests.name(post.authorName()) + " was told.";
        });
    }

    /** A scheduled post whose time passed while it waited, approved without a new time. */
    private boolean late(Post post, Instant when) {
        return when == null && !ApprovalRequests.meantForNow(post) && !post.scheduledAt().isAfter(clock.instant())
                && post.any(TargetState.PENDING_APPROVAL);
    }

    /** The post's time passed while it waited: publish now, or a new time. */
    private static Reply late(Caller caller, Post post, int round) {
        return late(caller.zone(), post, round);
    }

    static Reply late(java.time.ZoneId zone, Post post, int round) {
        String ids = "." + post.shortId() + "." + round;
        return Reply.of("Post " + post.shortId() + " is late: it was due " + Times.format(post.scheduledAt(), zone)
                        + " and has not been published. Publish it now, or approve it for a new time (`/ail approve "
                        + post.shortId() + " at:\"tomorrow 09:00\"`).")
                .withButton("Publish now", ApprovalRequests.ACTION + ":" + ApprovalRequests.Verb.NOW.word + ids, Reply.Button.Style.PRIMARY)
                .withForm(new Reply.Form("New time for " + post.shortId(), ApprovalRequests.ACTION + ":" + ApprovalRequests.Verb.AT.word + ids,
                        List.of(new Reply.Input("at", "When to publish it", false, "tomorrow 09:00"))));
    }
}
