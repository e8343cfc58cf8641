package com.ailsocialautomation.engine;

import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.notify.Outbox;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.Target;

import java.time.Duration;

/**
 * Tells authors what happened to their posts: a DM on failure and on unknown (always), on success when they
 * asked for it, and an update of the original reply. Each event is keyed, so it is announced once.
 */
public final class Announcer {
    private final Outbox outbox;

    public Announcer(Outbox outbox) {
        this.outbox = outbox;
    }

    public void failed(Post post, Target target, String reason) {
        Reply dm = Reply.of("Post " + post.shortId() + " failed on " + target.platform() + " (" + target.accountLabel() + "): " + reason)
                .withField("Post", post.shortId())
                .withField("Text", preview(post.text()))
                .withButton("Retry", "retry:" + post.shortId(), Reply.Button.Style.PRIMARY)
                .withButton("Cancel", "cancel:" + post.shortId(), Reply.Button.Style.DANGER);
        outbox.add(post.workspaceId(), post.authorUserId(), "failed:" + target.id() + ":" + attemptKey(target), dm, post.origin());
    }

    /** A rate limit (X's daily cap, say) holds the post back until {@code until}; it will go out then by itself. */
    public void delayed(Post post, Target target, java.time.Instant until, String reason) {
        Reply dm = Reply.of("Post " + post.shortId() + " to " + target.platform() + " (" + target.accountLabel()
                        + ") is delayed until " + until.truncatedTo(java.time.temporal.ChronoUnit.MINUTES) + " (UTC): " + reason
                        + " AIL will publish it then; Cancel if it should not go out late.")
                .withField("Post", post.shortId())
                .withButton("Cancel", "cancel:" + post.shortId(), Reply.Button.Style.DANGER);
        outbox.add(post.workspaceId(), post.authorUserId(), "delayed:" + target.id() + ":" + until.getEpochSecond(), dm, post.origin());
    }

    /** {@code why}: what left the outcome open, such as "AIL stopped while the request was in flight". */
    public void unknown(Post post, Target target, String why) {
        Reply dm = Reply.of("Post " + post.shortId() + " may or may not have been published on " + target.platform()
                        + " (" + target.accountLabel() + "): " + why + ". "
                        + "Check the account; if the post is not there, use Retry.")
                .withField("Post", post.shortId())
                .withField("Text", preview(post.text()))
                .withButton("Retry", "retry:" + post.shortId(), Reply.Button.Style.PRIMARY)
                .withButton("Cancel", "cancel:" + post.shortId(), Reply.Button.Style.DANGER);
        outbox.add(post.workspaceId(), post.authorUserId(), "unknown:" + target.id() + ":" + attemptKey(target), dm, post.origin());
    }

    /** {@code note} says what people should know when there is no link (null: nothing to add). */
    public void published(Post post, Target target, String url, String note, Duration late, boolean notifyAuthor) {
        String lateNote = late.compareTo(Duration.ofMinutes(1)) > 0
                ? " (" + late.toMinutes() + " min late: AIL was not running at the scheduled time)" : "";
        Reply message = Reply.of("Post " + post.shortId() + " is published on " + target.platform() + " ("
                + target.accountLabel() + ")" + lateNote + (url == null ? "." : ": " + url)
                + (note == null ? "" : " " + note + (note.endsWith(".") ? "" : ".")));
        if (notifyAuthor || !lateNote.isEmpty()) {
            outbox.add(post.workspaceId(), post.authorUserId(), "published:" + target.id(), message, post.origin());
        } else {
            outbox.updateOrigin(post.workspaceId(), post.authorUserId(), "published:" + target.id(), message, post.origin());
        }
    }

    /**
     * The post is live but its first comment is not (or may not be): always a DM, since the author expected the
     * comment and may want to add it by hand. {@code trouble} reads "its first comment was not posted: ...".
     */
    public void publishedWithoutComment(Post post, Target target, String url, String trouble) {
        Reply dm = Reply.of("Post " + post.shortId() + " is published on " + target.platform() + " (" + target.accountLabel() + ")"
                        + (url == null ? "" : ": " + url) + ", but " + trouble + (trouble.endsWith(".") ? "" : "."))
                .withField("Post", post.shortId());
        outbox.add(post.workspaceId(), post.authorUserId(), "published:" + target.id(), dm, post.origin());
    }

    public void needsReconnect(Account account, String reason) {
        if (account.ownerUserId() == null) {
            return;
        }
        Reply dm = Reply.of("Your " + account.platform() + " account " + account.label() + " needs to be reconnected: " + reason
                + (reason.endsWith(".") ? "" : ".") + " Run /ail connect " + account.platform() + (account.instanceUrl() == null ? "" : " " + account.instanceUrl()) + ".");
        outbox.add(account.workspaceId(), account.ownerUserId(), "reconnect:" + account.id() + ":" + account.tokenExpiresAt(), dm, null);
    }

    /** Each claim sets started_at anew, so a retried target's next outcome is a new event (attempts restart at 0). */
    private static String attemptKey(Target target) {
        return target.startedAt() == null ? Integer.toString(target.attempts()) : Long.toString(target.startedAt().toEpochMilli());
    }

    static String preview(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= 60 ? flat : flat.substring(0, 57) + "...";
    }
}
