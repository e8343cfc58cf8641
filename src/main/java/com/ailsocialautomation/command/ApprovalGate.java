package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.AccountPolicies;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.PostingPolicy;
import com.ailsocialautomation.store.Target;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Who may post to which account, and who approves: the check every accepted post and every edit passes. An
 * account's approvers are the people listed for it, or the workspace's admins when none are. A post waits when its
 * author is not an approver of an account with posting:approval; the people who may decide it are those who approve
 * every such account of the post, so one decision covers the whole post.
 */
public final class ApprovalGate {
    /** What acceptance found: whether the post waits, and who is asked (empty when it does not wait). */
    public record Need(boolean waits, List<ChatUser> approvers) {
        static final Need NONE = new Need(false, List.of());
    }

    private final AccountPolicies policies;
    private final Accounts accounts;

    public ApprovalGate(AccountPolicies policies, Accounts accounts) {
        this.policies = policies;
        this.accounts = accounts;
    }

    /** Refuses an account the caller may not post to; says whether the post waits and for whom. */
    public Need check(Caller caller, List<Account> targets) {
        List<Account> gated = new ArrayList<>();
        for (Account account : targets) {
            AccountPolicies.Policy policy = policies.of(caller.workspaceId(), account.id());
            if (policy.posting() == PostingPolicy.OWNER_AND_ADMINS && !caller.admin()
                    && !caller.user().id().equals(account.ownerUserId())) {
                throw new UserError("Only " + (account.ownerName() == null ? "the person who connected it" : account.ownerName())
                        + " and workspace admins may post to " + account.label() + " (posting:owner-and-admins); ask one of them.");
            }
            if (policy.posting() == PostingPolicy.APPROVAL && !approves(caller, policy)) {
                gated.add(account);
            }
        }
        if (gated.isEmpty()) {
            return Need.NONE;
        }
        List<ChatUser> deciders = deciders(caller.workspaceId(), gated);
        boolean adminsOnly = gated.stream().allMatch(a -> policies.of(caller.workspaceId(), a.id()).adminsApprove());
        // no admin has used AIL yet: the post still waits, and any admin may decide it when they come
        if (deciders.isEmpty() && !adminsOnly) {
            throw new UserError("No one approves all of " + String.join(", ", gated.stream().map(Account::label).toList())
                    + " (see `/ail accounts`); post to them separately, or ask an admin to set their approvers:.");
        }
        return new Need(true, deciders);
    }

    /** Whether the caller may decide the post: an approver of each of its accounts that needs approval now. */
    public boolean mayDecide(Caller caller, Post post) {
        List<AccountPolicies.Policy> gated = gatedPolicies(caller.workspaceId(), post);
        if (gated.isEmpty()) {
            return caller.adminAsKnown(); // its accounts no longer ask for approval: the admins release what waits
        }
        return gated.stream().allMatch(p -> approves(caller, p));
    }

    /** The people who may decide the post, to ask them. */
    public List<ChatUser> deciders(Caller caller, Post post) {
        return deciders(caller.workspaceId(), post);
    }

    /** The people who may decide the post, when no one asks (the late reminder). */
    public List<ChatUser> deciders(UUID workspaceId, Post post) {
        List<Account> gated = accountsOf(workspaceId, post).stream()
                .filter(a -> policies.of(workspaceId, a.id()).posting() == PostingPolicy.APPROVAL).toList();
        return gated.isEmpty() ? policies.admins(workspaceId) : deciders(workspaceId, gated);
    }

    /** The post's accounts still connected. */
    public List<Account> accountsOf(UUID workspaceId, Post post) {
        return post.targets().stream().map(Target::accountId).filter(Objects::nonNull).distinct()
                .map(id -> accounts.find(workspaceId, id).orElse(null)).filter(Objects::nonNull).toList();
    }

    static boolean approves(Caller caller, AccountPolicies.Policy policy) {
        return policy.adminsApprove() ? caller.adminAsKnown() : policy.approver(caller.user().id());
    }

    private List<AccountPolicies.Policy> gatedPolicies(UUID workspaceId, Post post) {
        return accountsOf(workspaceId, post).stream().map(a -> policies.of(workspaceId, a.id()))
                .filter(p -> p.posting() == PostingPolicy.APPROVAL).toList();
    }

    /** Those who approve every one of {@code gated}: the listed approvers they share, admins standing for an empty list. */
    private List<ChatUser> deciders(UUID workspaceId, List<Account> gated) {
        Map<UUID, ChatUser> common = null;
        for (Account account : gated) {
            AccountPolicies.Policy policy = policies.of(workspaceId, account.id());
            List<ChatUser> these = policy.adminsApprove() ? policies.admins(workspaceId) : policy.approvers();
            Map<UUID, ChatUser> byId = new LinkedHashMap<>();
            these.forEach(u -> byId.put(u.id(), u));
            if (common == null) {
                common = byId;
            } else {
                common.keySet().retainAll(byId.keySet());
            }
        }
        return common == null ? List.of() : List.copyOf(common.values());
    }
}
