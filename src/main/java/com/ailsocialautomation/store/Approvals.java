package com.ailsocialautomation.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Posts waiting for approval and the decisions on them. Each request for approval opens a new round of the post
 * (its acceptance, an edit after a decision); one decision per round, taken under the post's lock, so a second
 * press on a decided round learns who decided. Notes are encrypted: they are the approver's words to the author.
 */
public final class Approvals implements PersonalData {
    /** A decision: on which post, in which round, by whom (their name as AIL knows it), what, when, with which note. */
    public record Decided(UUID postId, String postShortId, int round, UUID deciderId, String deciderName, Decision decision,
                          String note, Instant decidedAt) {}

    /** What deciding did: {@code decided} is the new one, or the earlier one of this round; {@code stale}: an older round. */
    public record Result(boolean recorded, boolean stale, Decided decided) {}

    private static final String SELECT = """
            select d.*, p.short_id, u.display_name as decider_name from post_decisions d
            join posts p on p.id = d.post_id join chat_users u on u.id = d.decider_user_id
            """;

    private final Sql sql;
    private final Vault vault;

    public Approvals(Sql sql, Vault vault) {
        this.sql = sql;
        this.vault = vault;
    }

    /**
     * In {@code tx}, after the post's targets were created or changed: every target that has not started waits for
     * approval again, in a new round, whose number is returned. No queued execution publishes a waiting target (the
     * engine claims only scheduled ones).
     */
    public static int hold(Sql tx, UUID workspaceId, UUID postId) {
        tx.update("""
                update post_targets set state = ?, updated_at = now()
                where workspace_id = ? and post_id = ? and state in (?, ?)""",
                TargetState.PENDING_APPROVAL.stored(), workspaceId, postId, TargetState.SCHEDULED.stored(),
                TargetState.PENDING_APPROVAL.stored());
        return tx.one("update posts set approval_round = approval_round + 1 where workspace_id = ? and id = ? returning approval_round",
                rs -> rs.getInt(1), workspaceId, postId).orElseThrow();
    }

    /** The post's current round (0: it never waited for approval). */
    public int round(UUID workspaceId, UUID postId) {
        return sql.one("select approval_round from posts where workspace_id = ? and id = ?", rs -> rs.getInt(1), workspaceId, postId)
                .orElse(0);
    }

    /**
     * Records {@code decision} for {@code round} unless that round is decided or over. Approved: the waiting targets
     * are scheduled at {@code publishAt} and queued; rejected: they are cancelled; changes requested: they keep waiting.
     */
    public Result decide(UUID workspaceId, UUID postId, int round, UUID deciderId, Decision decision, String note, Instant publishAt) {
        return sql.transaction(tx -> {
            int current = tx.one("select approval_round from posts where workspace_id = ? and id = ? for update",
                    rs -> rs.getInt(1), workspaceId, postId).orElse(-1);
            Optional<Decided> earlier = tx.one(SELECT + " where d.workspace_id = ? and d.post_id = ? and d.round = ?",
                    this::decided, workspaceId, postId, round);
            if (earlier.isPresent()) {
                return new Result(false, false, earlier.get());
            }
            if (current != round) {
                return new Result(false, true, null);
            }
            UUID id = UUID.randomUUID();
            tx.update("""
                    insert into post_decisions (id, post_id, workspace_id, round, decider_user_id, decision, note_enc)
                    values (?, ?, ?, ?, ?, ?, ?)""", id, postId, workspaceId, round, deciderId, decision.word(),
                    note == null || note.isBlank() ? null : vault.encrypt(note.strip(), place(id, workspaceId)));
            String waiting = TargetState.PENDING_APPROVAL.stored();
            if (decision == Decision.APPROVED) {
                List<UUID> released = tx.list("""
                        update post_targets set state = ?, due_at = ?, updated_at = now()
                        where workspace_id = ? and post_id = ? and state = ? returning id""",
                        rs -> rs.getObject(1, UUID.class), TargetState.SCHEDULED.stored(), publishAt, workspaceId, postId, waiting);
                released.forEach(targetId -> PublishQueue.enqueue(tx, workspaceId, targetId, publishAt));
                tx.update("update posts set scheduled_at = ?, updated_at = now() where workspace_id = ? and id = ?",
                        publishAt, workspaceId, postId);
            } else if (decision == Decision.REJECTED) {
                tx.update("""
                        update post_targets set state = ?, finished_at = now(), updated_at = now()
                        where workspace_id = ? and post_id = ? and state = ?""",
                        TargetState.CANCELLED.stored(), workspaceId, postId, waiting);
            }
            return new Result(true, false, tx.one(SELECT + " where d.id = ?", this::decided, id).orElseThrow());
        });
    }

    /** The post's decisions, oldest first. */
    public List<Decided> of(UUID workspaceId, UUID postId) {
        return sql.list(SELECT + " where d.workspace_id = ? and d.post_id = ? order by d.round", this::decided, workspaceId, postId);
    }

    /** The decisions a person took, and those on their posts (my-data), oldest first. */
    public List<Decided> involving(UUID workspaceId, UUID userId) {
        return sql.list(SELECT + " where d.workspace_id = ? and (d.decider_user_id = ? or p.author_user_id = ?) order by d.decided_at",
                this::decided, workspaceId, userId, userId);
    }

    private Decided decided(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        byte[] note = rs.getBytes("note_enc");
        return new Decided(rs.getObject("post_id", UUID.class), rs.getString("short_id"), rs.getInt("round"),
                rs.getObject("decider_user_id", UUID.class), rs.getString("decider_name"), Decision.of(rs.getString("decision")),
                note == null ? null : vault.decrypt(note, place(id, rs.getObject("workspace_id", UUID.class))),
                Sql.instant(rs, "decided_at"));
    }

    private static Vault.Place place(UUID id, UUID workspaceId) {
        return new Vault.Place("post_decisions", "note_enc", id, workspaceId);
    }

    /** Their decisions and their place among approvers go; decisions on their posts go with the posts. */
    @Override
    public void eraseUser(Sql tx, Person person, Map<Count, Integer> counted) {
        UUID ws = person.workspace().id();
        counted.merge(Count.DECISIONS, tx.update("""
                delete from post_decisions d using posts p where p.id = d.post_id and d.workspace_id = ?
                and (d.decider_user_id = ? or p.author_user_id = ?)""", ws, person.userId(), person.userId()), Integer::sum);
        tx.update("delete from account_approvers where workspace_id = ? and user_id = ?", ws, person.userId());
    }

    @Override
    public void eraseWorkspace(Sql tx, Workspace workspace, Map<Count, Integer> counted) {
        counted.merge(Count.DECISIONS, tx.update("delete from post_decisions where workspace_id = ?", workspace.id()), Integer::sum);
        tx.update("delete from account_approvers where workspace_id = ?", workspace.id());
    }
}
