package com.ailsocialautomation.store;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.message.PlatformId;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Tokens whose revocation failed at disconnect or erasure. They hold no link to a person: only the platform,
 * the instance and the encrypted token, kept until the platform accepts the revocation.
 */
public final class PendingRevocations {
    /** {@code token} and {@code refreshToken} may each be null, not both. */
    public record Pending(UUID id, PlatformId platform, String instanceUrl, Secret token, Secret refreshToken, int attempts) {}

    private final Sql sql;
    private final Vault vault;

    public PendingRevocations(Sql sql, Vault vault) {
        this.sql = sql;
        this.vault = vault;
    }

    public void add(PlatformId platform, String instanceUrl, Secret token, Secret refreshToken, Instant retryAt) {
        UUID id = UUID.randomUUID();
        sql.update("""
                insert into pending_revocations (id, platform, instance_url, token_enc, refresh_token_enc, next_attempt_at)
                values (?, ?, ?, ?, ?, ?)""", id, platform.id(), instanceUrl, seal(token, id, "token_enc"),
                seal(refreshToken, id, "refresh_token_enc"), retryAt);
    }

    private byte[] seal(Secret secret, UUID id, String column) {
        return secret == null ? null : vault.encrypt(secret.reveal(), new Vault.Place("pending_revocations", column, id));
    }

    private Secret open(java.sql.ResultSet rs, UUID id, String column) throws java.sql.SQLException {
        return Secret.ofNullable(vault.decrypt(rs.getBytes(column), new Vault.Place("pending_revocations", column, id)));
    }

    public List<Pending> due(Instant now, int limit) {
        return sql.list("select * from pending_revocations where next_attempt_at <= ? order by next_attempt_at limit ?", rs -> {
            UUID id = rs.getObject("id", UUID.class);
            return new Pending(id, PlatformId.of(rs.getString("platform")), rs.getString("instance_url"),
                    open(rs, id, "token_enc"), open(rs, id, "refresh_token_enc"),
                    rs.getInt("attempts"));
        }, now, limit);
    }

    public void done(UUID id) {
        sql.update("delete from pending_revocations where id = ?", id);
    }

    public void later(UUID id, Instant when) {
        sql.update("update pending_revocations set attempts = attempts + 1, next_attempt_at = ? where id = ?", when, id);
    }
}
