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
 * copies. (Deleting a post would take its media with it; these statements do not rely on that, and they run
 * before the posts go, so the erasure counts the copies it removed.)
 */
public final class MediaData implements PersonalData {
    private final MediaStore store;

    public MediaData(MediaStore store) {
        this.store = store;
    }

    @Override
    public void eraseUser(Sql tx, Person person, Map<Count, Integer> counted) {
        UUID ws = person.workspace().id();
        counted.merge(Count.MEDIA, tx.update("delete from media_items where workspace_id = ? and post_id in "
                + "(select id from posts where workspace_id = ? and author_user_id = ?)", ws, ws, person.userId()), Integer::sum);
        List<UUID> accounts = person.accounts().stream().map(Account::id).toList();
        if (!accounts.isEmpty()) {
            counted.merge(Count.MEDIA, store.dropUnsendableTo(tx, ws, accounts), Integer::sum);
        }
    }

    @Override
    public void eraseWorkspace(Sql tx, Workspace workspace, Map<Count, Integer> counted) {
        counted.merge(Count.MEDIA, tx.update("delete from media_items where workspace_id = ?", workspace.id()), Integer::sum);
    }
}
