package com.ailsocialautomation.store;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Hkdf;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Encryption at rest: a Tink AES-256-GCM keyset, stored in the database encrypted under the master key.
 * Every ciphertext names its key (Tink's prefix), so old keys stay readable after a rotation, and is bound
 * to its table, column, row and workspace through the associated data, so a ciphertext moved to another row or
 * workspace fails.
 */
public final class Vault {
    private static final byte[] KEYSET_AAD = "ail/vault_keyset".getBytes(StandardCharsets.UTF_8);

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Where a ciphertext lives. It is the associated data, so the ciphertext only opens there: the same table,
     * column and row, and for workspace data the same workspace, so a row moved to another workspace fails too.
     */
    public record Place(String table, String column, Object rowId, UUID workspaceId) {
        /** A place outside any workspace: operator-level rows (OAuth apps, Slack installations, revocations). */
        public Place(String table, String column, Object rowId) {
            this(table, column, rowId, null);
        }

        byte[] bytes() {
            return (table + "/" + column + "/" + rowId + (workspaceId == null ? "" : "/workspace/" + workspaceId))
                    .getBytes(StandardCharsets.UTF_8);
        }

        /** The associated data before workspaces were part of it; read only until {@link KeyRotation#bindToWorkspaces}. */
        byte[] legacyBytes() {
            return (table + "/" + column + "/" + rowId).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return table + "." + column + " of row " + rowId;
        }
    }

    /** vault_keyset.places: 1, ciphertexts may still be bound to their row only; 2, all are bound to their workspace. */
    static final int PLACES_WITH_WORKSPACE = 2;

    private final DataSource dataSource;
    private volatile Aead master;
    private volatile KeysetHandle keyset;
    private volatile Aead aead;
    private volatile boolean legacyPlaces;

    private Vault(DataSource dataSource, Aead master) {
        this.dataSource = dataSource;
        this.master = master;
    }

    /** Opens the keyset stored in the database, creating it on the very first start. */
    public static Vault open(DataSource dataSource, byte[] masterKey) {
        try {
            Vault vault = new Vault(dataSource, masterAead(masterKey));
            vault.createIfMissing();
            vault.reload();
            if (vault.legacyPlaces) {
                new KeyRotation(dataSource, vault).bindToWorkspaces();
            }
            Targets.sealClearErrors(new Sql(dataSource), vault);
            return vault;
        } catch (GeneralSecurityException e) {
            throw new VaultError("The master key cannot be used: " + e.getMessage());
        }
    }

    public byte[] encrypt(String plaintext, Place place) {
        try {
            return aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), place.bytes());
        } catch (GeneralSecurityException e) {
            throw new VaultError("Encrypting " + place + " failed");
        }
    }

    /** Seals bytes (a media chunk) the way {@link #encrypt} seals text: under the primary key, bound to {@code place}. */
    public byte[] seal(byte[] plaintext, Place place) {
        try {
            return aead.encrypt(plaintext, place.bytes());
        } catch (GeneralSecurityException e) {
            throw new VaultError("Encrypting " + place + " failed");
        }
    }

    /** Opens what {@link #seal} sealed at {@code place}; anything altered or moved is an error, never garbage. */
    public byte[] unseal(byte[] ciphertext, Place place) {
        try {
            return aead.decrypt(ciphertext, place.bytes());
        } catch (GeneralSecurityException first) {
            reload(); // another instance may have rotated the key since this one loaded the keyset
            try {
                return aead.decrypt(ciphertext, place.bytes());
            } catch (GeneralSecurityException e) {
                throw new VaultError("Cannot decrypt " + place + ": the data was altered, moved from another place, "
                        + "or written under a key this keyset does not hold");
            }
        }
    }

    /** Null stays null. Anything that does not open under its key and place is an error, never garbage. */
    public String decrypt(byte[] ciphertext, Place place) {
        if (ciphertext == null) {
            return null;
        }
        try {
            return open(ciphertext, place);
        } catch (GeneralSecurityException first) {
            // Another instance may have rotated the key since this one loaded the keyset.
            reload();
            try {
                return open(ciphertext, place);
            } catch (GeneralSecurityException e) {
                throw new VaultError("Cannot decrypt " + place + ": the data was altered, moved from another row or workspace, "
                        + "or written under a key this keyset does not hold");
            }
        }
    }

    private String open(byte[] ciphertext, Place place) throws GeneralSecurityException {
        try {
            return new String(aead.decrypt(ciphertext, place.bytes()), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            if (legacyPlaces && place.workspaceId() != null) {
                return new String(aead.decrypt(ciphertext, place.legacyBytes()), StandardCharsets.UTF_8);
            }
            throw e;
        }
    }

    /** The id of the key new ciphertexts are written with. */
    public int primaryKeyId() {
        return keyset.getPrimary().getId();
    }

    /** Whether a ciphertext was written with the current primary key (Tink prefix: 0x01 then the 4-byte key id). */
    public boolean isUnderPrimary(byte[] ciphertext) {
        int id = primaryKeyId();
        return ciphertext.length > 5 && ciphertext[0] == 1
                && ciphertext[1] == (byte) (id >>> 24) && ciphertext[2] == (byte) (id >>> 16)
                && ciphertext[3] == (byte) (id >>> 8) && ciphertext[4] == (byte) id;
    }

    /** Adds a new key and makes it primary; the old keys stay so that existing ciphertexts still open. */
    public synchronized int addPrimaryKey() {
        try {
            KeysetHandle rotated = KeysetHandle.newBuilder(keyset)
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId().makePrimary())
                    .build();
            store(rotated, "update vault_keyset set keyset = ?, updated_at = now() where id = 1");
            use(rotated);
            return rotated.getPrimary().getId();
        } catch (GeneralSecurityException e) {
            throw new VaultError("Adding a key failed: " + e.getMessage());
        }
    }

    /**
     * `rotate-key --master`: stores the keyset wrapped under {@code newMasterKey} instead of the current master key.
     * The keys inside, and so every stored ciphertext, stay as they are; from now on only the new master key opens
     * the keyset, so every instance must be restarted with it.
     */
    public synchronized void rewrap(byte[] newMasterKey) {
        try {
            Aead next = masterAead(newMasterKey);
            byte[] encrypted = TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, next, KEYSET_AAD);
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("update vault_keyset set keyset = ?, updated_at = now() where id = 1")) {
                ps.setBytes(1, encrypted);
                ps.executeUpdate();
            }
            master = next;
        } catch (GeneralSecurityException e) {
            throw new VaultError("The new master key cannot be used: " + e.getMessage());
        } catch (SQLException e) {
            throw new VaultError("The keyset could not be stored under the new master key: " + e.getMessage());
        }
    }

    private static Aead masterAead(byte[] masterKey) throws GeneralSecurityException {
        return new AesGcmJce(Hkdf.computeHkdf("HMACSHA256", masterKey, new byte[0],
                "ail master key".getBytes(StandardCharsets.UTF_8), 32));
    }

    public int keyCount() {
        return keyset.size();
    }

    public synchronized void reload() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select keyset, places from vault_keyset where id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new VaultError("The encryption keyset is missing from the database");
            }
            use(TinkProtoKeysetFormat.parseEncryptedKeyset(rs.getBytes(1), master, KEYSET_AAD));
            legacyPlaces = rs.getInt(2) < PLACES_WITH_WORKSPACE;
        } catch (GeneralSecurityException e) {
            throw new VaultError("The master key does not open the stored keyset: AIL_ENCRYPTION_KEY (or master.key) is not the key this database was set up with");
        } catch (SQLException e) {
            throw new VaultError("The encryption keyset cannot be read: " + e.getMessage());
        }
    }

    private void createIfMissing() throws GeneralSecurityException {
        KeysetHandle fresh = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        store(fresh, "insert into vault_keyset (keyset, id) values (?, 1) on conflict (id) do nothing");
    }

    private void store(KeysetHandle handle, String sql) throws GeneralSecurityException {
        byte[] encrypted = TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, master, KEYSET_AAD);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBytes(1, encrypted);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new VaultError("The encryption keyset cannot be stored: " + e.getMessage());
        }
    }

    private void use(KeysetHandle handle) throws GeneralSecurityException {
        this.aead = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        this.keyset = handle;
    }
}
