package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.media.MediaStore;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.PostStatus;
import com.ailsocialautomation.store.Posts;
import com.ailsocialautomation.store.Target;
import com.ailsocialautomation.store.TargetState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * {@code post <draft>} and {@code schedule <draft>}: the draft goes through the acceptance checks again with its
 * stored text, options and media (its accounts, their rules and the platforms may have changed since it was saved),
 * then its targets leave the draft state in one transaction.
 */
final class DraftRelease {
    private final Posts posts;
    private final Accounts accounts;
    private final MediaStore media;
    private final PostVetting vetting;

    DraftRelease(Posts posts, Accounts accounts, MediaStore media, PostVetting vetting) {
        this.posts = posts;
        this.accounts = accounts;
        this.media = media;
        this.vetting = vetting;
    }

    /**
     * Releases the caller's draft {@code shortId} at {@code when}, into the state {@code admission} gives its
     * accounts; {@code scheduled} says whether the reply shows the time (schedule) or not (post now).
     */
    Reply release(Caller caller, String shortId, Instant when, boolean scheduled,
                  BiFunction<Caller, List<Account>, TargetState> admission) {
        Post draft = PostRefs.changeable(posts, caller, shortId, scheduled ? "schedule" : "post");
        if (draft.status() != PostStatus.DRAFT) {
            throw new UserError("Post " + draft.shortId() + " is " + draft.status().text() + ", not a draft; "
                    + (draft.status() == PostStatus.SCHEDULED ? "`/ail reschedule " + draft.shortId() + " at:...` moves it." : "`/ail show " + draft.shortId() + "` shows it."));
        }
        List<Account> targets = accountsOf(caller, draft);
        Map<String, String> notices = StoredPostCheck.check(media, vetting, caller, draft, draft.text(), draft.options(), when, targets);
        if (!posts.release(caller.workspaceId(), draft.id(), TargetState.DRAFT, admission.apply(caller, targets), when)) {
            throw new UserError("Draft " + draft.shortId() + " was scheduled, posted or deleted meanwhile. `/ail show "
                    + draft.shortId() + "` shows where it stands.");
        }
        Post post = posts.find(caller.workspaceId(), draft.id()).orElseThrow();
        return PostVetting.withNotices(PostRules.preview(post, targets,
                media.of(caller.workspaceId(), post.id()), caller.zone(), scheduled), notices);
    }

    /** The draft's accounts as they are now; one disconnected or needing a reconnect stops the release. */
    private List<Account> accountsOf(Caller caller, Post draft) {
        List<Account> found = new ArrayList<>();
        for (Target t : draft.targets()) {
            Account account = t.accountId() == null ? null : accounts.find(caller.workspaceId(), t.accountId()).orElse(null);
            if (account == null) {
                throw new UserError("Draft " + draft.shortId() + " was for " + t.platform() + " " + t.accountLabel()
                        + ", which is no longer connected; save a new draft for the accounts connected now (`/ail accounts`).");
            }
            if (!account.active()) {
                throw new UserError(account.label() + " needs to be reconnected first: /ail connect " + account.platform() + ".");
            }
            found.add(account);
        }
        return found;
    }
}
