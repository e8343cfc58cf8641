package com.ailsocialautomation.command;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.MediaInput;
import com.ailsocialautomation.message.PostOptions;
import com.ailsocialautomation.message.Reply;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.media.Copies;
import com.ailsocialautomation.media.MediaIntake;
import com.ailsocialautomation.media.MediaStore;
import com.ailsocialautomation.media.StoredMedia;
import com.ailsocialautomation.net.UrlGuard;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.schedule.Times;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.Drafts;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.Posts;
import com.ailsocialautomation.store.PostStatus;
import com.ailsocialautomation.store.QueueSlots;
import com.ailsocialautomation.store.Target;
import com.ailsocialautomation.store.TargetState;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.EnumSet;
import java.util.Set;

/**
 * post, schedule, draft, edit, reschedule, cancel and retry. Every new post, draft or not, is accepted by
 * {@link #create}; a draft is released (post/schedule &lt;draft&gt;) through {@link DraftRelease}, which runs the same
 * checks on what it holds. {@link #admitted} is the one place that decides the state an accepted post starts in.
 */
public final class PostCommands implements Handler {
    /** The button on a saved draft that posts it now (its argument is the draft's id). */
    public static final String POST_DRAFT = "post-draft";
    /** The button on a saved draft that asks when, then schedules it (its argument is the draft's id). */
    public static final String SCHEDULE_DRAFT = "schedule-draft";
    /** The form input of {@link #SCHEDULE_DRAFT}: a time as at: takes it. */
    public static final String WHEN = "when";

    /** How an accepted post goes on: published now, at a time, or kept as a draft. */
    private enum Mode { NOW, LATER, DRAFT }

    private final Posts posts;
    private final Accounts accounts;
    private final UrlGuard guard;
    private final MediaIntake intake;
    private final MediaStore media;
    private final PostVetting vetting;
    private final Drafts drafts;
    private final DraftRelease release;
    private final Queueing queueing;
    private final Clock clock;
    private final ApprovalStep approval;

    public PostCommands(Posts posts, Accounts accounts, UrlGuard guard, MediaIntake intake, MediaStore media,
                        PostVetting vetting, Drafts drafts, QueueSlots queue, Clock clock) {
        this(posts, accounts, guard, intake, media, vetting, drafts, queue, clock, ApprovalStep.NONE);
    }

    /** {@code approval}: who may post where, and holding a post that needs an approver's yes. */
    public PostCommands(Posts posts, Accounts accounts, UrlGuard guard, MediaIntake intake, MediaStore media,
                        PostVetting vetting, Drafts drafts, QueueSlots queue, Clock clock, ApprovalStep approval) {
        this.approval = approval;
        this.posts = posts;
        this.accounts = accounts;
        this.guard = guard;
        this.intake = intake;
        this.media = media;
        this.vetting = vetting;
        this.drafts = drafts;
        this.release = new DraftRelease(posts, accounts, media, vetting);
        this.queueing = new Queueing(queue, clock);
        this.clock = clock;
    }

    @Override
    public Set<Subcommand> serves() {
        return EnumSet.of(Subcommand.POST, Subcommand.SCHEDULE, Subcommand.DRAFT, Subcommand.EDIT, Subcommand.RESCHEDULE,
                Subcommand.CANCEL, Subcommand.RETRY);
    }

    @Override
    public Reply handle(Caller caller, ParsedCommand command) {
        return switch (command.subcommand()) {
            case POST -> isDraft(caller, command) ? releaseDraft(caller, command, clock.instant(), false)
                    : "yes".equalsIgnoreCase(command.option("queue")) ? create(caller, command, null, Mode.LATER)
                    : create(caller, command, clock.instant(), Mode.NOW);
            case SCHEDULE -> isDraft(caller, command) ? releaseDraft(caller, command, when(caller, command), true)
                    : create(caller, command, when(caller, command), Mode.LATER);
            case DRAFT -> create(caller, command, clock.instant(), Mode.DRAFT);
            case EDIT -> edit(caller, command);
            case RESCHEDULE -> reschedule(caller, command);
            case CANCEL -> cancel(caller, command.arg(0));
            case RETRY -> retry(caller, command.arg(0));
            default -> throw new IllegalArgumentException(command.name());
        };
    }

    Instant when(Caller caller, ParsedCommand command) {
        Instant when = ScheduledTime.of(command, caller.zone(), clock);
        if (when == null) {
            throw new UserError("Say when with at: or in:. Usage: " + Commands.get(command.name()).usage());
        }
        return when;
    }

    /** Whether a post or schedule names a draft: its text is one draft id that this workspace has. */
    private boolean isDraft(Caller caller, ParsedCommand command) {
        String id = DraftReference.of(command);
        return id != null && posts.find(caller.workspaceId(), id).isPresent();
    }

    private Reply releaseDraft(Caller caller, ParsedCommand command, Instant when, boolean scheduled) {
        String id = DraftReference.of(command);
        DraftReference.requireOnlyTime(command, id);
        Reply reply = released(caller, id, when, scheduled);
        return "yes".equalsIgnoreCase(command.option("public")) ? reply.visibleToChannel() : reply;
    }

    /**
     * Releases a draft, then asks its approvers when it now waits for them: the post is read after the release, in
     * the state {@link #admitted} gave it.
     */
    private Reply released(Caller caller, String shortId, Instant when, boolean scheduled) {
        Reply reply = release.release(caller, shortId, when, scheduled, this::admitted);
        return approval.afterward(caller, posts.find(caller.workspaceId(), shortId).orElse(null), reply);
    }

    /** The button on a saved draft: post it now. */
    public Reply postDraft(Caller caller, String shortId) {
        return released(caller, shortId, clock.instant(), false);
    }

    /**
     * The Schedule button on a saved draft: without a time, the form that asks for one (nothing changes yet); with
     * it, the draft is scheduled as {@code schedule <draft> at:<when>} would.
     */
    public Reply scheduleDraft(Caller caller, String shortId, Map<String, String> values) {
        String at = values.get(WHEN);
        if (at == null || at.isBlank()) {
            PostRefs.changeable(posts, caller, shortId, "schedule");
            return Reply.of("When should draft " + shortId + " be published?").withForm(new Reply.Form("Schedule " + shortId,
                    SCHEDULE_DRAFT + ":" + shortId, List.of(new Reply.Input(WHEN, "When (in your time zone)", false, "tomorrow 09:00"))));
        }
        return released(caller, shortId, com.ailsocialautomation.schedule.WhenParser.parse(at, caller.zone(), clock), true);
    }

    /**
     * The state an accepted post's targets start in, once it is to go out (not kept as a draft): the one place a
     * policy on its accounts decides, for new posts and released drafts alike.
     */
    private TargetState admitted(Caller caller, List<Account> targets) {
        return ApprovalStep.initial(approval.check(caller, targets));
    }

    /** {@code when} null: each target at its account's next free queue time. */
    private Reply create(Caller caller, ParsedCommand command, Instant when, Mode mode) {
        Post post;
        Accepted accepted;
        try (Accepted checked = accept(caller, command, when)) {
            post = store(caller, checked, mode == Mode.DRAFT ? TargetState.DRAFT : admitted(caller, checked.targets()));
            accepted = checked;
        }
        List<StoredMedia> copies = media.of(caller.workspaceId(), post.id());
        Reply preview = mode == Mode.DRAFT ? DraftReplies.saved(post, accepted.targets(), copies, caller.zone())
                : PostRules.preview(post, accepted.targets(), copies, caller.zone(), mode == Mode.LATER);
        if (when == null) {
            preview = PostRules.eachWhen(preview, post.targets(), caller.zone());
        } else if (mode == Mode.LATER && queueing.anySlots(caller.workspaceId(), accepted.targets())) {
            preview = preview.withButton("Add to queue", QueueCommands.ENQUEUE + ":" + post.shortId(), Reply.Button.Style.DEFAULT);
        }
        Reply reply = PostVetting.withNotices(preview, accepted.notices());
        reply = approval.afterward(caller, post, reply);
        return "yes".equalsIgnoreCase(command.option("public")) ? reply.visibleToChannel() : reply;
    }

    /**
     * A new post that passed every check of the acceptance path, its media copied, not yet stored: {@link #store}
     * keeps it. Closing it deletes the copies (stored media were saved by then).
     */
    record Accepted(List<Account> targets, String text, PostOptions options, Instant when, Copies copies,
                    Map<String, String> notices) implements AutoCloseable {
        @Override
        public void close() {
            copies.close();
        }
    }

    /**
     * Checks a new post (post, schedule, an imported row) against everything before it is kept: its accounts, the
     * text and options per target, its media (copied now, once: the post publishes from AIL's copy, however long the
     * source lasts) and what each platform says. Throws a one-line UserError; nothing is kept either way.
     * {@code when} null: queued (every account must have queue times).
     */
    Accepted accept(Caller caller, ParsedCommand command, Instant when) {
        List<Account> targets = AccountRefs.targets(accounts, caller.workspaceId(), command.option("to"));
        List<Account> inactive = targets.stream().filter(a -> !a.active()).toList();
        if (!inactive.isEmpty()) {
            throw new UserError(inactive.get(0).label() + " needs to be reconnected first: /ail connect " + inactive.get(0).platform() + ".");
        }
        approval.check(caller, targets); // an account the caller may not post to is refused before any download
        List<String> links = command.options("media");
        requireLocalFilesFromConsole(caller, command);
        InputLimits.checkMediaCount(links.size() + command.files().size());
        String text = command.text();
        PostOptions options = PostOptionInput.of(command);
        PostRules.checkOptions(options, targets);
        PostRules.precheck(text, options, links, command.files().size(), targets); // before any download
        boolean queued = when == null;
        if (queued) {
            queueing.requireSlots(caller.workspaceId(), targets);
        }
        guard.checkAll(links);
        Copies copies = intake.copy(links, command.files(), command.options("alt"), PostRules.maxBytes(targets));
        try {
            PostRules.checkMedia(text, options, copies.facts(), targets);
            Instant vetted = queued ? queueing.earliestFree(caller.workspaceId(), targets) : when;
            Map<String, String> notices = vetting.vet(targets,
                    new PublishRequest(null, text, List.of(), List.of(), null, vetted, options), copies.facts());
            return new Accepted(targets, text, options, when, copies, notices);
        } catch (RuntimeException e) {
            copies.close();
            throw e;
        }
    }

    /** Keeps an accepted post that is to go out, its targets in the state {@link #admitted} gives them. */
    Post store(Caller caller, Accepted accepted) {
        return store(caller, accepted, admitted(caller, accepted.targets()), (tx, postId) -> {});
    }

    /** Keeps an accepted post as a typed one is kept: when it waits for approval, its approvers are asked (import). */
    Post storeAndAsk(Caller caller, Accepted accepted) {
        Post post = store(caller, accepted);
        approval.afterward(caller, post, Reply.of(""));
        return post;
    }

    /** The same, with what else {@code also} writes in the post's transaction (a series moving on to its next time). */
    Post store(Caller caller, Accepted accepted, Posts.Attach also) {
        return store(caller, accepted, admitted(caller, accepted.targets()), also);
    }

    /** Keeps an accepted post in {@code state} (a draft, say). */
    Post store(Caller caller, Accepted accepted, TargetState state) {
        return store(caller, accepted, state, (tx, postId) -> {});
    }

    /**
     * Keeps an accepted post, its media copies and what {@code also} writes with it in one transaction, its targets in
     * {@code state}: a draft, or what {@link #admitted} says; one accepted without a time goes to each account's next
     * free queue time, taken in that transaction.
     */
    Post store(Caller caller, Accepted accepted, TargetState state, Posts.Attach also) {
        Posts.Due due = accepted.when() == null ? queueing.due(caller.workspaceId()) : (tx, account) -> accepted.when();
        // the links live with the copies, encrypted: no link (which often names the file) stays in clear
        Post post = posts.create(caller.workspaceId(), caller.user().id(), accepted.text(), accepted.options(), List.of(),
                accepted.copies().items().size(), due, caller.invocation().origin(), accepted.targets(),
                (tx, postId) -> {
                    media.save(tx, caller.workspaceId(), postId, accepted.copies());
                    also.attach(tx, postId);
                }, state);
        approval.afterward(caller, post, Reply.of("")); // a post that waits: its approvers are asked, whatever made it
        return post;
    }

    private Reply edit(Caller caller, ParsedCommand command) {
        Post post = PostRefs.changeable(posts, caller, command.arg(0), "edit");
        if (!post.targets().stream().allMatch(t -> t.state() == TargetState.SCHEDULED || t.state() == TargetState.PENDING_APPROVAL)) {
            requireScheduled(post, "edited");
        }
        List<Account> targets = post.targets().stream().map(Target::accountId).filter(Objects::nonNull)
                .map(id -> accounts.find(caller.workspaceId(), id).orElse(null)).filter(Objects::nonNull).toList();
        return new PostEdit(posts, guard, intake, media, vetting, approval).edit(caller, command, post, targets);
    }

    private Reply reschedule(Caller caller, ParsedCommand command) {
        Post post = PostRefs.changeable(posts, caller, command.arg(0), "reschedule");
        if (post.status() == PostStatus.DRAFT) {
            throw new UserError("Draft " + post.shortId() + " has no time yet; `/ail schedule " + post.shortId()
                    + " at:\"tomorrow 09:00\"` schedules it.");
        }
        Instant when = when(caller, command);
        int moved = posts.reschedule(caller.workspaceId(), post.id(), when);
        if (moved == 0) {
            throw new UserError("Post " + post.shortId() + " is " + post.status().text() + "; only scheduled posts can be rescheduled.");
        }
        return Reply.of("Post " + post.shortId() + " will be published " + Times.format(when, caller.zone()) + ".");
    }

    private Reply cancel(Caller caller, String shortId) {
        Post post = PostRefs.changeable(posts, caller, shortId, "cancel");
        if (post.status() == PostStatus.DRAFT) {
            if (!drafts.delete(caller.workspaceId(), post.id())) {
                throw new UserError("Draft " + post.shortId() + " was scheduled or posted meanwhile. `/ail show " + post.shortId()
                        + "` shows where it stands.");
            }
            return Reply.of("Deleted draft " + post.shortId() + " and its media.");
        }
        int cancelled = posts.cancel(caller.workspaceId(), post.id());
        if (cancelled == 0) {
            throw new UserError("Post " + post.shortId() + " is " + post.status().text() + "; there is nothing left to cancel.");
        }
        int total = post.targets().size();
        return Reply.of("Cancelled post " + post.shortId() + (cancelled == total ? "." : " on " + cancelled + " of " + total
                + " accounts; the others had already started or finished."));
    }

    private Reply retry(Caller caller, String shortId) {
        Post post = PostRefs.changeable(posts, caller, shortId, "retry");
        List<Target> reset = posts.retry(caller.workspaceId(), post.id(), clock.instant());
        if (reset.isEmpty()) {
            throw new UserError("Post " + post.shortId() + " is " + post.status().text() + "; only failed or unknown targets can be retried.");
        }
        return Reply.of("Retrying post " + post.shortId() + " on " + String.join(", ",
                reset.stream().map(t -> t.platform() + " " + t.accountLabel()).toList()) + " now.");
    }

    static void requireLocalFilesFromConsole(Caller caller, ParsedCommand command) {
        if (caller.invocation().frontEnd() != FrontEnd.CONSOLE
                && command.files().stream().anyMatch(f -> f instanceof MediaInput.LocalFile)) {
            // a path names a file on AIL's own machine: only its operator, at the console, may hand one over
            throw new IllegalArgumentException("a local file from " + caller.invocation().frontEnd());
        }
    }

    private static void requireScheduled(Post post, String verb) {
        if (!post.allScheduled() && post.status() != PostStatus.DRAFT) {
            throw new UserError("Post " + post.shortId() + " is " + post.status().text() + "; only scheduled posts can be " + verb + ".");
        }
    }
}
