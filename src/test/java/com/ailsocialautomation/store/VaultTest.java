package com.ailsocialautomation.store;

import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VaultTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();

    @Test
    void aSecretOpensOnlyInTheRowItWasWrittenFor() {
        UUID row = UUID.randomUUID();
        Vault.Place place = new Vault.Place("social_accounts", "access_token_enc", row);
        byte[] ct = pg.vault().encrypt("token-123", place);
        assertEquals("token-123", pg.vault().decrypt(ct, place));
        assertThrows(VaultError.class, () -> pg.vault().decrypt(ct,
                new Vault.Place("social_accounts", "access_token_enc", UUID.randomUUID())));
    }
}
