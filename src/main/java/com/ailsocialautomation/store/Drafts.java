package com.ailsocialautomation.store;

import java.time.Instant;
import java.util.UUID;

/**
 * What only drafts (posts whose every target is {@link TargetState#DRAFT}) go through: being deleted, by their
 * author or by the retention purge. Saving, editing, listing and releasing one are {@link Posts}' own, as for any
 * post. A deleted draft's media copies go with it (they belong to the post).
 */
public final class Drafts {
    private static final String ONLY_DRAFT = """
            exists (select 1 from post_targets t where t.post_id = p.id and t.state = 'draft')
            and not exists (select 1 from post_targets t where t.post_id = p.id and t.state <> 'draft')""";

    private final Sql sql;

    public Drafts(Sql sql) {
        this.sql = sql;
    }

    /** Deletes the post if it is still a draft; false when it is not (released meanwhile) or is gone. */
    public boolean delete(UUID workspaceId, UUID postId) {
        return sql.update("delete from posts p where p.workspace_id = ? and p.id = ? and " + ONLY_DRAFT,
                workspaceId, postId) == 1;
    }

    /**
     * Deletes drafts nobody has changed since {@code cutoff} (saving and editing change one), at most {@code batch}
     * per statement, each committing on its own; returns how many went.
     */
    public int purgeUnchangedSince(Instant cutoff, int batch) {
        int total = 0;
        while (true) {
            int n = sql.update("delete from posts where id in (select p.id from posts p where p.updated_at < ? and "
                    + ONLY_DRAFT + " limit " + batch + ")", cutoff);
            total += n;
            if (n < batch) {
                return total;
            }
        }
    }
}
