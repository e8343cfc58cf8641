package com.ailsocialautomation.store;

import com.ailsocialautomation.config.Secret;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Tokens whose revocation failed at disconnect or erasure. They hold no link to a person: only the platform,
 * the instance and the encrypted token, kept until the platform accepts the revocation.
 */
public final class PendingRevocations {
    public record Pending(UUID id, String platform, String instanceUrl, Secret token, int attempts) {}

    private final Sql sql;
    private final Vault vault;

    public PendingRevocations(Sql sql, Vault vault) {
        this.sql = sql;
        this.vault = vault;
    }

    public void add(String platform, String instanceUrl, Secret token, Instant retryAt) {
        UUID id = UUID.randomUUID();
        sql.update("insert into pending_revocations (id, platform, instance_url, token_enc, next_attempt_at) values (?, ?, ?, ?, ?)",
                id, platform, instanceUrl, vault.encrypt(token.reveal(), new Vault.Place("pending_revocations", "token_enc", id)), retryAt);
    }

    public List<Pending> due(Instant now, int limit) {
        return sql.list("select * from pending_revocations where next_attempt_at <= ? order by next_attempt_at limit ?", rs -> {
            UUID id = rs.getObject("id", UUID.class);
            return new Pending(id, rs.getString("platform"), rs.getString("instance_url"),
                    Secret.of(vault.decrypt(rs.getBytes("token_enc"), new Vault.Place("pending_revocations", "token_enc", id))),
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
