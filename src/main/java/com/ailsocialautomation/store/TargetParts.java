package com.ailsocialautomation.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What of a target is already live when it goes out in several requests (a thread's parts, its first comment): each
 * piece is recorded the moment the platform confirms it, in the same transaction that clears the target's
 * {@code sent_at}, so the target reads again as "no request of unknown outcome out". A retry, a crash revival or
 * another instance then resumes at the next piece and never sends a recorded one again. Rows live as long as their
 * target (a Retry keeps them: what is live stays live) and hold no words, only the platform's ids and links.
 */
public final class TargetParts {
    /** One piece as the platform named it; {@code cid} is what a reply to it must also name (Bluesky), or null. */
    public record Part(PartKind kind, int number, String externalId, String url, String cid, Instant publishedAt) {}

    private final Sql sql;

    public TargetParts(Sql sql) {
        this.sql = sql;
    }

    /** The target's recorded pieces: parts by number, then the comment. */
    public List<Part> of(UUID workspaceId, UUID targetId) {
        return sql.list("""
                select * from target_parts where workspace_id = ? and target_id = ? order by kind desc, number""",
                rs -> new Part(PartKind.of(rs.getString("kind")), rs.getInt("number"), rs.getString("external_id"),
                        rs.getString("url"), rs.getString("cid"), rs.getTimestamp("published_at").toInstant()),
                workspaceId, targetId);
    }

    /**
     * Records a piece the platform has published, while its target is still publishing; answers whether it was
     * recorded (false: the target moved on or was erased meanwhile; a piece recorded twice keeps its first record).
     */
    public boolean record(UUID workspaceId, UUID targetId, Part part) {
        return sql.transaction(tx -> {
            int cleared = tx.update("update post_targets set sent_at = null where workspace_id = ? and id = ? and state = 'publishing'",
                    workspaceId, targetId);
            if (cleared == 0) {
                return false;
            }
            tx.update("""
                    insert into target_parts (workspace_id, target_id, kind, number, external_id, url, cid, published_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (target_id, kind, number) do nothing""",
                    workspaceId, targetId, part.kind().text(), part.number(), part.externalId(), part.url(), part.cid(),
                    part.publishedAt());
            return true;
        });
    }
}
