package com.ailsocialautomation.media;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.net.MediaType;
import com.ailsocialautomation.platform.MediaFacts;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.RawTables;
import com.ailsocialautomation.testing.Units;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stored copy: chunked, each chunk sealed where it lives, read back a chunk at a time, and nothing in clear. */
class MediaStoreTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static Units units;
    static MediaStore media;

    @TempDir
    Path tmp;

    @BeforeAll
    static void wire() {
        units = Units.over(pg).build();
        media = units.store.media;
    }

    @AfterAll
    static void unwire() {
        units.close();
    }

    /** A post holding one stored item with these bytes; returns the item. */
    private StoredMedia stored(byte[] bytes, String name, String alt) throws IOException {
        UUID ws = units.store.workspaces.ensure(FrontEnd.CONSOLE, "ws-" + UUID.randomUUID(), "Test");
        UUID user = units.store.workspaces.ensureUser(ws, "u-" + UUID.randomUUID(), "Ana").id();
        Path file = tmp.resolve(UUID.randomUUID().toString());
        Files.write(file, bytes);
        Copies copies = new Copies();
        copies.add(new Copy(file, name, new MediaFacts(MediaType.MP4, bytes.length, 0, 0, Duration.ofSeconds(3)), alt,
                Origin.CHAT_FILE, null));
        Post post = units.store.posts.create(ws, user, "with media", List.of(), 1, Instant.now().plus(Duration.ofDays(7)),
                null, List.of(), (tx, postId) -> media.save(tx, ws, postId, copies));
        return media.of(ws, post.id()).get(0);
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static byte[] readAll(StoredMedia item) throws IOException {
        try (InputStream in = item.open()) {
            return in.readAllBytes();
        }
    }

    @Test
    void anItemOfSeveralChunksReadsBackWholeAndInOrderWithItsFacts() throws IOException {
        byte[] bytes = random(MediaStore.CHUNK * 2 + 1234);
        StoredMedia item = stored(bytes, "launch.mp4", "Our launch, in three seconds");
        assertArrayEquals(bytes, readAll(item));
        assertArrayEquals(bytes, readAll(item), "each open() starts again from the first byte");
        assertEquals("launch.mp4", item.fileName());
        assertEquals("Our launch, in three seconds", item.altText());
        assertEquals(new MediaFacts(MediaType.MP4, bytes.length, 0, 0, Duration.ofSeconds(3)), item.facts());
        assertEquals(3, units.store.sql.one("select count(*) from media_chunks where item_id = ?", rs -> rs.getInt(1), item.id()).orElseThrow());
    }

    @Test
    void neitherTheBytesNorTheNameNorTheAltTextAreStoredInClear() throws IOException {
        String marker = "clear-media-bytes-" + UUID.randomUUID();
        byte[] bytes = (marker + " ").repeat(20_000).getBytes(StandardCharsets.UTF_8);
        String name = "holiday-" + UUID.randomUUID() + ".mp4";
        String alt = "alt-" + UUID.randomUUID();
        StoredMedia item = stored(bytes, name, alt);
        assertArrayEquals(bytes, readAll(item));
        for (String needle : List.of(marker, name, alt)) {
            assertEquals(List.of(), RawTables.rowsContaining(pg.dataSource(), needle), needle + " is stored in clear");
        }
    }

    @Test
    void aChunkAlteredSwappedWithAnotherOrMissingStopsTheStreamInsteadOfSendingSomethingElse() throws IOException {
        byte[] bytes = random(MediaStore.CHUNK * 2 + 10);
        StoredMedia swapped = stored(bytes, "a.mp4", null);
        assertNull(swapped.altText());
        units.store.sql.transaction(tx -> {
            tx.update("update media_chunks set seq = -1 where item_id = ? and seq = 0", swapped.id());
            tx.update("update media_chunks set seq = 0 where item_id = ? and seq = 1", swapped.id());
            return tx.update("update media_chunks set seq = 1 where item_id = ? and seq = -1", swapped.id());
        });
        IOException reordered = assertThrows(IOException.class, () -> readAll(swapped));
        assertTrue(reordered.getMessage().contains("damaged"), reordered.getMessage());

        StoredMedia altered = stored(bytes, "b.mp4", null);
        units.store.sql.update("update media_chunks set data = overlay(data placing '\\x00'::bytea from 40 for 1) where item_id = ? and seq = 1",
                altered.id());
        assertThrows(IOException.class, () -> readAll(altered));

        StoredMedia other = stored(bytes, "c.mp4", null);
        StoredMedia moved = stored(bytes, "d.mp4", null);
        units.store.sql.update("update media_chunks set data = (select data from media_chunks where item_id = ? and seq = 0) "
                + "where item_id = ? and seq = 0", other.id(), moved.id());
        assertThrows(IOException.class, () -> readAll(moved), "the same bytes under another item do not open");

        StoredMedia truncated = stored(bytes, "e.mp4", null);
        units.store.sql.update("delete from media_chunks where item_id = ? and seq = 2", truncated.id());
        IOException missing = assertThrows(IOException.class, () -> readAll(truncated));
        assertTrue(missing.getMessage().contains("missing"), missing.getMessage());
    }

    @Test
    void aLargeItemIsReadAChunkAtATime() throws IOException {
        byte[] bytes = random(MediaStore.CHUNK * 8);
        StoredMedia item = stored(bytes, "big.mp4", null);
        try (InputStream in = item.open()) {
            byte[] first = in.readNBytes(1000);
            assertArrayEquals(java.util.Arrays.copyOf(bytes, 1000), first);
            assertTrue(in.available() <= MediaStore.CHUNK, "no more than one chunk is held: " + in.available());
        }
    }
}
