package com.ailsocialautomation.store;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A revocation the platform did not take at disconnect is kept, encrypted, and tried again with the same tokens when
 * due: without them the account would stay authorised at the platform after AIL forgot it.
 */
class PendingRevocationsTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();

    @Test
    void aRevocationIsTriedAgainWithItsTokensWhenDueAndGoesWhenDone() {
        PendingRevocations pending = new PendingRevocations(new Sql(pg.dataSource()), pg.vault());
        Instant now = Instant.now();
        pending.add(PlatformId.MASTODON, "https://fosstodon.example", Secret.of("access-xyz"), Secret.of("refresh-xyz"), now.minusSeconds(1));
        pending.add(PlatformId.X, null, Secret.of("access-only"), null, now.plusSeconds(600));

        List<PendingRevocations.Pending> due = pending.due(now, 10);
        assertEquals(1, due.size(), "a revocation not yet due was tried");
        PendingRevocations.Pending one = due.get(0);
        assertEquals("access-xyz", one.token().reveal());
        assertEquals("refresh-xyz", one.refreshToken().reveal());
        assertEquals("https://fosstodon.example", one.instanceUrl());

        pending.later(one.id(), now.plusSeconds(300));
        assertEquals(List.of(), pending.due(now, 10));
        PendingRevocations.Pending accessOnly = pending.due(now.plusSeconds(650), 10).stream()
                .filter(p -> p.platform() == PlatformId.X).findFirst().orElseThrow();
        assertEquals("access-only", accessOnly.token().reveal());
        assertNull(accessOnly.refreshToken());
        pending.done(accessOnly.id());
        assertEquals(List.of(one.id()), pending.due(now.plusSeconds(650), 10).stream().map(PendingRevocations.Pending::id).toList());
        assertEquals(1, pending.due(now.plusSeconds(650), 10).get(0).attempts());
    }
}
