package com.ailsocialautomation.media;

import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.PersonalData;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.Workspace;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Media copies as personal data. A person's erasure deletes the copies of their posts, and of other people's posts
 * that can no longer be sent because they went to the person's accounts; a workspace's removal deletes all of its
 * copies. (Deleting a post would take its media with it; these statements do not rely on that.)
 */
public final class MediaData implements PersonalData {
    private final MediaStore store;

    public MediaData(MediaStore store) {
        this.store = store;
    }

    @Override
    public void eraseUser(Sql tx, Person person, Map<Count, Integer> counted) {
        UUID ws = person.workspace().id();
        tx.update("delete from media_items where workspace_id = ? and post_id in "
                + "(select id from posts where workspace_id = ? and author_user_id = ?)", ws, ws, person.userId());
        List<UUID> accounts = person.accounts().stream().map(Account::id).toList();
        if (!accounts.isEmpty()) {
            store.dropUnsendableTo(tx, ws, accounts);
        }
    }

    @Override
    public void eraseWorkspace(Sql tx, Workspace workspace, Map<Count, Integer> counted) {
        tx.update("delete from media_items where workspace_id = ?", workspace.id());
    }
}
