package com.ailsocialautomation.store;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Connected accounts as personal data: they belong to the person who connected them. */
public final class AccountData implements PersonalData {
    private final Sql sql;

    public AccountData(Sql sql) {
        this.sql = sql;
    }

    public int countOwned(UUID workspaceId, UUID userId) {
        return sql.one("select count(*) from social_accounts where workspace_id = ? and owner_user_id = ?",
                rs -> rs.getInt(1), workspaceId, userId).orElse(0);
    }

    /** The accounts the person connected, locked until the erasure's transaction ends. */
    public List<Account> lockOwned(Sql tx, UUID workspaceId, UUID userId) {
        return tx.list(Accounts.SELECT + " where a.workspace_id = ? and a.owner_user_id = ? order by a.created_at for update of a",
                Accounts::account, workspaceId, userId);
    }

    @Override
    public void eraseUser(Sql tx, Person person, Map<Count, Integer> counted) {
        counted.merge(Count.ACCOUNTS, tx.update("delete from social_accounts where workspace_id = ? and id = any (?::uuid[])",
                person.workspace().id(), person.accounts().stream().map(a -> a.id().toString()).toList()), Integer::sum);
    }

    @Override
    public void eraseWorkspace(Sql tx, Workspace workspace, Map<Count, Integer> counted) {
        counted.merge(Count.ACCOUNTS, tx.update("delete from social_accounts where workspace_id = ?", workspace.id()), Integer::sum);
    }
}
