package com.ailsocialautomation.store;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a platform already holds of a target's media is read back as saved, one item per position, until forgotten. */
class MediaUploadsTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();

    @Test
    void anUploadIsReadBackAsSavedReplacedAtItsPositionAndForgotten() {
        Sql sql = new Sql(pg.dataSource());
        Workspaces workspaces = new Workspaces(sql);
        UUID ws = workspaces.ensure(FrontEnd.SLACK, "T-MEDIA", "Media");
        UUID ana = workspaces.ensureUser(ws, "U-ANA", "Ana").id();
        Account hook = new Accounts(sql, pg.vault()).connect(ws, ana, new NewAccount(PlatformId.WEBHOOK, "hook-m", "hook.test/m", "hook",
                null, null, null, null), new StoredTokens(Secret.of("whsec_m"), null, null, null, Secret.of("https://hook.test/m")));
        UUID target = new Posts(sql, pg.vault()).create(ws, ana, "two pictures", List.of(), Instant.now().plusSeconds(600), null,
                List.of(hook)).targets().get(0).id();
        MediaUploads uploads = new MediaUploads(sql, pg.vault());
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String first = MediaUploads.sourceHash("https://cdn.example/a.png");
        assertEquals(64, first.length(), "a SHA-256 in hex");
        assertNotEquals(first, MediaUploads.sourceHash("https://cdn.example/b.png"));

        uploads.save(ws, target, new MediaUploads.Upload(0, first, "m-1", false, "a.png", "{\"alt\":\"a cat\"}", at));
        uploads.save(ws, target, new MediaUploads.Upload(1, MediaUploads.sourceHash("b"), "m-2", true, "b.png", null, at));
        uploads.save(ws, target, new MediaUploads.Upload(0, first, "m-1", true, "a.png", "{\"alt\":\"a cat\"}", at));

        List<MediaUploads.Upload> held = uploads.of(ws, target);
        assertEquals(List.of(new MediaUploads.Upload(0, first, "m-1", true, "a.png", "{\"alt\":\"a cat\"}", at),
                new MediaUploads.Upload(1, MediaUploads.sourceHash("b"), "m-2", true, "b.png", null, at)), held);
        uploads.forget(ws, target);
        assertTrue(uploads.of(ws, target).isEmpty());
    }
}
