package com.ailsocialautomation.media;

import com.ailsocialautomation.net.MediaType;
import com.ailsocialautomation.platform.MediaFacts;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.Vault;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * AIL's copies of posts' media: {@code media_items} (facts in clear; name, alt text and source link encrypted) and their bytes in
 * {@code media_chunks}, {@value #CHUNK} bytes each, every chunk sealed by the vault with its item, its index and the
 * workspace as associated data, so chunks cannot be altered, swapped, reordered or moved to another item. Written
 * and read a chunk at a time.
 */
public final class MediaStore {
    static final int CHUNK = 256 * 1024;
    /**
     * A target in one of these states may still be sent, so its post's media must stay (a draft's until it goes, one
     * waiting for approval until it is decided).
     */
    private static final String LIVE = "('scheduled', 'publishing', 'draft', 'pending_approval')";

    private final Sql sql;
    private final Vault vault;

    public MediaStore(Sql sql, Vault vault) {
        this.sql = sql;
        this.vault = vault;
    }

    /** Stores the copies of a post inside the transaction that creates it, streaming each file. */
    public void save(Sql tx, UUID workspaceId, UUID postId, Copies copies) {
        int position = 0;
        for (Copy copy : copies.items()) {
            UUID id = UUID.randomUUID();
            try {
                long size = Files.size(copy.file());
                int chunks = (int) Math.max(1, (size + CHUNK - 1) / CHUNK);
                MediaFacts f = copy.facts();
                tx.update("""
                        insert into media_items (id, workspace_id, post_id, position, file_name_enc, media_type, size_bytes,
                        width, height, duration_ms, alt_text_enc, source_url_enc, origin, chunk_count)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        id, workspaceId, postId, position, vault.encrypt(copy.fileName(), place("file_name_enc", id, workspaceId)),
                        f.type().name(), size, f.width(), f.height(), f.duration() == null ? null : f.duration().toMillis(),
                        copy.altText() == null ? null : vault.encrypt(copy.altText(), place("alt_text_enc", id, workspaceId)),
                        copy.sourceUrl() == null ? null : vault.encrypt(copy.sourceUrl(), place("source_url_enc", id, workspaceId)),
                        copy.origin().text(), chunks);
                try (InputStream in = Files.newInputStream(copy.file())) {
                    for (int seq = 0; seq < chunks; seq++) {
                        byte[] plain = in.readNBytes(CHUNK);
                        tx.update("insert into media_chunks (item_id, seq, data) values (?, ?, ?)",
                                id, seq, vault.seal(plain, chunkPlace(id, workspaceId, seq)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the copy of a media item could not be read back", e);
            }
            position++;
        }
    }

    /** Replaces the post's media with the copies inside {@code tx}: the old items go only with the new ones stored. */
    public void replace(Sql tx, UUID workspaceId, UUID postId, Copies copies) {
        tx.update("delete from media_items where workspace_id = ? and post_id = ?", workspaceId, postId);
        save(tx, workspaceId, postId, copies);
    }

    /** Gives the post's item at each position the alt text there; a null or blank one leaves that item as it is. */
    public void describe(Sql tx, UUID workspaceId, UUID postId, List<String> alts) {
        List<UUID> ids = tx.list("select id from media_items where workspace_id = ? and post_id = ? order by position",
                rs -> rs.getObject(1, UUID.class), workspaceId, postId);
        for (int i = 0; i < Math.min(ids.size(), alts.size()); i++) {
            String alt = alts.get(i);
            if (alt != null && !alt.isBlank()) {
                tx.update("update media_items set alt_text_enc = ? where id = ?",
                        vault.encrypt(alt.strip(), place("alt_text_enc", ids.get(i), workspaceId)), ids.get(i));
            }
        }
    }

    /** The post's media in order; empty when it has none or they were deleted. */
    public List<StoredMedia> of(UUID workspaceId, UUID postId) {
        return sql.list("select * from media_items where workspace_id = ? and post_id = ? order by position",
                this::item, workspaceId, postId);
    }

    /** One item of the workspace; empty when it was deleted. */
    public Optional<StoredMedia> find(UUID workspaceId, UUID itemId) {
        return sql.one("select * from media_items where workspace_id = ? and id = ?", this::item, workspaceId, itemId);
    }

    /** One chunk, opened; empty when it is not there. */
    Optional<byte[]> chunk(UUID itemId, UUID workspaceId, int seq) {
        return sql.one("select data from media_chunks where item_id = ? and seq = ?", rs -> rs.getBytes(1), itemId, seq)
                .map(sealed -> vault.unseal(sealed, chunkPlace(itemId, workspaceId, seq)));
    }

    /**
     * Deletes the media of posts that can no longer be sent (every target final) and whose last target finished
     * before {@code cutoff}, at most {@code batch} items per statement. Returns how many items went.
     */
    public int purgeFinishedBefore(Instant cutoff, int batch) {
        int total = 0;
        while (true) {
            int n = sql.update("""
                    delete from media_items where id in (select m.id from media_items m where not exists (
                    select 1 from post_targets t where t.post_id = m.post_id
                    and (t.state in""" + " " + LIVE + " or t.finished_at is null or t.finished_at >= ?)) limit " + batch + ")", cutoff);
            total += n;
            if (n < batch) {
                return total;
            }
        }
    }

    /**
     * Deletes at once the media of the workspace's posts that went, or were to go, to {@code accountId} and can no
     * longer be sent: what an account's disconnection cancelled is not kept for a retry that cannot happen.
     */
    public int dropUnsendableTo(Sql q, UUID workspaceId, List<UUID> accountIds) {
        return q.update("""
                delete from media_items m where m.workspace_id = ?
                and m.post_id in (select t.post_id from post_targets t where t.workspace_id = ? and t.account_id = any (?::uuid[]))
                and not exists (select 1 from post_targets t where t.post_id = m.post_id and t.state in""" + " " + LIVE + ")",
                workspaceId, workspaceId, accountIds.stream().map(UUID::toString).toList());
    }

    /** {@link #dropUnsendableTo(Sql, UUID, List)} for one account being disconnected. */
    public int dropUnsendableTo(UUID workspaceId, UUID accountId) {
        return dropUnsendableTo(sql, workspaceId, List.of(accountId));
    }

    private StoredMedia item(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        UUID ws = rs.getObject("workspace_id", UUID.class);
        long duration = rs.getLong("duration_ms");
        Duration length = rs.wasNull() ? null : Duration.ofMillis(duration);
        MediaFacts facts = new MediaFacts(MediaType.valueOf(rs.getString("media_type")), rs.getLong("size_bytes"),
                rs.getInt("width"), rs.getInt("height"), length);
        return new StoredMedia(this, id, ws, rs.getInt("position"),
                vault.decrypt(rs.getBytes("file_name_enc"), place("file_name_enc", id, ws)), facts,
                vault.decrypt(rs.getBytes("alt_text_enc"), place("alt_text_enc", id, ws)),
                vault.decrypt(rs.getBytes("source_url_enc"), place("source_url_enc", id, ws)),
                Origin.of(rs.getString("origin")), rs.getInt("chunk_count"));
    }

    private static Vault.Place place(String column, UUID itemId, UUID workspaceId) {
        return new Vault.Place("media_items", column, itemId, workspaceId);
    }

    /** A chunk's associated data names its item and its index, and the workspace. */
    static Vault.Place chunkPlace(UUID itemId, UUID workspaceId, int seq) {
        return new Vault.Place("media_chunks", "data", itemId + "/" + seq, workspaceId);
    }
}
