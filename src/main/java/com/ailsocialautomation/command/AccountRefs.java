package com.ailsocialautomation.command;

import com.ailsocialautomation.DidYouMean;
import com.ailsocialautomation.UserError;
import com.ailsocialautomation.schedule.Echo;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Turns what people type after to: (short ids, handles, platform names) into accounts of their workspace. */
final class AccountRefs {
    private AccountRefs() {}

    /** Exactly one account, or a UserError that says what to type instead. */
    static Account one(Accounts accounts, UUID workspaceId, String reference) {
        List<Account> found = accounts.resolve(workspaceId, reference);
        if (found.isEmpty()) {
            throw unknown(accounts, workspaceId, reference);
        }
        if (found.size() > 1) {
            throw new UserError("'" + reference + "' matches " + found.size() + " accounts ("
                    + String.join(", ", found.stream().map(Account::shortId).toList()) + "); use the short id.");
        }
        return found.get(0);
    }

    /** The targets of a post: the to: list, or the workspace's only account when to: is left out. */
    static List<Account> targets(Accounts accounts, UUID workspaceId, String toList) {
        if (toList == null || toList.isBlank()) {
            List<Account> all = accounts.list(workspaceId);
            if (all.isEmpty()) {
                throw new UserError("No accounts are connected in this workspace yet. Connect one with `/ail connect <platform>` first.");
            }
            if (all.size() > 1) {
                throw new UserError("This workspace has " + all.size() + " accounts; say which with to: (e.g. to:"
                        + all.get(0).shortId() + "," + all.get(1).platform() + "). `/ail accounts` lists them.");
            }
            return all;
        }
        // each distinct name is looked up once, and only a bounded number of them
        Map<String, String> refs = new LinkedHashMap<>();
        for (String ref : toList.split(",")) {
            if (!ref.isBlank()) {
                refs.putIfAbsent(ref.strip().toLowerCase(Locale.ROOT), ref.strip());
            }
        }
        if (refs.size() > InputLimits.MAX_TARGETS) {
            throw new UserError("to: names " + refs.size() + " accounts; a post goes to at most "
                    + InputLimits.MAX_TARGETS + " at once, so name fewer (a platform name with :* such as "
                    + "to:mastodon:* takes all of its accounts).");
        }
        Set<Account> chosen = new LinkedHashSet<>();
        for (String ref : refs.values()) {
            boolean all = ref.endsWith(":*");
            String name = all ? ref.substring(0, ref.length() - 2) : ref;
            List<Account> found = accounts.resolve(workspaceId, name);
            if (found.isEmpty()) {
                throw unknown(accounts, workspaceId, name);
            }
            if (found.size() > 1 && !all) {
                // a platform name with several accounts: publishing to all of them by accident is not undone
                throw new UserError("This workspace has " + found.size() + " " + Echo.of(name) + " accounts ("
                        + found.stream().map(Account::label).collect(Collectors.joining(", "))
                        + "); say which with its id, e.g. to:" + found.get(0).shortId() + ", or all of them with to:"
                        + Echo.of(name) + ":*.");
            }
            chosen.addAll(found);
        }
        if (chosen.isEmpty()) {
            throw new UserError("to: names no account. Example: to:a7k2q,mastodon");
        }
        return new ArrayList<>(chosen);
    }

    /** The workspace's account ids, handles and platforms are what a mistyped reference was probably meant to be. */
    private static UserError unknown(Accounts accounts, UUID workspaceId, String reference) {
        Set<String> names = new LinkedHashSet<>();
        for (Account a : accounts.list(workspaceId)) {
            names.add(a.shortId());
            names.add(a.platform().id());
            if (a.handle() != null) {
                names.add(a.handle());
            }
        }
        String typed = reference.strip();
        String hint = DidYouMean.hint(typed, names, Commands.PLATFORM_ALIASES);
        return new UserError("No account '" + Echo.of(typed) + "' in this workspace" + (hint.isEmpty() ? "." : hint)
                + " `/ail accounts` lists them.");
    }
}
