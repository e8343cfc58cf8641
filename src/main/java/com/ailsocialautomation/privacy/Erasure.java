package com.ailsocialautomation.privacy;

import com.ailsocialautomation.engine.Revoker;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.PublishQueue;
import com.ailsocialautomation.store.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The steps every erasure takes, in this order: stop publishing (cancel scheduled targets and remove their queued
 * executions), revoke the tokens at the platforms, then delete and audit in one transaction. Stopping first means
 * no post goes out with a token that is being revoked; revoking before the transaction keeps slow network calls
 * out of it. A revocation that fails is queued by the {@link Revoker} and never blocks the erasure.
 */
final class Erasure {
    private static final Logger log = LoggerFactory.getLogger(Erasure.class);
    /** Shown on other people's posts that were going to an erased account. */
    static final String ERASED_ACCOUNT = "an erased account";
    static final String CANCELLED_REASON = "the account was disconnected";

    private final Revoker revoker;

    Erasure(Revoker revoker) {
        this.revoker = revoker;
    }

    /**
     * Cancels the workspace's scheduled targets that {@code where} selects (over {@code post_targets t}) and removes
     * their executions that no engine has picked yet. A picked one is in flight: the publisher finds its target
     * gone or cancelled and ends it. Returns the cancelled targets.
     */
    static List<UUID> cancelScheduled(Sql q, UUID workspaceId, String where, Object... params) {
        List<Object> all = new ArrayList<>(List.of(CANCELLED_REASON, workspaceId));
        all.addAll(List.of(params));
        List<UUID> cancelled = q.list("""
                update post_targets t set state = 'cancelled', error = ?, finished_at = now(), updated_at = now()
                where t.workspace_id = ? and t.state = 'scheduled' and (""" + where + ") returning t.id",
                rs -> rs.getObject(1, UUID.class), all.toArray());
        if (!cancelled.isEmpty()) {
            q.update("delete from scheduled_tasks where task_name = ? and picked = false and task_instance = any (?)",
                    PublishQueue.TASK_NAME, cancelled.stream().map(id -> PublishQueue.instanceId(workspaceId, id)).toList());
        }
        return cancelled;
    }

    /** Removes every queued, unpicked execution of the workspace's targets that {@code where} selects. */
    static void dropExecutions(Sql q, String where, Object... params) {
        List<Object> all = new ArrayList<>(List.of(PublishQueue.TASK_NAME));
        all.addAll(List.of(params));
        q.update("delete from scheduled_tasks where task_name = ? and picked = false and task_instance in ("
                + "select t.workspace_id || '/' || t.id from post_targets t where " + where + ")", all.toArray());
    }

    /** Revokes each account's token; returns how many could not be revoked now (queued, or impossible). */
    int revoke(List<Account> accounts) {
        int pending = 0;
        for (Account account : accounts) {
            try {
                if (!revoker.revoke(account)) {
                    pending++;
                }
            } catch (RuntimeException e) {
                // e.g. a token that no longer decrypts: nothing to send, and the erasure goes on regardless
                pending++;
                log.warn("A {} token could not be revoked during an erasure ({}); its row is erased anyway",
                        account.platform(), e.getClass().getSimpleName());
            }
        }
        return pending;
    }

    /** Deletes and says how many rows went; that number is what the audit row records. */
    static int delete(Sql tx, String from, String where, Object... params) {
        return tx.update("delete from " + from + " where " + where, params);
    }

    static int count(Sql tx, String query, Object... params) {
        return tx.one(query, rs -> rs.getInt(1), params).orElse(0);
    }
}
