package com.ailsocialautomation.store;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.message.PlatformId;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Connected social accounts of a workspace, with their tokens encrypted under the row's own place. */
public final class Accounts {
    static final String SELECT = """
            select a.*, u.display_name as owner_name from social_accounts a
            left join chat_users u on u.id = a.owner_user_id
            """;

    /** The columns an account and its tokens are read from, besides its owner's name. */
    private static final List<String> COLUMNS = List.of("id", "workspace_id", "short_id", "platform", "external_id", "handle",
            "display_name", "avatar_url", "instance_url", "scopes", "max_characters", "token_expires_at", "status", "owner_user_id",
            "created_at", "access_token_enc", "refresh_token_enc", "refresh_expires_at", "endpoint_enc");
    /** How {@link #WITH_TOKENS_COLUMNS} names its columns, apart from those of the rows read beside them. */
    private static final String PREFIX = "sa_";

    /**
     * A target's account with its tokens as columns of a statement that reads it beside the target (see Targets#claim):
     * the statement joins {@link #joinedTo} and selects these; {@link #withTokens(ResultSet, Vault)} reads them.
     */
    static final String WITH_TOKENS_COLUMNS = String.join(", ", COLUMNS.stream().map(c -> "sa." + c + " as " + PREFIX + c).toList())
            + ", sau.display_name as " + PREFIX + "owner_name";

    /** The joins {@link #WITH_TOKENS_COLUMNS} read from, for the target row called {@code target} in the statement. */
    static String joinedTo(String target) {
        return " left join social_accounts sa on sa.workspace_id = " + target + ".workspace_id and sa.id = " + target + ".account_id"
                + " left join chat_users sau on sau.id = sa.owner_user_id ";
    }

    private final Sql sql;
    private final Vault vault;

    public Accounts(Sql sql, Vault vault) {
        this.sql = sql;
        this.vault = vault;
    }

    /**
     * Stores a newly connected account, or updates the same external account when it is connected again:
     * it keeps its id, short id and scheduled posts, and gets the new tokens and profile.
     */
    public Account connect(UUID workspaceId, UUID ownerUserId, NewAccount a, StoredTokens tokens) {
        return sql.transaction(tx -> {
            Optional<UUID> existing = tx.one("""
                    select id from social_accounts where workspace_id = ? and platform = ?
                    and instance_url is not distinct from ? and external_id = ? for update""",
                    rs -> rs.getObject(1, UUID.class), workspaceId, a.platform().id(), a.instanceUrl(), a.externalId());
            UUID id = existing.orElseGet(UUID::randomUUID);
            if (existing.isEmpty()) {
                insertWithShortId(tx, id, workspaceId, ownerUserId, a);
            } else {
                tx.update("""
                        update social_accounts set handle = ?, display_name = ?, avatar_url = ?, scopes = ?,
                        max_characters = ?, owner_user_id = ?, grantor_id = ?, status = 'active', reconnect_notified_at = null, updated_at = now()
                        where workspace_id = ? and id = ?""",
                        a.handle(), a.displayName(), a.avatarUrl(), a.scopes(), a.maxCharacters(), ownerUserId, a.grantorId(), workspaceId, id);
            }
            writeTokens(tx, workspaceId, id, tokens);
            return find(tx, workspaceId, id).orElseThrow();
        });
    }

    private static void insertWithShortId(Sql tx, UUID id, UUID workspaceId, UUID owner, NewAccount a) {
        for (int attempt = 0; ; attempt++) {
            String shortId = ShortIds.next('a');
            int inserted = tx.update("""
                    insert into social_accounts (id, workspace_id, short_id, platform, external_id, handle, display_name,
                    avatar_url, instance_url, scopes, max_characters, owner_user_id, grantor_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (workspace_id, short_id) do nothing""",
                    id, workspaceId, shortId, a.platform().id(), a.externalId(), a.handle(), a.displayName(),
                    a.avatarUrl(), a.instanceUrl(), a.scopes(), a.maxCharacters(), owner, a.grantorId());
            if (inserted == 1) {
                return;
            }
            if (attempt > 20) {
                throw new IllegalStateException("no free short id for an account");
            }
        }
    }

    public List<Account> list(UUID workspaceId) {
        return sql.list(SELECT + " where a.workspace_id = ? order by a.created_at", Accounts::account, workspaceId);
    }

    public Optional<Account> find(UUID workspaceId, UUID accountId) {
        return find(sql, workspaceId, accountId);
    }

    private static Optional<Account> find(Sql q, UUID workspaceId, UUID accountId) {
        return q.one(SELECT + " where a.workspace_id = ? and a.id = ?", Accounts::account, workspaceId, accountId);
    }

    /**
     * The accounts a reference names in this workspace: a short id, a handle (with or without @),
     * or a platform name (every account on it).
     */
    public List<Account> resolve(UUID workspaceId, String reference) {
        String ref = reference.trim().toLowerCase(Locale.ROOT);
        String bare = ref.startsWith("@") ? ref.substring(1) : ref;
        return list(workspaceId).stream().filter(a -> a.shortId().equals(ref)
                || a.platform().id().equals(ref)
                || (a.handle() != null && (a.handle().toLowerCase(Locale.ROOT).equals(bare)
                    || a.handle().toLowerCase(Locale.ROOT).equals("@" + bare)
                    || a.handle().toLowerCase(Locale.ROOT).startsWith(bare + "@")))).toList();
    }

    /**
     * Accounts, in every workspace, whose access token expires by {@code until} and that have no refresh token:
     * their owners must reconnect (LinkedIn's 60-day tokens). For the daily reminder.
     */
    public List<Account> expiringWithoutRefresh(Instant until) {
        return sql.list(SELECT + " where a.refresh_token_enc is null and a.token_expires_at is not null"
                + " and a.token_expires_at <= ? and a.owner_user_id is not null order by a.token_expires_at",
                Accounts::account, until);
    }

    /** The other accounts of the workspace connected through the same person's grant at the platform as this one. */
    public List<Account> sameGrant(UUID workspaceId, UUID accountId) {
        return sql.list(SELECT + """
                where a.workspace_id = ? and a.id <> ? and a.grantor_id is not null
                and a.grantor_id = (select grantor_id from social_accounts where workspace_id = ? and id = ?)
                order by a.created_at""", Accounts::account, workspaceId, accountId, workspaceId, accountId);
    }

    /**
     * Every account, in every workspace, connected through the grant of {@code grantorId} on one of {@code platforms}:
     * what the platform's deauthorize or data-deletion callback names. A profile connected directly (no grantor
     * recorded, as Threads connects) acts through its own grant, so its own id names it.
     */
    public List<Account> grantedBy(List<PlatformId> platforms, String grantorId) {
        return sql.list(SELECT + " where coalesce(a.grantor_id, a.external_id) = ? and a.platform = any (?) order by a.created_at",
                Accounts::account, grantorId, platforms.stream().map(PlatformId::id).toList());
    }

    /** An account with its tokens, decrypted: what a publish needs of it, in one read. */
    public record WithTokens(Account account, StoredTokens tokens) {}

    public Optional<WithTokens> findWithTokens(UUID workspaceId, UUID accountId) {
        return sql.one(SELECT + " where a.workspace_id = ? and a.id = ?",
                rs -> new WithTokens(account(rs, ""), tokens(rs, "", vault, workspaceId, accountId)), workspaceId, accountId);
    }

    /** The account read by {@link #WITH_TOKENS_COLUMNS}; empty when the row has none (disconnected). */
    static Optional<WithTokens> withTokens(ResultSet rs, Vault vault) throws SQLException {
        UUID id = rs.getObject(PREFIX + "id", UUID.class);
        return id == null ? Optional.empty() : Optional.of(new WithTokens(account(rs, PREFIX),
                tokens(rs, PREFIX, vault, rs.getObject(PREFIX + "workspace_id", UUID.class), id)));
    }

    /**
     * Active accounts, in every workspace, that have a refresh token and whose access token expires by
     * {@code until}, soonest first: the token renewal job's candidates.
     */
    public List<Account> renewableBy(Instant until) {
        return sql.list(SELECT + " where a.refresh_token_enc is not null and a.token_expires_at is not null"
                + " and a.token_expires_at <= ? and a.status = 'active' order by a.token_expires_at",
                Accounts::account, until);
    }

    public StoredTokens tokens(UUID workspaceId, UUID accountId) {
        return sql.one("select id, access_token_enc, refresh_token_enc, token_expires_at, refresh_expires_at, endpoint_enc "
                        + "from social_accounts where workspace_id = ? and id = ?", rs -> tokens(rs, "", vault, workspaceId, accountId), workspaceId, accountId)
                .orElseThrow(() -> new IllegalStateException("account " + accountId + " is gone"));
    }

    /** The row's tokens, its columns named {@code prefix} + the column. */
    private static StoredTokens tokens(ResultSet rs, String prefix, Vault vault, UUID workspaceId, UUID accountId) throws SQLException {
        Vault.Place access = new Vault.Place("social_accounts", "access_token_enc", accountId, workspaceId);
        Vault.Place refresh = new Vault.Place("social_accounts", "refresh_token_enc", accountId, workspaceId);
        Vault.Place endpoint = new Vault.Place("social_accounts", "endpoint_enc", accountId, workspaceId);
        return new StoredTokens(Secret.ofNullable(vault.decrypt(rs.getBytes(prefix + "access_token_enc"), access)),
                Secret.ofNullable(vault.decrypt(rs.getBytes(prefix + "refresh_token_enc"), refresh)),
                Sql.instant(rs, prefix + "token_expires_at"), Sql.instant(rs, prefix + "refresh_expires_at"),
                Secret.ofNullable(vault.decrypt(rs.getBytes(prefix + "endpoint_enc"), endpoint)));
    }

    public void saveTokens(UUID workspaceId, UUID accountId, StoredTokens tokens) {
        writeTokens(sql, workspaceId, accountId, tokens);
    }

    private void writeTokens(Sql q, UUID workspaceId, UUID id, StoredTokens t) {
        q.update("""
                update social_accounts set access_token_enc = ?, refresh_token_enc = ?, token_expires_at = ?,
                refresh_expires_at = ?, endpoint_enc = coalesce(?, endpoint_enc), updated_at = now()
                where workspace_id = ? and id = ?""",
                t.access() == null ? null : vault.encrypt(t.access().reveal(), new Vault.Place("social_accounts", "access_token_enc", id, workspaceId)),
                t.refresh() == null ? null : vault.encrypt(t.refresh().reveal(), new Vault.Place("social_accounts", "refresh_token_enc", id, workspaceId)),
                t.accessExpiresAt(), t.refreshExpiresAt(),
                t.endpoint() == null ? null : vault.encrypt(t.endpoint().reveal(), new Vault.Place("social_accounts", "endpoint_enc", id, workspaceId)),
                workspaceId, id);
    }

    /**
     * Replaces the tokens while holding the account's row lock, so only one refresh per account runs at a time,
     * across instances. {@code refresher} gets the tokens as they are now (another instance may have refreshed
     * them meanwhile) and returns the new ones, which are committed before anyone uses them.
     */
    public StoredTokens refreshLocked(UUID workspaceId, UUID accountId, java.util.function.UnaryOperator<StoredTokens> refresher) {
        return sql.transaction(tx -> {
            tx.one("select id from social_accounts where workspace_id = ? and id = ? for update",
                    rs -> rs.getObject(1, UUID.class), workspaceId, accountId)
                    .orElseThrow(() -> new IllegalStateException("account " + accountId + " is gone"));
            StoredTokens current = new Accounts(tx, vault).tokens(workspaceId, accountId);
            StoredTokens fresh = refresher.apply(current);
            if (fresh != current) {
                writeTokens(tx, workspaceId, accountId, fresh);
            }
            return fresh;
        });
    }

    /** Marks the account as needing a reconnect; true only the first time, so its owner is told once. */
    public boolean markNeedsReconnect(UUID workspaceId, UUID accountId) {
        return sql.update("""
                update social_accounts set status = 'needs_reconnect', reconnect_notified_at = now(), updated_at = now()
                where workspace_id = ? and id = ? and reconnect_notified_at is null""", workspaceId, accountId) == 1;
    }

    public boolean delete(UUID workspaceId, UUID accountId) {
        return sql.update("delete from social_accounts where workspace_id = ? and id = ?", workspaceId, accountId) == 1;
    }

    static Account account(ResultSet rs) throws SQLException {
        return account(rs, "");
    }

    /** The account of a row whose columns are named {@code prefix} + the column. */
    private static Account account(ResultSet rs, String prefix) throws SQLException {
        return new Account(rs.getObject(prefix + "id", UUID.class), rs.getObject(prefix + "workspace_id", UUID.class),
                rs.getString(prefix + "short_id"), PlatformId.of(rs.getString(prefix + "platform")), rs.getString(prefix + "external_id"),
                rs.getString(prefix + "handle"), rs.getString(prefix + "display_name"), rs.getString(prefix + "avatar_url"),
                rs.getString(prefix + "instance_url"), rs.getString(prefix + "scopes"), (Integer) rs.getObject(prefix + "max_characters"),
                Sql.instant(rs, prefix + "token_expires_at"), AccountStatus.of(rs.getString(prefix + "status")),
                rs.getObject(prefix + "owner_user_id", UUID.class), rs.getString(prefix + "owner_name"), Sql.instant(rs, prefix + "created_at"));
    }

}
