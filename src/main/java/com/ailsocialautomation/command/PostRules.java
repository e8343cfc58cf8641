package com.ailsocialautomation.command;

import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.message.Reply;

import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Post;

import java.time.ZoneId;
import java.util.List;

/** Connects stored accounts to the validator and the preview. */
final class PostRules {
    private PostRules() {}

    static void check(String text, List<String> media, List<Account> accounts) {
        PostValidator.check(text, media, targets(accounts));
    }

    /** The reply to an accepted post: its short id, the preview, and a Cancel button while it waits. */
    static Reply preview(Post post, List<Account> accounts, ZoneId zone, boolean scheduled) {
        Reply preview = Preview.of(post.text(), targets(accounts), scheduled ? post.scheduledAt() : null, zone, false);
        Reply reply = new Reply("Post " + post.shortId() + " · " + preview.text(), preview.fields(), preview.buttons(),
                preview.ephemeral(), null, null);
        return scheduled ? reply.withButton("Cancel", "cancel:" + post.shortId(), Reply.Button.Style.DANGER) : reply;
    }

    static List<Destination> targets(List<Account> accounts) {
        return accounts.stream().map(a -> new Destination(a.handle() == null ? a.shortId() : a.handle(), Platform.of(a.platform()),
                a.maxCharacters())).toList();
    }
}
