package com.ailsocialautomation.command;

import com.ailsocialautomation.media.StoredMedia;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Post;

import java.time.ZoneId;
import java.util.List;

/** What a saved draft looks like to its author: the preview as for any post, without a time, and what to do next. */
final class DraftReplies {
    private DraftReplies() {}

    static Reply saved(Post draft, List<Account> accounts, List<StoredMedia> media, ZoneId zone) {
        List<Destination> targets = PostRules.targets(accounts);
        Reply preview = Preview.of(draft.text(), draft.options(), targets, null, zone, false);
        // the preview's headline says when it publishes; a draft does not, so only its text part is kept
        String shown = preview.text().substring(preview.text().indexOf("\n\n") + 2);
        String where = String.join(", ", targets.stream().map(Destination::who).toList());
        Reply reply = new Reply("Saved draft " + draft.shortId() + " for " + where + " (not scheduled; nothing is published)\n\n"
                + shown, preview.fields().stream().filter(f -> !f.label().equals("When")).toList(), List.of(), true, null, null);
        return withNextSteps(PostRules.withMedia(reply, draft, media), draft.shortId());
    }

    /** The commands and buttons that take a draft further. */
    static Reply withNextSteps(Reply reply, String id) {
        return reply.withField("Next", "`/ail schedule " + id + " at:\"tomorrow 09:00\"` schedules it, `/ail post " + id
                        + "` publishes it now, `/ail edit " + id + " <new text>` changes it, `/ail cancel " + id + "` deletes it.")
                .withButton("Post now", PostCommands.POST_DRAFT + ":" + id, Reply.Button.Style.PRIMARY)
                .withButton("Schedule…", PostCommands.SCHEDULE_DRAFT + ":" + id, Reply.Button.Style.DEFAULT)
                .withButton("Delete", "cancel:" + id, Reply.Button.Style.DANGER);
    }
}
