package com.ailsocialautomation.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * What a platform already holds of a target's media, per item: the platform's media id, whether it is processed,
 * and what the post needs to attach it. The engine reads it before uploading, so a transient error, a crash or a
 * processing poll never uploads an item the platform already has; it forgets a target's rows when the target is
 * done. The file name and the payload (which may hold alt text) are encrypted like every other piece of content.
 */
public final class MediaUploads {
    /** One uploaded item, at its place in the post. {@code sourceHash} tells whether the post still has that item there. */
    public record Upload(int position, String sourceHash, String mediaId, boolean ready, String fileName, String payload,
                         Instant uploadedAt) {}

    private final Sql sql;
    private final Vault vault;

    public MediaUploads(Sql sql, Vault vault) {
        this.sql = sql;
        this.vault = vault;
    }

    /** The target's uploaded items, by position. */
    public List<Upload> of(UUID workspaceId, UUID targetId) {
        return sql.list("select * from media_uploads where workspace_id = ? and target_id = ? order by position", rs -> {
            UUID id = rs.getObject("id", UUID.class);
            byte[] payload = rs.getBytes("payload_enc");
            return new Upload(rs.getInt("position"), rs.getString("source_hash"), rs.getString("platform_media_id"),
                    rs.getBoolean("ready"), vault.decrypt(rs.getBytes("name_enc"), place("name_enc", id, workspaceId)),
                    payload == null ? null : vault.decrypt(payload, place("payload_enc", id, workspaceId)),
                    rs.getTimestamp("uploaded_at").toInstant());
        }, workspaceId, targetId);
    }

    /** Records an item as the platform now holds it, replacing what was recorded at its position. */
    public void save(UUID workspaceId, UUID targetId, Upload upload) {
        UUID id = UUID.randomUUID();
        sql.transaction(q -> {
            q.update("delete from media_uploads where target_id = ? and position = ?", targetId, upload.position());
            q.update("""
                    insert into media_uploads (id, workspace_id, target_id, position, source_hash, platform_media_id, ready,
                        name_enc, payload_enc, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    id, workspaceId, targetId, upload.position(), upload.sourceHash(), upload.mediaId(), upload.ready(),
                    vault.encrypt(upload.fileName(), place("name_enc", id, workspaceId)),
                    upload.payload() == null ? null : vault.encrypt(upload.payload(), place("payload_enc", id, workspaceId)),
                    upload.uploadedAt());
            return null;
        });
    }

    /** Forgets the target's uploads: it was published, or a retry must upload afresh. */
    public void forget(UUID workspaceId, UUID targetId) {
        sql.update("delete from media_uploads where workspace_id = ? and target_id = ?", workspaceId, targetId);
    }

    /** A stable name for where an item came from (a URL, a stored copy's id) that does not keep the source itself. */
    public static String sourceHash(String source) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static Vault.Place place(String column, UUID id, UUID workspaceId) {
        return new Vault.Place("media_uploads", column, id, workspaceId);
    }
}
