package com.ailsocialautomation.store;

import java.util.Map;

/**
 * Series as personal data: a person's series (their texts) go when they are erased, and every series of a workspace
 * AIL leaves. Their occurrences are posts, which {@link PostData} erases.
 */
public final class SeriesData implements PersonalData {
    @Override
    public void eraseUser(Sql tx, Person person, Map<Count, Integer> counted) {
        tx.update("delete from post_series where workspace_id = ? and author_user_id = ?", person.workspace().id(), person.userId());
    }

    @Override
    public void eraseWorkspace(Sql tx, Workspace workspace, Map<Count, Integer> counted) {
        tx.update("delete from post_series where workspace_id = ?", workspace.id());
    }
}
