package com.ailsocialautomation.engine;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.media.MediaStore;
import com.ailsocialautomation.media.StoredMedia;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaItem;
import com.ailsocialautomation.store.Post;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Where a post's media come from when it is published: AIL's own copies, made when the post was accepted, so the
 * source may be long gone. A post accepted before AIL copied media has only its links, which are fetched now
 * through the guard, as they were then.
 */
public final class PostMedia {
    /**
     * A post's media to upload, what a receiver that uploads nothing is told about each, and what names each item's
     * source (a copy's id, a link), so the pipeline knows an item it uploaded before.
     */
    record Loaded(List<Media> media, List<MediaItem> items, List<String> keys) {}

    private final MediaStore store;
    private final MediaSource links;

    public PostMedia(MediaStore store, MediaSource links) {
        this.store = store;
        this.links = links;
    }

    /**
     * @param target the target they are for: a public link made for one of them ends when that target finishes
     * @param fetch  whether the platform takes uploads; a post from before copies is only downloaded then
     */
    Loaded load(Post post, UUID target, boolean fetch) {
        if (post.mediaCount() == null) {
            List<Media> fetched = fetch ? post.mediaUrls().stream().map(links::fetch).toList() : List.of();
            List<MediaItem> items = new ArrayList<>();
            for (int i = 0; i < post.mediaUrls().size(); i++) {
                String url = post.mediaUrls().get(i);
                // a receiver that uploads nothing gets the link as before, its facts unread
                items.add(fetch ? MediaItem.of(fetched.get(i), url) : new MediaItem(null, null, null, url));
            }
            return new Loaded(fetched, items, post.mediaUrls().subList(0, fetched.size()));
        }
        if (post.mediaCount() == 0) {
            return new Loaded(List.of(), List.of(), List.of()); // most posts: no need to ask the store
        }
        List<StoredMedia> stored = store.of(post.workspaceId(), post.id());
        if (stored.size() < post.mediaCount()) {
            throw new UserError("AIL no longer keeps the media of post " + post.shortId()
                    + " (they are deleted once a post has finished and the retention period has passed); post it again with them.");
        }
        List<MediaItem> items = stored.stream().map(m -> MediaItem.of(m, m.sourceUrl())).toList();
        return new Loaded(stored.stream().map(m -> (Media) m.sentTo(target)).toList(), items, stored.stream().map(m -> m.id().toString()).toList());
    }
}
