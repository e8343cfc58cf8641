package com.ailsocialautomation.store;

import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VaultTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();

    private static final String TOKEN = "xoxb-vault-test-token-1234567890";

    @Test
    void aSecretOpensOnlyInTheRowItWasWrittenFor() {
        UUID row = UUID.randomUUID();
        Vault.Place place = new Vault.Place("social_accounts", "access_token_enc", row, UUID.randomUUID());
        byte[] ct = pg.vault().encrypt("token-123", place);
        assertEquals("token-123", pg.vault().decrypt(ct, place));
        assertThrows(VaultError.class, () -> pg.vault().decrypt(ct,
                new Vault.Place("social_accounts", "access_token_enc", UUID.randomUUID(), place.workspaceId())));
        assertThrows(VaultError.class, () -> pg.vault().decrypt(ct,
                new Vault.Place("social_accounts", "refresh_token_enc", row, place.workspaceId())), "another column of the same row");
        assertThrows(VaultError.class, () -> pg.vault().decrypt(ct,
                new Vault.Place("social_accounts", "access_token_enc", row, UUID.randomUUID())), "the same row in another workspace");
    }

    @Test
    void everyCiphertextNamesThePrimaryKeyInTinksFiveBytePrefix() {
        byte[] ct = pg.vault().encrypt("x", new Vault.Place("t", "c", 1));
        int id = pg.vault().primaryKeyId();
        assertEquals(1, ct[0], "Tink output prefix version byte");
        assertEquals(id, java.nio.ByteBuffer.wrap(ct, 1, 4).getInt());
        assertTrue(pg.vault().isUnderPrimary(ct));
        // a value cut down to its prefix holds no text: key rotation must try it and report it unreadable, not skip it
        assertFalse(pg.vault().isUnderPrimary(java.util.Arrays.copyOf(ct, 5)), "a bare prefix counted as a ciphertext");
        assertEquals(5 + 12 + 1 + 16, ct.length, "prefix, GCM nonce, one byte of text, tag");
    }

    @Test
    void aFlippedBitInAStoredCiphertextIsAClearErrorNotDifferentText() throws SQLException {
        UUID id = insertAccount(TOKEN);
        try (Connection c = pg.dataSource().getConnection()) {
            // flip the lowest bit of byte 20 (inside the GCM ciphertext) where it is stored
            c.createStatement().execute("update social_accounts set access_token_enc = "
                    + "set_byte(access_token_enc, 20, get_byte(access_token_enc, 20) # 1) where id = '" + id + "'");
        }
        VaultError e = assertThrows(VaultError.class, () -> readToken(id));
        assertTrue(e.getMessage().contains("social_accounts.access_token_enc of row " + id), e.getMessage());
        assertTrue(e.getMessage().contains("altered"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN));
    }

    @Test
    void aCiphertextCopiedIntoAnotherRowDoesNotOpenThere() throws SQLException {
        UUID victim = insertAccount("victim-token-" + UUID.randomUUID());
        UUID attacker = insertAccount(TOKEN);
        try (Connection c = pg.dataSource().getConnection()) {
            c.createStatement().execute("update social_accounts set access_token_enc = "
                    + "(select access_token_enc from social_accounts where id = '" + attacker + "') where id = '" + victim + "'");
        }
        VaultError e = assertThrows(VaultError.class, () -> readToken(victim));
        assertTrue(e.getMessage().contains("moved from another row"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN));
        assertEquals(TOKEN, readToken(attacker), "the original row still opens");
    }

    @Test
    void theWrongMasterKeyIsRefusedWithAMessageThatNamesTheSetting() {
        byte[] otherKey = new byte[32];
        otherKey[0] = 42;
        VaultError e = assertThrows(VaultError.class, () -> Vault.open(pg.dataSource(), otherKey));
        assertTrue(e.getMessage().contains("AIL_ENCRYPTION_KEY"), e.getMessage());
        assertTrue(e.getMessage().contains("is not the key this database was set up with"), e.getMessage());
    }

    @Test
    void aSecondInstanceOnTheSameDatabaseSharesTheKeysetAndReadsWhatTheFirstWrote() {
        Vault.Place place = new Vault.Place("oauth_states", "pkce_verifier_enc", UUID.randomUUID());
        byte[] ct = pg.vault().encrypt("verifier", place);
        Vault other = Vault.open(pg.dataSource(), java.util.Base64.getDecoder().decode(PostgresExtension.MASTER_KEY_BASE64));
        assertEquals("verifier", other.decrypt(ct, place));
        assertEquals(pg.vault().primaryKeyId(), other.primaryKeyId());
    }

    @Test
    void aNullSecretStaysNull() {
        assertEquals(null, pg.vault().decrypt(null, new Vault.Place("t", "c", 1)));
    }

    @Test
    void aRowMovedToAnotherWorkspaceNoLongerOpens() throws SQLException {
        UUID id = insertAccount(TOKEN);
        UUID other = workspace();
        try (Connection c = pg.dataSource().getConnection()) {
            c.createStatement().execute("update social_accounts set workspace_id = '" + other + "' where id = '" + id + "'");
        }
        VaultError e = assertThrows(VaultError.class, () -> new Accounts(new Sql(pg.dataSource()), pg.vault()).tokens(other, id));
        assertEquals("Cannot decrypt social_accounts.access_token_enc of row " + id + ": the data was altered, moved from another "
                + "row or workspace, or written under a key this keyset does not hold", e.getMessage());
    }

    @Test
    void aSealedMediaChunkOpensOnlyAtItsPlaceAndAlsoAfterAnotherInstanceRotatedTheKey() {
        byte[] master = java.util.Base64.getDecoder().decode(PostgresExtension.MASTER_KEY_BASE64);
        Vault here = Vault.open(pg.dataSource(), master);
        Vault there = Vault.open(pg.dataSource(), master);
        there.addPrimaryKey(); // rotate-key run by the other instance, which then writes a chunk
        Vault.Place place = new Vault.Place("media_chunks", "data_enc", UUID.randomUUID(), UUID.randomUUID());
        byte[] chunk = {1, 2, 3, 4, 5};
        byte[] sealed = there.seal(chunk, place);
        assertArrayEquals(chunk, here.unseal(sealed, place), "a chunk written under the new key did not open here");
        assertArrayEquals(chunk, here.unseal(here.seal(chunk, place), place));
        assertThrows(VaultError.class, () -> here.unseal(sealed, new Vault.Place("media_chunks", "data_enc", UUID.randomUUID(),
                place.workspaceId())), "a chunk moved to another row opened");
    }

    @Test
    void rightAfterTheStartThatBindsValuesToTheirWorkspaceAnUnboundValueNoLongerOpens() throws SQLException {
        UUID id = insertAccount("placeholder");
        UUID workspace = workspaceOf(id);
        try (Connection c = pg.dataSource().getConnection()) {
            c.createStatement().execute("update vault_keyset set places = 1");
        }
        Vault restarted = Vault.open(pg.dataSource(), java.util.Base64.getDecoder().decode(PostgresExtension.MASTER_KEY_BASE64));
        // the first thing this instance reads: a value written unbound elsewhere and carried into this row
        byte[] smuggled = restarted.encrypt(TOKEN, new Vault.Place("social_accounts", "access_token_enc", id));
        assertThrows(VaultError.class, () -> restarted.decrypt(smuggled, place(id, workspace)),
                "the instance that bound the values still opened an unbound one");
    }

    @Test
    void valuesWrittenBeforeWorkspacesWereBoundStillOpenAndTheNextStartBindsThem() throws SQLException {
        UUID id = insertAccount("placeholder");
        UUID workspace = workspaceOf(id);
        Vault.Place unbound = new Vault.Place("social_accounts", "access_token_enc", id);
        try (Connection c = pg.dataSource().getConnection()) {
            c.createStatement().execute("update vault_keyset set places = 1");
            try (PreparedStatement ps = c.prepareStatement("update social_accounts set access_token_enc = ? where id = ?")) {
                ps.setBytes(1, pg.vault().encrypt(TOKEN, unbound)); // as an earlier AIL wrote it
                ps.setObject(2, id);
                ps.executeUpdate();
            }
        }
        Vault restarted = Vault.open(pg.dataSource(), java.util.Base64.getDecoder().decode(PostgresExtension.MASTER_KEY_BASE64));
        assertEquals(TOKEN, new Accounts(new Sql(pg.dataSource()), restarted).tokens(workspace, id).access().reveal());
        byte[] stored = storedToken(id);
        assertThrows(VaultError.class, () -> restarted.decrypt(stored, unbound), "re-encrypted bound to its workspace");

        // from now on an unbound value is refused, so it cannot be carried into another workspace
        byte[] smuggled = restarted.encrypt(TOKEN, unbound);
        assertThrows(VaultError.class, () -> restarted.decrypt(smuggled, place(id, workspace)));
    }

    private static UUID workspace() throws SQLException {
        UUID workspace = UUID.randomUUID();
        try (Connection c = pg.dataSource().getConnection()) {
            c.createStatement().execute("insert into workspaces (id, front_end, external_id) values ('" + workspace + "', 'slack', '" + workspace + "')");
        }
        return workspace;
    }

    private static UUID insertAccount(String token) throws SQLException {
        UUID workspace = workspace();
        UUID id = UUID.randomUUID();
        try (Connection c = pg.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("insert into social_accounts (id, workspace_id, short_id, platform, external_id, access_token_enc) "
                    + "values (?, ?, 'a1', 'mastodon', '1', ?)")) {
                ps.setObject(1, id);
                ps.setObject(2, workspace);
                ps.setBytes(3, pg.vault().encrypt(token, place(id, workspace)));
                ps.executeUpdate();
            }
        }
        return id;
    }

    private static UUID workspaceOf(UUID id) throws SQLException {
        try (Connection c = pg.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("select workspace_id from social_accounts where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    private static byte[] storedToken(UUID id) throws SQLException {
        try (Connection c = pg.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("select access_token_enc from social_accounts where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }

    private static String readToken(UUID id) throws SQLException {
        return pg.vault().decrypt(storedToken(id), place(id, workspaceOf(id)));
    }

    private static Vault.Place place(UUID id, UUID workspace) {
        return new Vault.Place("social_accounts", "access_token_enc", id, workspace);
    }
}
