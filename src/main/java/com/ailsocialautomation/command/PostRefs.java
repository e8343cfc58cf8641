package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.Posts;

/** Finds a post by short id in the caller's workspace and checks the caller may change it. */
final class PostRefs {
    private PostRefs() {}

    static Post find(Posts posts, Caller caller, String shortId) {
        return posts.find(caller.workspaceId(), shortId).orElseThrow(() -> new UserError(
                "No post '" + shortId + "' in this workspace. `/ail list` shows recent posts with their ids."));
    }

    static Post changeable(Posts posts, Caller caller, String shortId, String action) {
        Post post = find(posts, caller, shortId);
        if (!caller.mayChange(post.authorUserId())) {
            throw new UserError("Only " + (post.authorName() == null ? "its author" : post.authorName())
                    + " or a workspace admin can " + action + " post " + post.shortId() + ".");
        }
        return post;
    }
}
