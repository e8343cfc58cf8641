package com.ailsocialautomation.store;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may post to each account: its {@link PostingPolicy} (a column of the account) and its approvers (people of
 * the same workspace; none listed means the workspace's admins). Also finds the people an {@code approvers:} list
 * names, always within one workspace.
 */
public final class AccountPolicies {
    /** An account's policy; {@code approvers} empty: the workspace's admins approve. */
    public record Policy(PostingPolicy posting, List<ChatUser> approvers) {
        public Policy {
            approvers = List.copyOf(approvers);
        }

        public boolean adminsApprove() {
            return approvers.isEmpty();
        }

        public boolean approver(UUID userId) {
            return approvers.stream().anyMatch(u -> u.id().equals(userId));
        }
    }

    private final Sql sql;

    public AccountPolicies(Sql sql) {
        this.sql = sql;
    }

    public Policy of(UUID workspaceId, UUID accountId) {
        PostingPolicy posting = sql.one("select posting from social_accounts where workspace_id = ? and id = ?",
                rs -> PostingPolicy.of(rs.getString(1)), workspaceId, accountId).orElse(PostingPolicy.ANYONE);
        List<ChatUser> approvers = sql.list("""
                select u.* from account_approvers a join chat_users u on u.id = a.user_id
                where a.workspace_id = ? and a.account_id = ? order by u.display_name, u.external_id""",
                Workspaces::user, workspaceId, accountId);
        return new Policy(posting, approvers);
    }

    public void setPosting(UUID workspaceId, UUID accountId, PostingPolicy posting) {
        sql.update("update social_accounts set posting = ?, updated_at = now() where workspace_id = ? and id = ?",
                posting.word(), workspaceId, accountId);
    }

    /** Replaces the account's approvers with {@code userIds} (people of its workspace); empty: back to the admins. */
    public void setApprovers(UUID workspaceId, UUID accountId, List<UUID> userIds) {
        sql.transaction(tx -> {
            tx.update("delete from account_approvers where workspace_id = ? and account_id = ?", workspaceId, accountId);
            for (UUID userId : userIds) {
                tx.update("""
                        insert into account_approvers (account_id, workspace_id, user_id)
                        select ?, ?, id from chat_users where workspace_id = ? and id = ? on conflict do nothing""",
                        accountId, workspaceId, workspaceId, userId);
            }
            return null;
        });
    }

    /**
     * The person with this chat id in the workspace, recorded (without a name) if AIL has not met them yet: a
     * mention in the workspace's own chat names one of its members.
     */
    public ChatUser member(UUID workspaceId, String externalId) {
        sql.update("insert into chat_users (id, workspace_id, external_id) values (?, ?, ?) on conflict (workspace_id, external_id) do nothing",
                UUID.randomUUID(), workspaceId, externalId);
        return sql.one("select * from chat_users where workspace_id = ? and external_id = ?", Workspaces::user,
                workspaceId, externalId).orElseThrow();
    }

    /** The people AIL knows in the workspace under this chat id or display name (case aside). */
    public List<ChatUser> named(UUID workspaceId, String name) {
        return sql.list("select * from chat_users where workspace_id = ? and (external_id = ? or lower(display_name) = ?)",
                Workspaces::user, workspaceId, name, name.toLowerCase(Locale.ROOT));
    }

    /** The workspace's admins as last seen: asked when an account has no approvers of its own. */
    public List<ChatUser> admins(UUID workspaceId) {
        return sql.list("select * from chat_users where workspace_id = ? and admin order by created_at", Workspaces::user, workspaceId);
    }

    /** The person, if they are still in the workspace. */
    public Optional<ChatUser> person(UUID workspaceId, UUID userId) {
        return sql.one("select * from chat_users where workspace_id = ? and id = ?", Workspaces::user, workspaceId, userId);
    }
}
