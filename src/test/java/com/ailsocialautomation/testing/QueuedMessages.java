package com.ailsocialautomation.testing;

import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.Vault;

import java.util.List;
import java.util.UUID;

/** The texts of the notifications queued for a user, decrypted as the outbox stores them, oldest first. */
public final class QueuedMessages {
    private QueuedMessages() {}

    public static List<String> of(Sql sql, Vault vault, UUID userId) {
        return where(sql, vault, "user_id = ?", userId);
    }

    /** {@code condition} over the notifications table, with its parameters. */
    public static List<String> where(Sql sql, Vault vault, String condition, Object... params) {
        return sql.list("select id, workspace_id, payload_enc from notifications where payload_enc is not null and "
                        + condition + " order by created_at",
                rs -> vault.decrypt(rs.getBytes(3), new Vault.Place("notifications", "payload_enc",
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))), params);
    }
}
