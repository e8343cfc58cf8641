package com.ailsocialautomation.privacy;

import com.ailsocialautomation.privacy.PrivacyRig.Person;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.testing.RawTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Policy clause 7, "you can disconnect integrations": the tokens are revoked at the platform and gone from every table. */
class DisconnectTest {
    FreshDatabase pg;
    PrivacyRig rig;

    @BeforeEach
    void wire() {
        pg = new FreshDatabase();
        rig = new PrivacyRig(pg.dataSource(), pg.vault(), Set.of());
    }

    @AfterEach
    void unwire() {
        pg.close();
    }

    @Test
    void disconnectRevokesTheTokenAndLeavesItNowhere() {
        Person ana = rig.person("console", "console", null, "local", "Ana");
        Account account = rig.connect(ana, "mastodon", "109ana001", "@ana_q@fosstodon.example", "https://fosstodon.example",
                "ana-access-token-5b1e", "ana-refresh-token-9c2d");
        String reply = rig.commands.run(ana.invocation(), "disconnect " + account.shortId()).text();
        assertTrue(reply.startsWith("Disconnected @ana_q@fosstodon.example (mastodon, " + account.shortId() + "). Its tokens are deleted."), reply);
        assertEquals(List.of("ana-access-token-5b1e"), rig.mastodon.revoked);
        for (String token : List.of("ana-access-token-5b1e", "ana-refresh-token-9c2d")) {
            assertEquals(List.of(), RawTables.rowsContaining(pg.dataSource(), token));
        }
        assertEquals(0, rig.count("select count(*) from social_accounts"));
    }
}
