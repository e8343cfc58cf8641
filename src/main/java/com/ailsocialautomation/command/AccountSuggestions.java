package com.ailsocialautomation.command;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.Workspaces;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The accounts a person may mean while typing an account option (Discord's autocomplete, a select menu): those
 * of their workspace whose short id or platform starts with what they typed, or whose handle contains it. Read-only: a workspace that
 * has never run a command has none, and none is created.
 */
public final class AccountSuggestions {
    /** {@code value} is what the command layer resolves (the short id); {@code label} is what people read. */
    public record Suggestion(String value, String label) {}

    private final Workspaces workspaces;
    private final Accounts accounts;

    public AccountSuggestions(Workspaces workspaces, Accounts accounts) {
        this.workspaces = workspaces;
        this.accounts = accounts;
    }

    public List<Suggestion> suggest(FrontEnd frontEnd, String workspaceExternalId, String typed, int max) {
        Optional<UUID> workspace = workspaces.find(frontEnd, workspaceExternalId);
        if (workspace.isEmpty()) {
            return List.of();
        }
        String needle = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return accounts.list(workspace.get()).stream()
                .filter(a -> needle.isEmpty() || matches(a, needle))
                .limit(max)
                .map(a -> new Suggestion(a.shortId(), a.label() + (a.active() ? "" : " — needs reconnect")))
                .toList();
    }

    private static boolean matches(Account account, String needle) {
        String bare = needle.startsWith("@") ? needle.substring(1) : needle;
        return account.shortId().startsWith(bare) || account.platform().id().startsWith(bare)
                || account.handle() != null && account.handle().toLowerCase(Locale.ROOT).contains(bare);
    }
}
