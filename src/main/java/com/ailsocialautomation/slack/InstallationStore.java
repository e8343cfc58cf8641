package com.ailsocialautomation.slack;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.Vault;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Installations in PostgreSQL, keyed by (enterprise id, team id, org-wide flag). Bot and refresh tokens are
 * encrypted with the Vault, bound to their row, so a token copied to another installation does not open.
 */
final class InstallationStore {
    private static final String TABLE = "slack_installations";

    private final Sql sql;
    private final Vault vault;

    InstallationStore(Sql sql, Vault vault) {
        this.sql = sql;
        this.vault = vault;
    }

    /** Inserts or replaces the installation with the same key; returns it with its row id. */
    Installation save(Installation i) {
        return sql.transaction(tx -> {
            UUID id = tx.one("select id from " + TABLE + " where coalesce(enterprise_id, '') = coalesce(?, '') "
                            + "and coalesce(team_id, '') = coalesce(?, '') and is_enterprise_install = ? for update",
                    rs -> rs.getObject(1, UUID.class), i.enterpriseId(), i.teamId(), i.orgWide()).orElse(null);
            if (id == null) {
                id = UUID.randomUUID();
                tx.update("insert into " + TABLE + " (id, enterprise_id, team_id, is_enterprise_install) values (?, ?, ?, ?)",
                        id, i.enterpriseId(), i.teamId(), i.orgWide());
            }
            tx.update("update " + TABLE + " set team_name = ?, app_id = ?, bot_id = ?, bot_user_id = ?, bot_scopes = ?, "
                            + "installer_user_id = ?, installed_at = now(), updated_at = now() where id = ?",
                    i.teamName(), i.appId(), i.botId(), i.botUserId(), i.botScopes(), i.installerUserId(), id);
            writeTokens(tx, id, i.botToken(), i.refreshToken(), i.expiresAt());
            return find(tx, "id = ?", id).orElseThrow();
        });
    }

    /** The installation for a request: the workspace's own, else its organisation's org-wide one. */
    Optional<Installation> find(String enterpriseId, String teamId) {
        if (teamId != null) {
            Optional<Installation> own = find(sql, "team_id = ? and coalesce(enterprise_id, '') = coalesce(?, '') "
                    + "and not is_enterprise_install", teamId, enterpriseId);
            if (own.isPresent() || enterpriseId == null) {
                return own;
            }
        }
        return enterpriseId == null ? Optional.empty() : find(sql, "enterprise_id = ? and is_enterprise_install", enterpriseId);
    }

    /** For work outside a request, which knows only the workspace (team) id. */
    Optional<Installation> forTeam(String teamId) {
        Optional<Installation> own = find(sql, "team_id = ? and not is_enterprise_install order by installed_at desc limit 1", teamId);
        if (own.isPresent()) {
            return own;
        }
        return sql.one("select enterprise_id from slack_team_enterprises where team_id = ?", rs -> rs.getString(1), teamId)
                .flatMap(enterprise -> find(enterprise, null));
    }

    /** Remembers the organisation of a workspace seen in a request. */
    void rememberEnterprise(String teamId, String enterpriseId) {
        sql.update("""
                insert into slack_team_enterprises (team_id, enterprise_id) values (?, ?)
                on conflict (team_id) do update set enterprise_id = excluded.enterprise_id, seen_at = now()""",
                teamId, enterpriseId);
    }

    /** Deletes the workspace's installation (and, for an organisation without team, the org-wide one). */
    int delete(String enterpriseId, String teamId) {
        if (teamId == null) {
            return sql.update("delete from " + TABLE + " where enterprise_id = ? and is_enterprise_install", enterpriseId);
        }
        sql.update("delete from slack_team_enterprises where team_id = ?", teamId);
        return sql.update("delete from " + TABLE + " where team_id = ? and not is_enterprise_install", teamId);
    }

    /**
     * Replaces the tokens while holding the installation's row lock, so one refresh runs at a time even across
     * instances (a refresh token works once). {@code refresher} sees the tokens as they are now, possibly already
     * refreshed by another instance, and returns what to keep.
     */
    Installation refreshLocked(UUID id, UnaryOperator<Installation> refresher) {
        return sql.transaction(tx -> {
            Installation current = find(tx, "id = ? for update", id).orElseThrow(
                    () -> new IllegalStateException("the Slack installation was removed meanwhile"));
            Installation fresh = refresher.apply(current);
            if (fresh != current) {
                writeTokens(tx, id, fresh.botToken(), fresh.refreshToken(), fresh.expiresAt());
            }
            return fresh;
        });
    }

    private void writeTokens(Sql tx, UUID id, Secret token, Secret refresh, java.time.Instant expires) {
        tx.update("update " + TABLE + " set bot_token_enc = ?, bot_refresh_token_enc = ?, bot_token_expires_at = ?, "
                        + "updated_at = now() where id = ?",
                token == null ? null : vault.encrypt(token.reveal(), place("bot_token_enc", id)),
                refresh == null ? null : vault.encrypt(refresh.reveal(), place("bot_refresh_token_enc", id)),
                expires, id);
    }

    private Optional<Installation> find(Sql q, String where, Object... params) {
        return q.one("select * from " + TABLE + " where " + where, this::installation, params);
    }

    private Installation installation(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new Installation(id, rs.getString("enterprise_id"), rs.getString("team_id"),
                rs.getBoolean("is_enterprise_install"), rs.getString("team_name"), rs.getString("app_id"),
                rs.getString("bot_id"), rs.getString("bot_user_id"), rs.getString("bot_scopes"),
                Secret.ofNullable(vault.decrypt(rs.getBytes("bot_token_enc"), place("bot_token_enc", id))),
                Secret.ofNullable(vault.decrypt(rs.getBytes("bot_refresh_token_enc"), place("bot_refresh_token_enc", id))),
                Sql.instant(rs, "bot_token_expires_at"), rs.getString("installer_user_id"), Sql.instant(rs, "installed_at"));
    }

    private static Vault.Place place(String column, UUID id) {
        return new Vault.Place(TABLE, column, id);
    }
}
