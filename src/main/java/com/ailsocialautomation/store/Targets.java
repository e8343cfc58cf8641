package com.ailsocialautomation.store;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The engine's view of targets: state changes guarded by the state they expect, so two instances (or a late
 * retry) can never both move the same target.
 */
public final class Targets {
    private final Sql sql;

    public Targets(Sql sql) {
        this.sql = sql;
    }

    public Optional<Target> find(UUID workspaceId, UUID targetId) {
        return sql.one("select * from post_targets where workspace_id = ? and id = ?", Posts::target, workspaceId, targetId);
    }

    /** scheduled → publishing, recorded before any request goes out. Empty when the target is not scheduled. */
    public Optional<Target> claim(UUID workspaceId, UUID targetId) {
        return sql.one("""
                update post_targets set state = 'publishing', started_at = now(), attempts = attempts + 1, updated_at = now()
                where workspace_id = ? and id = ? and state = 'scheduled' and due_at <= now() + interval '1 second'
                returning *""", Posts::target, workspaceId, targetId);
    }

    /** Another attempt of a target left in publishing, for platforms whose idempotency key makes that safe. */
    public Optional<Target> resume(UUID workspaceId, UUID targetId) {
        return sql.one("""
                update post_targets set started_at = now(), attempts = attempts + 1, updated_at = now()
                where workspace_id = ? and id = ? and state = 'publishing' returning *""", Posts::target, workspaceId, targetId);
    }

    /** publishing → published. */
    public boolean published(UUID workspaceId, UUID targetId, String externalId, String url) {
        return sql.update("""
                update post_targets set state = 'published', external_id = ?, url = ?, error = null, finished_at = now(),
                updated_at = now() where workspace_id = ? and id = ? and state = 'publishing'""",
                externalId, url, workspaceId, targetId) == 1;
    }

    /** publishing → failed or unknown, with the reason shown to people. */
    public boolean finish(UUID workspaceId, UUID targetId, TargetState state, String error) {
        return sql.update("""
                update post_targets set state = ?, error = ?, finished_at = now(), updated_at = now()
                where workspace_id = ? and id = ? and state = 'publishing'""", state.text(), error, workspaceId, targetId) == 1;
    }

    /** publishing → scheduled again, due at {@code next}, after a transient failure. */
    public boolean retryLater(UUID workspaceId, UUID targetId, Instant next, String error) {
        return sql.update("""
                update post_targets set state = 'scheduled', due_at = ?, error = ?, updated_at = now()
                where workspace_id = ? and id = ? and state = 'publishing'""", next, error, workspaceId, targetId) == 1;
    }

    /** Cancels the scheduled targets to an account that is being disconnected; returns how many. */
    public int cancelScheduledTo(UUID workspaceId, UUID accountId) {
        return sql.update("""
                update post_targets set state = 'cancelled', error = ?, finished_at = now(), updated_at = now()
                where workspace_id = ? and account_id = ? and state = 'scheduled'""", Target.ACCOUNT_GONE, workspaceId, accountId);
    }

    public long countDueNotStarted(Instant now) {
        return sql.one("select count(*) from post_targets where state = 'scheduled' and due_at <= ?",
                rs -> rs.getLong(1), now).orElse(0L);
    }
}
