package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.media.Copies;
import com.ailsocialautomation.media.MediaIntake;
import com.ailsocialautomation.media.MediaStore;
import com.ailsocialautomation.media.StoredMedia;
import com.ailsocialautomation.message.PostOptions;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.net.UrlGuard;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.PostStatus;
import com.ailsocialautomation.store.Posts;

import java.util.List;
import java.util.Map;

/**
 * {@code edit} of a scheduled post: new text (else the old stays); {@code media:} links or chat files replace the
 * post's media, copied now like a new post's and checked with their facts for every target, the old copies going
 * in the same transaction that stores the new ones; {@code alt:} alone re-describes the existing items in order.
 * Platforms that must be asked before a post is accepted ({@link PostVetting}) are asked again about the edited post.
 */
final class PostEdit {
    private final Posts posts;
    private final UrlGuard guard;
    private final MediaIntake intake;
    private final MediaStore media;
    private final PostVetting vetting;
    private final ApprovalStep approval;

    PostEdit(Posts posts, UrlGuard guard, MediaIntake intake, MediaStore media, PostVetting vetting, ApprovalStep approval) {
        this.approval = approval;
        this.posts = posts;
        this.guard = guard;
        this.intake = intake;
        this.media = media;
        this.vetting = vetting;
    }

    Reply edit(Caller caller, ParsedCommand command, Post post, List<Account> targets) {
        String text = command.text().isBlank() ? post.text() : command.text();
        List<String> links = command.options("media");
        List<String> alts = command.options("alt");
        PostOptions changes = PostOptionInput.of(command);
        PostOptions options = changes.isEmpty() ? null : post.options().replacedBy(changes);
        if (options != null) {
            PostRules.checkOptions(changes, targets); // the options it names; the others were checked when given
        }
        PostOptions shaped = options == null ? post.options() : options; // each target's text is checked as it will go
        // an edit (text, media, options) by someone who is not an approver sends the post back for approval
        ApprovalGate.Need need = approval.check(caller, targets);
        boolean changed;
        String what;
        Map<String, String> notices;
        if (!links.isEmpty() || !command.files().isEmpty()) {
            PostCommands.requireLocalFilesFromConsole(caller, command);
            InputLimits.checkMediaCount(links.size() + command.files().size());
            PostRules.precheck(text, shaped, links, command.files().size(), targets); // before any download
            guard.checkAll(links);
            try (Copies copies = intake.copy(links, command.files(), alts, PostRules.maxBytes(targets))) {
                PostRules.checkMedia(text, shaped, copies.facts(), targets);
                notices = vetting.vet(targets, draft(post, text, options), copies.facts());
                changed = posts.edit(caller.workspaceId(), post.id(), text, options, copies.items().size(),
                        ApprovalStep.attach(caller, need, (tx, postId) -> media.replace(tx, caller.workspaceId(), postId, copies)));
                what = copies.items().size() == 1 ? "1 image or video" : copies.items().size() + " images and videos";
            }
        } else {
            List<StoredMedia> items = post.mediaCount() == null ? List.of() : media.of(caller.workspaceId(), post.id());
            if (alts.size() > items.size()) {
                throw new UserError("Post " + post.shortId() + " has " + (items.isEmpty() ? "no copied media" : items.size() == 1
                        ? "1 image or video" : items.size() + " images and videos") + " to describe; give one alt: per item, in order.");
            }
            notices = StoredPostCheck.check(media, vetting, caller, post, text, options == null ? post.options() : options,
                    post.scheduledAt(), targets);
            changed = posts.edit(caller.workspaceId(), post.id(), text, options, null,
                    ApprovalStep.attach(caller, need, (tx, postId) -> media.describe(tx, caller.workspaceId(), postId, alts)));
            what = alts.isEmpty() ? null : "new alt text";
        }
        if (options != null) {
            what = (what == null ? "" : what + " and ") + String.join(" ", changes.typed());
        }
        if (!changed) {
            throw new UserError("Post " + post.shortId() + " started publishing meanwhile; it can no longer be edited.");
        }
        Reply reply = PostVetting.withNotices(Reply.of((post.status() == PostStatus.DRAFT ? "Draft " : "Post ") + post.shortId() + (what == null ? "" : " has " + what + " and")
                + " now reads: " + text), notices);
        return approval.afterward(caller, posts.find(caller.workspaceId(), post.id()).orElse(post), reply);
    }

    /** The post as it will go after the edit, for the platforms that are asked before it is accepted. */
    private static PublishRequest draft(Post post, String text, PostOptions options) {
        return new PublishRequest(post.shortId(), text, List.of(), List.of(), null, post.scheduledAt(),
                options == null ? post.options() : options);
    }
}
