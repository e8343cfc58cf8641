package com.ailsocialautomation.store;

import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A connect link's detail is sealed like every workspace secret, so key rotation and the workspace binding reach it. */
class ConnectLinksStoreTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();

    @Test
    void theDetailIsBoundToItsRowAndWorkspaceAsSecretColumnsSaysAndFindingALinkUsesNothing() {
        Sql sql = new Sql(pg.dataSource());
        Workspaces workspaces = new Workspaces(sql);
        UUID ws = workspaces.ensure(FrontEnd.SLACK, "T-LINKS", "Links Inc");
        UUID user = workspaces.ensureUser(ws, "U-LINKS", "Lin").id();
        OAuthStates states = new OAuthStates(sql, pg.vault());
        byte[] hash = new byte[32];
        hash[0] = 7;
        states.addLink(new OAuthStates.Link(ws, user, PlatformId.WEBHOOK, null), "Lin", Secret.of("https://hooks.example/secret-path"),
                hash, Instant.now().plusSeconds(600));

        Object[] row = sql.one("select id, detail_enc from connect_links where token_hash = ?",
                rs -> new Object[] {rs.getObject(1, UUID.class), rs.getBytes(2)}, (Object) hash).orElseThrow();
        SecretColumns.Column column = SecretColumns.ALL.stream()
                .filter(c -> c.table().equals("connect_links") && c.column().equals("detail_enc")).findFirst().orElseThrow();
        assertEquals("https://hooks.example/secret-path", pg.vault().decrypt((byte[]) row[1], column.place(row[0], ws)));

        OAuthStates.Pending found = states.findLink(hash, PlatformId.WEBHOOK, Instant.now()).orElseThrow();
        assertEquals("Lin", found.requester());
        assertEquals("Links Inc", found.workspace());
        assertEquals(FrontEnd.SLACK, found.frontEnd());
        assertTrue(states.findLink(hash, PlatformId.WEBHOOK, Instant.now()).isPresent(), "finding uses nothing up");
        assertEquals("https://hooks.example/secret-path", states.useLink(hash, PlatformId.WEBHOOK, Instant.now()).orElseThrow().detail().reveal());
        assertTrue(states.findLink(hash, PlatformId.WEBHOOK, Instant.now()).isEmpty(), "a used link is gone");
    }
}
