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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A connect link's detail is sealed like every workspace secret, so key rotation and the workspace binding reach it.
 * A sign-in's state is used once, from the browser that began it, and a refused one says why; the pages or profiles
 * offered to choose from are handed over once.
 */
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

    private static byte[] hash(int first) {
        byte[] hash = new byte[32];
        hash[0] = (byte) first;
        return hash;
    }

    @Test
    void aStateIsUsedOnceFromItsOwnBrowserAndItsChoicesAreHandedOverOnce() {
        Sql sql = new Sql(pg.dataSource());
        Workspaces workspaces = new Workspaces(sql);
        UUID ws = workspaces.ensure(FrontEnd.SLACK, "T-STATES", "States Inc");
        UUID user = workspaces.ensureUser(ws, "U-STATES", "Sam").id();
        OAuthStates states = new OAuthStates(sql, pg.vault());
        Instant now = Instant.now();
        byte[] state = hash(1);
        byte[] browser = hash(2);
        states.addState(new OAuthStates.Link(ws, user, PlatformId.FACEBOOK, null), state, browser, Secret.of("verifier-1"),
                now.plusSeconds(600));

        assertEquals(OAuthStates.Refusal.OTHER_BROWSER, states.useState(state, PlatformId.FACEBOOK, hash(3), now).refusal());
        assertEquals(OAuthStates.Refusal.OTHER_PLATFORM, states.useState(state, PlatformId.X, browser, now).refusal());
        assertEquals(OAuthStates.Refusal.UNKNOWN, states.useState(hash(4), PlatformId.FACEBOOK, browser, now).refusal());
        OAuthStates.Claim used = states.useState(state, PlatformId.FACEBOOK, browser, now);
        assertNull(used.refusal());
        assertEquals("verifier-1", used.state().verifier().reveal());
        assertEquals(OAuthStates.Refusal.USED, states.useState(state, PlatformId.FACEBOOK, browser, now).refusal());

        byte[] late = hash(6);
        states.addState(new OAuthStates.Link(ws, user, PlatformId.FACEBOOK, null), late, browser, Secret.of("verifier-2"), now.minusSeconds(1));
        assertEquals(OAuthStates.Refusal.EXPIRED, states.useState(late, PlatformId.FACEBOOK, browser, now).refusal());

        byte[] choice = hash(5);
        states.offerChoices(used.state(), choice, Secret.of("[\"page-1\",\"page-2\"]"), now.plusSeconds(300));
        assertTrue(states.useChoices(choice, PlatformId.FACEBOOK, hash(3), now).isEmpty(), "another browser took the choices");
        OAuthStates.Offered offered = states.useChoices(choice, PlatformId.FACEBOOK, browser, now).orElseThrow();
        assertEquals("[\"page-1\",\"page-2\"]", offered.choices().reveal());
        assertEquals(user, offered.state().link().userId());
        assertTrue(states.useChoices(choice, PlatformId.FACEBOOK, browser, now).isEmpty(), "the choices were handed over twice");
    }

    @Test
    void anInstancesAppIsRegisteredOncePerAddressAndTheLatestIsFoundAfterTheAddressChanged() {
        OAuthApps apps = new OAuthApps(new Sql(pg.dataSource()), pg.vault());
        String instance = "https://fosstodon.example";
        apps.save(PlatformId.MASTODON, instance, "https://old.example/oauth/callback",
                new OAuthApps.Registered("client-old", Secret.of("secret-old"), "write"));
        OAuthApps.Registered raced = apps.save(PlatformId.MASTODON, instance, "https://old.example/oauth/callback",
                new OAuthApps.Registered("client-raced", Secret.of("secret-raced"), "write"));
        assertEquals("client-old", raced.clientId(), "two people connecting at once got different apps");
        apps.save(PlatformId.MASTODON, instance, "https://new.example/oauth/callback",
                new OAuthApps.Registered("client-new", Secret.of("secret-new"), "write"));

        OAuthApps.Registered latest = apps.latest(PlatformId.MASTODON, instance).orElseThrow();
        assertEquals("client-new", latest.clientId());
        assertEquals("secret-new", latest.clientSecret().reveal());
        assertTrue(apps.latest(PlatformId.MASTODON, "https://other.example").isEmpty());
    }
}
