package com.ailsocialautomation.command;

import com.ailsocialautomation.media.MediaStore;
import com.ailsocialautomation.media.StoredMedia;
import com.ailsocialautomation.message.PostOptions;
import com.ailsocialautomation.platform.MediaFacts;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Post;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The acceptance checks for a post AIL already holds, with the facts of its stored copies: an edit that keeps the
 * media, and a draft being scheduled or posted (accounts, rules and platforms may have changed since it was saved).
 * Returns the platforms' notices; throws a UserError when the post would be refused.
 */
final class StoredPostCheck {
    private StoredPostCheck() {}

    static Map<String, String> check(MediaStore media, PostVetting vetting, Caller caller, Post post, String text,
                                     PostOptions options, Instant when, List<Account> targets) {
        PublishRequest request = new PublishRequest(post.shortId(), text, List.of(), List.of(), null, when, options);
        if (post.mediaCount() == null) {
            PostRules.check(text, options, post.mediaUrls(), targets);
            return vetting.vet(targets, request, List.of());
        }
        List<MediaFacts> facts = media.of(caller.workspaceId(), post.id()).stream().map(StoredMedia::facts).toList();
        PostRules.checkMedia(text, options, facts, targets);
        return vetting.vet(targets, request, facts);
    }
}
