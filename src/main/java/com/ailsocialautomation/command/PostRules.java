package com.ailsocialautomation.command;

import com.ailsocialautomation.platform.MediaFacts;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.message.PostOptions;
import com.ailsocialautomation.media.StoredMedia;
import com.ailsocialautomation.message.Reply;

import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.Target;
import com.ailsocialautomation.schedule.Times;

import java.time.ZoneId;
import java.util.List;

/** Connects stored accounts to the validator and the preview. */
final class PostRules {
    private PostRules() {}

    /** Before any media is fetched, with only media:&lt;url&gt; links (no files). */
    static void check(String text, PostOptions options, List<String> media, List<Account> accounts) {
        precheck(text, options, media, 0, accounts);
    }

    /**
     * Before any media is fetched: each target's text (its own with text.&lt;platform&gt;:, part by part in a
     * thread), the links' shape and how many items (links and files) there are.
     */
    static void precheck(String text, PostOptions options, List<String> links, int files, List<Account> accounts) {
        PostValidator.precheck(text, options, links, files, targets(accounts));
    }

    /** Refuses an option none of the accounts uses, and a privacy value one of them does not have. */
    static void checkOptions(PostOptions options, List<Account> accounts) {
        PostOptionInput.check(options, targets(accounts));
    }

    /** Everything, with the facts read from AIL's copy of the media, in the post's order. */
    static void checkMedia(String text, PostOptions options, List<MediaFacts> media, List<Account> accounts) {
        PostValidator.check(text, options, media, targets(accounts));
    }

    /** The largest file any of these accounts' platforms takes: the intake's download stops there. */
    static long maxBytes(List<Account> accounts) {
        return PostValidator.maxBytes(targets(accounts));
    }

    /**
     * The reply to an accepted post: its short id, the preview, and a Cancel button while it waits. {@code media}:
     * AIL's copies of its media, listed as they will be sent.
     */
    static Reply preview(Post post, List<Account> accounts, List<StoredMedia> media, ZoneId zone, boolean scheduled) {
        Reply preview = Preview.of(post.text(), post.options(), targets(accounts), scheduled ? post.scheduledAt() : null,
                zone, false);
        Reply reply = new Reply("Post " + post.shortId() + " · " + preview.text(), preview.fields(), preview.buttons(),
                preview.ephemeral(), null, null);
        reply = withMedia(reply, post, media);
        return scheduled ? reply.withButton("Cancel", "cancel:" + post.shortId(), Reply.Button.Style.DANGER) : reply;
    }

    /** The post's media as a preview lists them; a thread's media go with its first part. */
    static Reply withMedia(Reply reply, Post post, List<StoredMedia> media) {
        String thread = reply.text().contains(" · thread of ") ? "\n(with the first part of the thread)" : "";
        if (!media.isEmpty()) {
            return reply.withField("Media", MediaLines.of(media) + thread);
        }
        // the links of a post from before copies, fetched when it is due
        return post.mediaUrls().isEmpty() ? reply : reply.withField("Media", String.join("\n", post.mediaUrls()) + thread);
    }

    /** The preview of a queued post, whose "When" says when each target goes (each at its account's own slot). */
    static Reply eachWhen(Reply preview, List<Target> targets, ZoneId zone) {
        String each = targets.stream().map(t -> t.platform() + " " + t.accountLabel() + ": " + Times.format(t.dueAt(), zone))
                .collect(java.util.stream.Collectors.joining("\n"));
        List<Reply.Field> fields = preview.fields().stream()
                .map(f -> f.label().equals("When") ? new Reply.Field("When (queued)", each) : f).toList();
        return new Reply(preview.text(), fields, preview.buttons(), preview.ephemeral(), preview.file(), preview.form());
    }

    static List<Destination> targets(List<Account> accounts) {
        return accounts.stream().map(a -> new Destination(a.handle() == null ? a.shortId() : a.handle(), Platform.of(a.platform()),
                a.maxCharacters())).toList();
    }
}
