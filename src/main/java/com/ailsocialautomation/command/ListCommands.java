package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.media.MediaStore;
import com.ailsocialautomation.media.StoredMedia;
import com.ailsocialautomation.message.Reply;

import com.ailsocialautomation.schedule.Times;
import com.ailsocialautomation.store.Attempt;
import com.ailsocialautomation.store.Attempts;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.PostFilter;
import com.ailsocialautomation.store.PostStatus;
import com.ailsocialautomation.store.Posts;
import com.ailsocialautomation.store.PartKind;
import com.ailsocialautomation.store.Target;
import com.ailsocialautomation.store.TargetParts;
import com.ailsocialautomation.store.TargetState;

import java.util.List;
import java.util.stream.Collectors;
import java.util.EnumSet;
import java.util.Set;

/** list and show. */
public final class ListCommands implements Handler {
    private static final int LIST_SIZE = 20;

    private final Posts posts;
    private final Attempts attempts;
    private final MediaStore media;
    private final TargetParts parts;
    private final ApprovalView approval;

    public ListCommands(Posts posts, Attempts attempts, MediaStore media, TargetParts parts) {
        this(posts, attempts, media, parts, null);
    }

    /** {@code approval}: list waiting and show's approval; null leaves them out. */
    public ListCommands(Posts posts, Attempts attempts, MediaStore media, TargetParts parts, ApprovalView approval) {
        this.approval = approval;
        this.posts = posts;
        this.attempts = attempts;
        this.media = media;
        this.parts = parts;
    }

    @Override
    public Set<Subcommand> serves() {
        return EnumSet.of(Subcommand.LIST, Subcommand.SHOW);
    }

    @Override
    public Reply handle(Caller caller, ParsedCommand command) {
        return switch (command.subcommand()) {
            case LIST -> list(caller, command.arg(0) == null ? PostFilter.UPCOMING : PostFilter.of(command.arg(0)));
            case SHOW -> show(caller, command.arg(0));
            default -> throw new IllegalArgumentException(command.name());
        };
    }

    private Reply list(Caller caller, PostFilter filter) {
        // drafts are unfinished work: each person lists their own, an admin everyone's
        List<Post> found = filter == PostFilter.WAITING ? (approval == null ? List.of() : approval.waitingFor(caller, LIST_SIZE)) : posts.list(caller.workspaceId(), filter,
                filter == PostFilter.DRAFTS && caller.admin() ? null : caller.user().id(), LIST_SIZE);
        if (found.isEmpty()) {
            return Reply.of(switch (filter) {
                case UPCOMING -> "Nothing is scheduled. Schedule a post with `/ail schedule at:\"tomorrow 09:00\" <text>`.";
                case FAILED -> "No failed posts.";
                case MINE -> "You have no posts yet.";
                case RECENT -> "No posts yet.";
                case DRAFTS -> "No drafts. Save one with `/ail draft <text>`.";
                case WAITING -> "Nothing waits for your approval.";
            });
        }
        StringBuilder sb = new StringBuilder(title(filter) + " (times in " + caller.zone().getId() + "):");
        for (Post p : found) {
            boolean draft = p.status() == PostStatus.DRAFT;
            sb.append("\n• ").append(p.shortId()).append("  ").append(draft ? "saved " : "").append(Times.format(p.scheduledAt(), caller.zone()))
                    .append(draft ? "" : "  " + p.status().text()).append(differing(p))
                    .append(draft && !p.authorUserId().equals(caller.user().id()) ? "  by " + p.authorName() : "").append("  → ")
                    .append(p.targets().stream().map(t -> t.platform() + " " + t.accountLabel()).collect(Collectors.joining(", ")))
                    .append("  “").append(snippet(p.text())).append("”");
        }
        return Reply.of(sb.toString());
    }

    /** "2.4 MB", "812 KB": decimal units, as the platforms state their limits. */

    private static String title(PostFilter filter) {
        return switch (filter) {
            case UPCOMING -> "Upcoming posts";
            case FAILED -> "Failed posts";
            case MINE -> "Your posts";
            case RECENT -> "Recent posts";
            case DRAFTS -> "Drafts (`/ail schedule <draft> at:...` or `/ail post <draft>` sends one)";
            case WAITING -> "Waiting for your approval";
        };
    }

    private Reply show(Caller caller, String shortId) {
        Post post = PostRefs.find(posts, caller, shortId);
        boolean draft = post.status() == PostStatus.DRAFT;
        if (draft && !caller.mayChange(post.authorUserId())) {
            throw new UserError("Draft " + post.shortId() + " is " + post.authorName() + "'s; only they or a workspace admin can see it.");
        }
        Reply reply = Reply.of((draft ? "Draft " : "Post ") + post.shortId() + " by " + post.authorName() + ": " + post.status().text())
                .withField("Text", post.text())
                .withField(draft ? "Saved" : "Time", Times.format(post.scheduledAt(), caller.zone()));
        if (!post.options().isEmpty()) {
            reply = reply.withField("Options", String.join(" ", post.options().typed()));
        }
        reply = approval == null ? reply : approval.shown(caller, post, reply);
        if (!post.mediaUrls().isEmpty()) {
            reply = reply.withField("Media", String.join(" ", post.mediaUrls()));
        }
        List<StoredMedia> copies = media.of(caller.workspaceId(), post.id());
        if (!copies.isEmpty()) {
            reply = reply.withField("Media", MediaLines.of(copies));
        } else if (post.mediaCount() != null && post.mediaCount() > 0) {
            reply = reply.withField("Media", post.mediaCount() + " (deleted after the retention period)");
        }
        for (Target t : post.targets()) {
            StringBuilder line = new StringBuilder(t.state().text());
            if (t.url() != null) {
                line.append(" ").append(t.url());
            }
            if (t.error() != null) { // on a published target: what went wrong after it was live (its first comment)
                line.append(" (").append(t.error()).append(")");
            }
            for (TargetParts.Part p : parts.of(caller.workspaceId(), t.id())) { // a thread's parts, a first comment
                line.append("\n    ").append(p.kind() == PartKind.COMMENT ? "first comment" : "part " + p.number())
                        .append(p.url() == null ? "" : " " + p.url());
            }
            for (Attempt a : attempts.forTarget(caller.workspaceId(), t.id())) {
                line.append("\n    attempt ").append(Times.toTheSecond(a.startedAt(), caller.zone())).append(": ").append(a.outcome().text())
                        .append(a.httpStatus() == null ? "" : " HTTP " + a.httpStatus())
                        .append(", ").append(a.durationMs()).append(" ms")
                        .append(a.message() == null ? "" : ", " + a.message());
            }
            if (t.state() == TargetState.SCHEDULED && t.attempts() > 0 && t.dueAt() != null) {
                line.append("\n    next attempt ").append(Times.toTheSecond(t.dueAt(), caller.zone()));
            } else if (t.state() == TargetState.SCHEDULED && t.turnAt() != null && t.turnAt().equals(t.dueAt())) {
                line.append("\n    its turn ").append(Times.toTheSecond(t.dueAt(), caller.zone())); // its account's pace
            }
            reply = reply.withField(t.platform() + " " + t.accountLabel(), line.toString());
        }
        if (post.any(TargetState.FAILED, TargetState.UNKNOWN)) {
            reply = reply.withButton("Retry", "retry:" + post.shortId(), Reply.Button.Style.PRIMARY);
        }
        if (post.any(TargetState.SCHEDULED)) {
            reply = reply.withButton("Cancel", "cancel:" + post.shortId(), Reply.Button.Style.DANGER);
        }
        return draft ? DraftReplies.withNextSteps(reply, post.shortId()) : reply;
    }

    /** " (targets differ: webhook a1 published, x a2 failed)" when the targets are not all in one state, else "". */
    private static String differing(Post post) {
        if (post.targets().stream().map(Target::state).distinct().count() < 2) {
            return "";
        }
        return " (targets differ: " + post.targets().stream()
                .map(t -> t.platform() + " " + t.accountLabel() + " " + t.state().text())
                .collect(Collectors.joining(", ")) + ")";
    }

    static String snippet(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= 50 ? flat : flat.substring(0, 47) + "...";
    }
}
