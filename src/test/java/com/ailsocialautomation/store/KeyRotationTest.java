package com.ailsocialautomation.store;

import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyRotationTest {
    private static final byte[] MASTER_KEY = Base64.getDecoder().decode(PostgresExtension.MASTER_KEY_BASE64);

    private Database database;
    private Vault vault;

    @BeforeEach
    void freshDatabase() {
        database = Database.over(PostgresExtension.jdbcUrl(PostgresExtension.newDatabase()), "postgres", null, null);
        vault = Vault.open(database.dataSource(), MASTER_KEY);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void rotationReencryptsEverySecretUnderANewPrimaryKeyAndReportsCounts() throws SQLException {
        // ids at both ends of PostgreSQL's (unsigned) uuid order, and enough rows for several batches
        List<UUID> ids = new ArrayList<>(List.of(
                UUID.fromString("00000000-0000-0000-0000-000000000001"),
                UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff"),
                UUID.fromString("80000000-0000-0000-0000-000000000000"),
                UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff")));
        for (int i = 0; i < 1100; i++) {
            ids.add(UUID.randomUUID());
        }
        for (UUID id : ids) {
            insertRevocation(id, "token-" + id);
        }
        UUID install = UUID.randomUUID();
        insertInstallation(install, "xoxb-bot-" + install, "xoxp-user-" + install);
        int oldKey = vault.primaryKeyId();
        byte[] before = tokenOf(ids.get(0));

        KeyRotation.Report report = new KeyRotation(database.dataSource(), vault).rotate();

        assertNotEquals(oldKey, report.newKeyId());
        assertEquals(report.newKeyId(), vault.primaryKeyId());
        assertEquals(2, vault.keyCount(), "the old key stays so that old ciphertexts still open");
        assertEquals(ids.size(), report.reencrypted().get("pending_revocations.token_enc"));
        assertEquals(1, report.reencrypted().get("slack_installations.bot_token_enc"));
        assertEquals(1, report.reencrypted().get("slack_installations.user_token_enc"));
        assertEquals(0, report.reencrypted().get("social_accounts.access_token_enc"));
        assertEquals(ids.size() + 2, report.total());
        assertEquals(List.of(), report.unreadable());
        assertEquals(List.copyOf(reportedColumns()), List.copyOf(report.reencrypted().keySet()));

        for (UUID id : ids) {
            byte[] now = tokenOf(id);
            assertEquals(report.newKeyId(), keyIdOf(now), "row " + id + " is under the new key");
            assertEquals("token-" + id, vault.decrypt(now, revocation(id)));
        }
        assertEquals(oldKey, keyIdOf(before));
        assertEquals("token-" + ids.get(0), vault.decrypt(before, revocation(ids.get(0))), "old ciphertexts still open");
        Vault restarted = Vault.open(database.dataSource(), MASTER_KEY);
        assertEquals(report.newKeyId(), restarted.primaryKeyId(), "the rotated keyset is what the next start loads");
        assertEquals("token-" + ids.get(3), restarted.decrypt(tokenOf(ids.get(3)), revocation(ids.get(3))));
    }

    @Test
    void aCorruptRowIsReportedAsUnreadableAndLeftAloneWhileTheRestRotate() throws SQLException {
        UUID good = UUID.randomUUID();
        UUID corrupt = UUID.randomUUID();
        insertRevocation(good, "good-token");
        insertRevocation(corrupt, "corrupt-token");
        try (Connection c = database.dataSource().getConnection()) {
            c.createStatement().execute("update pending_revocations set token_enc = "
                    + "set_byte(token_enc, 10, get_byte(token_enc, 10) # 128) where id = '" + corrupt + "'");
        }
        byte[] corruptBefore = tokenOf(corrupt);

        KeyRotation.Report report = new KeyRotation(database.dataSource(), vault).rotate();

        assertEquals(List.of("pending_revocations.token_enc of row " + corrupt), report.unreadable());
        assertEquals(1, report.reencrypted().get("pending_revocations.token_enc"));
        assertEquals("good-token", vault.decrypt(tokenOf(good), revocation(good)));
        assertArrayEquals(corruptBefore, tokenOf(corrupt), "the unreadable value is left as it was");
        assertTrue(report.unreadable().stream().noneMatch(s -> s.contains("corrupt-token")));
    }

    @Test
    void anInterruptedRotationCanBeRunAgainAndOnlyTouchesWhatIsNotYetUnderThePrimaryKey() throws SQLException {
        UUID a = UUID.randomUUID();
        insertRevocation(a, "a-token");
        vault.addPrimaryKey(); // as if rotate-key stopped right after adding the key
        UUID b = UUID.randomUUID();
        insertRevocation(b, "b-token"); // written under the new key already

        Map<String, Integer> counts = new KeyRotation(database.dataSource(), vault).reencryptAll(new ArrayList<>());

        assertEquals(1, counts.get("pending_revocations.token_enc"));
        assertEquals(0, new KeyRotation(database.dataSource(), vault).reencryptAll(new ArrayList<>())
                .get("pending_revocations.token_enc"), "a second run has nothing left to do");
        assertEquals("a-token", vault.decrypt(tokenOf(a), revocation(a)));
    }

    private static List<String> reportedColumns() {
        return SecretColumns.ALL.stream().map(c -> c.table() + "." + c.column()).toList();
    }

    private static int keyIdOf(byte[] ciphertext) {
        assertEquals(1, ciphertext[0]);
        return ByteBuffer.wrap(ciphertext, 1, 4).getInt();
    }

    private static Vault.Place revocation(UUID id) {
        return new Vault.Place("pending_revocations", "token_enc", id);
    }

    private void insertRevocation(UUID id, String token) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("insert into pending_revocations (id, platform, token_enc) values (?, 'mastodon', ?)")) {
            ps.setObject(1, id);
            ps.setBytes(2, vault.encrypt(token, revocation(id)));
            ps.executeUpdate();
        }
    }

    private void insertInstallation(UUID id, String bot, String user) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("insert into slack_installations (id, team_id, bot_token_enc, user_token_enc) values (?, 'T1', ?, ?)")) {
            ps.setObject(1, id);
            ps.setBytes(2, vault.encrypt(bot, new Vault.Place("slack_installations", "bot_token_enc", id)));
            ps.setBytes(3, vault.encrypt(user, new Vault.Place("slack_installations", "user_token_enc", id)));
            ps.executeUpdate();
        }
    }

    private byte[] tokenOf(UUID id) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("select token_enc from pending_revocations where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }

}
