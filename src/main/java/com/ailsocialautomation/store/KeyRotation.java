package com.ailsocialautomation.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * `rotate-key`: adds a new primary key, then re-encrypts every secret under it in small batches, each in its own
 * transaction, so the tables are never locked for long and an interrupted rotation can simply be run again.
 */
public final class KeyRotation {
    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);
    private static final int BATCH = 500;

    private final DataSource dataSource;
    private final Vault vault;

    public KeyRotation(DataSource dataSource, Vault vault) {
        this.dataSource = dataSource;
        this.vault = vault;
    }

    /** Result: the new key id and, per "table.column", how many values were re-encrypted. */
    public record Report(int newKeyId, Map<String, Integer> reencrypted, List<String> unreadable) {
        public int total() {
            return reencrypted.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    public Report rotate() {
        int keyId = vault.addPrimaryKey();
        List<String> unreadable = new ArrayList<>();
        return new Report(keyId, reencryptAll(unreadable), unreadable);
    }

    /** Re-encrypts whatever is not yet under the primary key; what cannot be opened is listed in {@code unreadable}. */
    public Map<String, Integer> reencryptAll(List<String> unreadable) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (SecretColumns.Column col : SecretColumns.ALL) {
            counts.put(col.table() + "." + col.column(), reencrypt(col, unreadable, false));
        }
        return counts;
    }

    /**
     * Once, on the first start after workspaces became part of the associated data: re-encrypts every value of a
     * workspace table bound to its workspace, then stops reading the old binding. Values that do not open are
     * left as they are (and logged), as in a rotation; running it again after an interruption is harmless.
     */
    void bindToWorkspaces() {
        List<String> unreadable = new ArrayList<>();
        int done = 0;
        for (SecretColumns.Column col : SecretColumns.ALL) {
            if (col.inWorkspace()) {
                done += reencrypt(col, unreadable, true);
            }
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update vault_keyset set places = " + Vault.PLACES_WITH_WORKSPACE + ", updated_at = now() where id = 1")) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new VaultError("The encryption keyset cannot be updated: " + e.getMessage());
        }
        vault.reload();
        log.info("Bound {} encrypted values to their workspace{}", done,
                unreadable.isEmpty() ? "" : "; " + unreadable.size() + " could not be read and were left as they were: " + unreadable);
    }

    private int reencrypt(SecretColumns.Column col, List<String> unreadable, boolean all) {
        int done = 0;
        // The first batch has no lower bound. PostgreSQL orders uuids by unsigned bytes, so a Java "minimum"
        // such as new UUID(Long.MIN_VALUE, Long.MIN_VALUE) = 80000000-... would skip every id below it.
        UUID after = null;
        String select = "select id, " + col.column() + ", " + (col.inWorkspace() ? "workspace_id" : "null") + " from " + col.table()
                + " where " + col.column() + " is not null and (cast(? as uuid) is null or id > ?) order by id limit " + BATCH;
        String update = "update " + col.table() + " set " + col.column() + " = ? where id = ? and " + col.column() + " = ?";
        try (Connection c = dataSource.getConnection()) {
            while (true) {
                List<Object[]> rows = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(select)) {
                    ps.setObject(1, after, Types.OTHER);
                    ps.setObject(2, after, Types.OTHER);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows.add(new Object[] {rs.getObject(1, UUID.class), rs.getBytes(2), rs.getObject(3, UUID.class)});
                        }
                    }
                }
                if (rows.isEmpty()) {
                    return done;
                }
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement(update)) {
                    for (Object[] row : rows) {
                        UUID id = (UUID) row[0];
                        byte[] old = (byte[]) row[1];
                        after = id;
                        if (!all && vault.isUnderPrimary(old)) {
                            continue;
                        }
                        Vault.Place place = col.place(id, (UUID) row[2]);
                        String plain;
                        try {
                            plain = vault.decrypt(old, place);
                        } catch (VaultError e) {
                            unreadable.add(place.toString()); // left as it is; the rest goes on
                            continue;
                        }
                        ps.setBytes(1, vault.encrypt(plain, place));
                        ps.setObject(2, id);
                        ps.setBytes(3, old);
                        done += ps.executeUpdate();
                    }
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Re-encrypting " + col.table() + "." + col.column() + " failed: " + e.getMessage(), e);
        }
    }
}
