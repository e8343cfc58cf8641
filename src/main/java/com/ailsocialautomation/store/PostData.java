package com.ailsocialautomation.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Posts as personal data: their targets, publish logs and queued executions. Erasing a person first stops
 * publishing (their scheduled posts, and others' scheduled posts to their accounts, are cancelled and leave the
 * queue), then deletes their posts; other people's posts that went to their accounts stay, without the account's
 * name or links.
 */
public final class PostData implements PersonalData {
    private static final String MINE = "t.post_id in (select id from posts where workspace_id = ? and author_user_id = ?)";
    private static final String MINE_OR_TO_MINE = MINE
            + " or t.account_id in (select id from social_accounts where workspace_id = ? and owner_user_id = ?)";
    private static final String SCHEDULED_POSTS = """
            select count(*) from posts p where p.workspace_id = ? and p.author_user_id = ?
            and exists (select 1 from post_targets t where t.post_id = p.id and t.state = 'scheduled')""";

    private final Sql sql;
    private final Vault vault;

    public PostData(Sql sql, Vault vault) {
        this.sql = sql;
        this.vault = vault;
    }

    public int countAuthored(UUID workspaceId, UUID userId) {
        return count(sql, "select count(*) from posts where workspace_id = ? and author_user_id = ?", workspaceId, userId);
    }

    /** The person's posts that still have a scheduled target. */
    public int countScheduled(UUID workspaceId, UUID userId) {
        return count(sql, SCHEDULED_POSTS, workspaceId, userId);
    }

    /** The workspace's posts that still have a scheduled target. */
    public int countScheduled(UUID workspaceId) {
        return count(sql, """
                select count(*) from posts p where p.workspace_id = ?
                and exists (select 1 from post_targets t where t.post_id = p.id and t.state = 'scheduled')""", workspaceId);
    }

    /** The ids of the person's posts, oldest first. */
    public List<UUID> authoredBy(UUID workspaceId, UUID userId) {
        return sql.list("select id from posts where workspace_id = ? and author_user_id = ? order by created_at",
                rs -> rs.getObject(1, UUID.class), workspaceId, userId);
    }

    /** Cancels the person's scheduled posts and other people's scheduled posts to the accounts they connected. */
    public void stopPublishing(UUID workspaceId, UUID userId) {
        cancelScheduled(sql, vault, workspaceId, MINE_OR_TO_MINE, workspaceId, userId, workspaceId, userId);
    }

    /** Cancels every scheduled post of the workspace. */
    public void stopPublishing(UUID workspaceId) {
        cancelScheduled(sql, vault, workspaceId, "true");
    }

    @Override
    public void eraseUser(Sql tx, Person person, Map<Count, Integer> counted) {
        UUID ws = person.workspace().id();
        UUID userId = person.userId();
        cancelScheduled(tx, vault, ws, MINE_OR_TO_MINE, ws, userId, ws, userId); // scheduled while their tokens were revoked
        // other people's posts that went to these accounts keep that they went, not where: no name, link, post id,
        // nor what the platform said about them
        List<String> accountIds = person.accounts().stream().map(a -> a.id().toString()).toList();
        tx.update("""
                update publish_attempts set message_enc = null where workspace_id = ? and target_id in
                (select id from post_targets where workspace_id = ? and account_id = any (?::uuid[]))""", ws, ws, accountIds);
        tx.update("""
                update post_targets set account_label = ?, url = null, external_id = null, error = null, error_enc = null
                where workspace_id = ? and account_id = any (?::uuid[])""", ERASED_ACCOUNT, ws, accountIds);
        for (Account account : person.accounts()) {
            if (account.handle() != null && !account.handle().isBlank()) {
                // a published address under the handle, on a target that did not record the account
                tx.update("""
                        update post_targets set url = null where workspace_id = ?
                        and (strpos(url, '/' || ? || '/') > 0 or strpos(url, '/@' || ? || '/') > 0
                             or right(url, length(?) + 1) = '/' || ?)""",
                        ws, account.handle(), account.handle(), account.handle(), account.handle());
                // a target of an earlier connection of the same account (disconnected since) still names it
                tx.update("update post_targets set account_label = ? where workspace_id = ? and account_id is null and account_label = ?",
                        ERASED_ACCOUNT, ws, account.handle());
            }
        }
        dropExecutions(tx, MINE, ws, userId);
        counted.merge(Count.PUBLISH_LOGS, count(tx, "select count(*) from publish_attempts a join post_targets t on t.id = a.target_id where "
                + MINE, ws, userId), Integer::sum);
        counted.merge(Count.POSTS, tx.update("delete from posts where workspace_id = ? and author_user_id = ?", ws, userId), Integer::sum);
    }

    @Override
    public void eraseWorkspace(Sql tx, Workspace workspace, Map<Count, Integer> counted) {
        UUID ws = workspace.id();
        dropExecutions(tx, "t.workspace_id = ?", ws);
        counted.merge(Count.PUBLISH_LOGS, count(tx, "select count(*) from publish_attempts where workspace_id = ?", ws), Integer::sum);
        counted.merge(Count.POSTS, tx.update("delete from posts where workspace_id = ?", ws), Integer::sum);
    }

    /**
     * Cancels the workspace's scheduled targets that {@code where} selects (over {@code post_targets t}) and removes
     * their executions that no engine has picked yet. A picked one is in flight: the publisher finds its target
     * gone or cancelled and ends it.
     */
    private static void cancelScheduled(Sql q, Vault vault, UUID workspaceId, String where, Object... params) {
        List<Object> all = new ArrayList<>(List.of(workspaceId));
        all.addAll(List.of(params));
        List<UUID> cancelled = q.list("""
                update post_targets t set state = 'cancelled', error = null, finished_at = now(), updated_at = now()
                where t.workspace_id = ? and t.state in ('scheduled', 'pending_approval') and (""" + where + ") returning t.id",
                rs -> rs.getObject(1, UUID.class), all.toArray());
        Targets.sealEach(q, vault, workspaceId, cancelled, Target.ACCOUNT_GONE);
        if (!cancelled.isEmpty()) {
            q.update("delete from scheduled_tasks where task_name = ? and picked = false and task_instance = any (?)",
                    PublishQueue.TASK_NAME, cancelled.stream().map(id -> PublishQueue.instanceId(workspaceId, id)).toList());
        }
    }

    /** Removes every queued, unpicked execution of the targets that {@code where} selects. */
    private static void dropExecutions(Sql q, String where, Object... params) {
        List<Object> all = new ArrayList<>(List.of(PublishQueue.TASK_NAME));
        all.addAll(List.of(params));
        q.update("delete from scheduled_tasks where task_name = ? and picked = false and task_instance in ("
                + "select t.workspace_id || '/' || t.id from post_targets t where " + where + ")", all.toArray());
    }

    private static int count(Sql q, String query, Object... params) {
        return q.one(query, rs -> rs.getInt(1), params).orElse(0);
    }
}
