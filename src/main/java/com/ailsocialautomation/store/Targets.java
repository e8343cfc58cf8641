package com.ailsocialautomation.store;

import com.ailsocialautomation.message.ThreadParts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The engine's view of targets: state changes guarded by the state they expect, so two instances (or a late
 * retry) can never both move the same target.
 */
public final class Targets {
    private final Sql sql;
    private final Vault vault;
    /**
     * Claims that arrive together (a morning burst hands many due targets to the publishing threads at once) are
     * written together: one statement and one commit for all of them (see {@link Grouped}), each claimed as if alone.
     */
    private final Grouped<Key, Key, Claimed> claims = new Grouped<>(k -> k, this::claimAll);
    /** Likewise the results of publishes that end together ({@link #published}). */
    private final Grouped<Publication, Key, Boolean> publications = new Grouped<>(Publication::key, this::publishAll);

    public Targets(Sql sql, Vault vault) {
        this.sql = sql;
        this.vault = vault;
    }

    /** A target's error holds the platform's own words, so it is encrypted like every other message. */
    static Vault.Place errorPlace(UUID targetId, UUID workspaceId) {
        return new Vault.Place("post_targets", "error_enc", targetId, workspaceId);
    }

    private byte[] seal(String error, UUID targetId, UUID workspaceId) {
        return error == null ? null : vault.encrypt(error, errorPlace(targetId, workspaceId));
    }

    public Optional<Target> find(UUID workspaceId, UUID targetId) {
        return sql.one("select * from post_targets where workspace_id = ? and id = ?", this::target, workspaceId, targetId);
    }

    /**
     * A target just claimed, with its post as the engine publishes it (empty only if the post is gone) and its account
     * with its tokens (empty when it was disconnected).
     */
    public record Claimed(Target target, Optional<Posts.ToPublish> due, Optional<Accounts.WithTokens> account) {}

    /**
     * scheduled → publishing, recorded before any request goes out, and what the publish needs of its post and its
     * account read in the same statement (after the claim: an edit that landed before it is what goes out). Empty when
     * the target is not scheduled or not due. A post that goes out as one request with nothing to upload first (no media,
     * no options that could add a comment or another text, no line that could split it into a thread) is marked sent by
     * the claim itself: the only remote call left before its post request is a token refresh, before which the engine
     * clears the mark ({@link #notSent}). So a run that dies between the claim and its request is treated as one whose request may
     * have left (unknown, or retried where the platform recognises a repeat), never as one that sent nothing.
     * <p>
     * The state test is written {@code (state = 'scheduled') is true} (the same, as state is never null) so that the
     * index of scheduled targets, whose predicate is {@code state = 'scheduled'}, cannot serve the claim: with
     * statistics taken while few targets were scheduled, PostgreSQL's cached generic plan for the statement otherwise
     * walked that index through every due target to find this one (a burst of n targets then costs n² rows), where
     * the primary key finds it at once.
     */
    public Optional<Claimed> claim(UUID workspaceId, UUID targetId) {
        return Optional.ofNullable(claims.run(new Key(workspaceId, targetId)));
    }

    /** A target by its workspace and id, as the engine names it. */
    record Key(UUID workspaceId, UUID targetId) {}

    /**
     * Claims a batch of distinct targets in one statement: each claimed target by its key, the others absent. A row
     * that cannot be read (a sealed value that does not open) fails its own caller only.
     */
    Map<Key, Grouped.Answer<Claimed>> claimAll(List<Key> keys) {
        List<UUID> ids = keys.stream().map(Key::targetId).toList();
        List<UUID> workspaces = keys.stream().map(Key::workspaceId).toList();
        Map<Key, Grouped.Answer<Claimed>> claimed = new HashMap<>();
        sql.list(CLAIM, rs -> {
            Key key = new Key(rs.getObject("workspace_id", UUID.class), rs.getObject("id", UUID.class));
            try {
                claimed.put(key, Grouped.Answer.of(new Claimed(target(rs), Posts.toPublish(rs, vault), Accounts.withTokens(rs, vault))));
            } catch (RuntimeException e) {
                claimed.put(key, Grouped.Answer.failed(e));
            }
            return key;
        }, ThreadParts.MARK, workspaces, ids, ids);
        return claimed;
    }

    /**
     * {@link #claim}'s statement for a batch: its parameters are the thread mark, the targets' workspaces and their ids
     * (in the same order, so {@code k} pairs them), and the ids again. The primary key finds the targets
     * ({@code id = any}), and each is claimed only with the workspace named with it. Should a batch meet a deadlock (an
     * edit locking the same post's targets in another order), PostgreSQL undoes it whole, and each claim is made alone.
     */
    static final String CLAIM = """
            with c as (update post_targets t set state = 'publishing', started_at = now(), attempts = attempts + 1, updated_at = now(),
                sent_at = case when exists (select 1 from posts p where p.id = t.post_id and coalesce(p.media_count, 0) = 0
                    and coalesce(cardinality(p.media_urls), 0) = 0 and p.options_enc is null and position(? in p.text) = 0)
                    then now() end
                from unnest(?::uuid[], ?::uuid[]) as k(workspace_id, id)
                where t.id = any(?::uuid[]) and t.id = k.id and t.workspace_id = k.workspace_id
                    and (t.state = 'scheduled') is true and t.due_at <= now() + interval '1 second'
                returning t.*)
            select c.*, """ + Posts.TO_PUBLISH_COLUMNS + ", " + Accounts.WITH_TOKENS_COLUMNS + "\n" + """
            from c left join posts p on p.id = c.post_id left join chat_users u on u.id = p.author_user_id""" + Accounts.joinedTo("c");

    /**
     * A claimed target waits for its turn until {@code at} (its platform has as many publishes in flight as it takes):
     * publishing → scheduled again, the claim's attempt given back, and {@code note} tells `show` why it has not started.
     */
    public boolean waitTurn(UUID workspaceId, UUID targetId, Instant at, String note) {
        return backToScheduled(workspaceId, targetId, at, null, note);
    }

    /**
     * publishing → scheduled at {@code turn}, the turn it took at its account's pace (see PublishTurns), which it holds
     * from now on: waiting is not an attempt (the claim's count is given back), and {@code note} tells `show` why.
     */
    public boolean awaitTurn(UUID workspaceId, UUID targetId, Instant turn, String note) {
        return backToScheduled(workspaceId, targetId, turn, turn, note);
    }

    /** publishing → scheduled again at {@code at}, the claim's attempt given back; {@code turn} kept when null. */
    private boolean backToScheduled(UUID workspaceId, UUID targetId, Instant at, Instant turn, String note) {
        return sql.update("""
                update post_targets set state = 'scheduled', due_at = ?, turn_at = coalesce(?::timestamptz, turn_at),
                attempts = greatest(attempts - 1, 0), error = null, error_enc = ?, updated_at = now()
                where workspace_id = ? and id = ? and state = 'publishing'""",
                at, turn, seal(note, targetId, workspaceId), workspaceId, targetId) == 1;
    }

    /** Another attempt of a target left in publishing, for platforms whose idempotency key makes that safe. */
    public Optional<Target> resume(UUID workspaceId, UUID targetId) {
        return sql.one("""
                update post_targets set started_at = now(), sent_at = null, attempts = attempts + 1, updated_at = now()
                where workspace_id = ? and id = ? and state = 'publishing' returning *""", this::target, workspaceId, targetId);
    }

    /** publishing, with no request of this attempt sent yet after all: a remote call other than the post comes first. */
    public void notSent(UUID workspaceId, UUID targetId) {
        sql.update("update post_targets set sent_at = null where workspace_id = ? and id = ? and state = 'publishing'",
                workspaceId, targetId);
    }

    /**
     * The post request is about to leave: from now on a run that dies may have posted. Written before the request,
     * so a revival that finds it null knows nothing was sent.
     */
    public void sending(UUID workspaceId, UUID targetId) {
        sql.update("update post_targets set sent_at = now() where workspace_id = ? and id = ? and state = 'publishing'",
                workspaceId, targetId);
    }

    /*
     * A run's result and its line in the publishing log are written in one transaction: `show` never shows a state
     * without the attempt that explains it, and a crash between the two loses neither. The line is written whenever
     * the target still exists, also when its state had changed meanwhile (the request did happen); an erased target
     * gets no line. Each answers whether the state moved.
     */

    /**
     * publishing → published, with what went wrong after the post was live ({@code note}: its first comment was not
     * posted), kept where a failure's reason is, or null. Its running execution is removed in the same statement (see
     * PublishQueue#REMOVE_RUNNING): a published target is finished for good, so the engine removes nothing after it.
     * Results that arrive together are written together, one statement and one commit for all (see {@link Grouped}),
     * each as it would be alone, and the call returns once its own is committed.
     */
    public boolean published(UUID workspaceId, UUID targetId, String externalId, String url, String note, Attempts.Line line) {
        return publications.run(publication(workspaceId, targetId, externalId, url, note, line)) != null;
    }

    /** A result as {@link #published} writes it: its note sealed and its line's values made in the caller's thread. */
    Publication publication(UUID workspaceId, UUID targetId, String externalId, String url, String note, Attempts.Line line) {
        return new Publication(new Key(workspaceId, targetId), externalId, url, seal(note, targetId, workspaceId),
                Attempts.values(vault, workspaceId, targetId, line));
    }

    /** A published target's result waiting for its batch: what the platform answered, and its log line's values. */
    record Publication(Key key, String externalId, String url, byte[] noteSealed, Object[] line) {}

    /** Writes a batch of results in one statement; answers the targets whose state moved. */
    Map<Key, Grouped.Answer<Boolean>> publishAll(List<Publication> batch) {
        List<UUID> workspaces = new ArrayList<>(batch.size());
        List<UUID> ids = new ArrayList<>(batch.size());
        List<String> externalIds = new ArrayList<>(batch.size());
        List<String> urls = new ArrayList<>(batch.size());
        List<byte[]> notes = new ArrayList<>(batch.size());
        List<String> instances = new ArrayList<>(batch.size());
        List<Object[]> lines = new ArrayList<>(batch.size());
        for (Publication p : batch) {
            workspaces.add(p.key().workspaceId());
            ids.add(p.key().targetId());
            externalIds.add(p.externalId());
            urls.add(p.url());
            notes.add(p.noteSealed());
            instances.add(PublishQueue.instanceId(p.key().workspaceId(), p.key().targetId()));
            lines.add(p.line());
        }
        List<Object> params = new ArrayList<>(List.of(workspaces, ids, externalIds, urls, notes, instances));
        params.addAll(Attempts.columns(lines));
        params.add(ids);
        params.add(PublishQueue.TASK_NAME);
        Map<Key, Grouped.Answer<Boolean>> moved = new HashMap<>();
        sql.list(PUBLISHED, rs -> moved.put(new Key(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)), Grouped.Answer.of(true)),
                params.toArray());
        return moved;
    }

    /**
     * {@link #publishAll}'s statement: the results ({@code r}, one text array per column, notes in base64), their log
     * lines ({@link Attempts#ROWS}), the targets' ids again for the primary key, and the task name. As alone: each line
     * goes in whenever its target still exists, and a target whose state moved has its running execution removed.
     */
    static final String PUBLISHED = """
            with r as (select * from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[])
                as r(workspace_id, id, external_id, url, note, instance)),
            """ + Attempts.ROWS + """
            ,
            moved as (update post_targets t set state = 'published', external_id = r.external_id, url = r.url, error = null,
                error_enc = decode(r.note, 'base64'), finished_at = now(), updated_at = now()
                from r where t.id = any(?::uuid[]) and t.id = r.id and t.workspace_id = r.workspace_id and t.state = 'publishing'
                returning t.workspace_id, t.id),
            line as (""" + Attempts.INSERT_ROWS + """
             where exists (select 1 from post_targets p where p.workspace_id = a.workspace_id and p.id = a.target_id)),
            done as (select r.instance from r join moved m on m.id = r.id and m.workspace_id = r.workspace_id),
            removed as (""" + PublishQueue.REMOVE_RUNNING + """
            )
            select workspace_id, id from moved""";

    /** publishing → failed or unknown, with the reason shown to people. */
    public boolean finish(UUID workspaceId, UUID targetId, TargetState state, String error, Attempts.Line line) {
        return logged(workspaceId, targetId, line, FINISH, state.stored(), seal(error, targetId, workspaceId), workspaceId, targetId);
    }

    private static final String FINISH = """
            update post_targets set state = ?, error = null, error_enc = ?, finished_at = now(), updated_at = now()
            where workspace_id = ? and id = ? and state = 'publishing'""";

    /** publishing → failed or unknown without a request of this run to log (a revival that finds one in flight). */
    public boolean finish(UUID workspaceId, UUID targetId, TargetState state, String error) {
        return finish(sql, workspaceId, targetId, state, error);
    }

    private boolean finish(Sql tx, UUID workspaceId, UUID targetId, TargetState state, String error) {
        return tx.update(FINISH, state.stored(), seal(error, targetId, workspaceId), workspaceId, targetId) == 1;
    }

    /** publishing → scheduled again, due at {@code next}, after a transient failure. */
    public boolean retryLater(UUID workspaceId, UUID targetId, Instant next, String error, Attempts.Line line) {
        return logged(workspaceId, targetId, line, """
                update post_targets set state = 'scheduled', due_at = ?, error = null, error_enc = ?, updated_at = now()
                where workspace_id = ? and id = ? and state = 'publishing'""", next, seal(error, targetId, workspaceId), workspaceId, targetId);
    }

    /**
     * The state change ({@code update}, guarded by the state it expects) and the attempt's line as one statement, so
     * one commit: the line goes in whenever the target still exists, as the statement sees it.
     */
    private boolean logged(UUID workspaceId, UUID targetId, Attempts.Line line, String update, Object... params) {
        Object[] all = new Object[params.length + Attempts.COLUMNS + 2];
        System.arraycopy(params, 0, all, 0, params.length);
        System.arraycopy(Attempts.values(vault, workspaceId, targetId, line), 0, all, params.length, Attempts.COLUMNS);
        int at = params.length + Attempts.COLUMNS;
        all[at++] = workspaceId;
        all[at] = targetId;
        return sql.one("with moved as (" + update + " returning 1), line as (" + Attempts.INSERT
                        + " where exists (select 1 from post_targets where workspace_id = ? and id = ?))"
                        + " select count(*) from moved",
                rs -> rs.getInt(1), all).orElse(0) == 1;
    }

    /**
     * publishing → scheduled again at {@code checkAt}, while the platform processes the target's media. Waiting is not
     * an attempt: the claim's count is given back, so a long video does not use up the target's attempts.
     */
    public boolean awaitMedia(UUID workspaceId, UUID targetId, Instant checkAt) {
        return sql.update("""
                update post_targets set state = 'scheduled', due_at = ?, attempts = greatest(attempts - 1, 0), updated_at = now()
                where workspace_id = ? and id = ? and state = 'publishing'""", checkAt, workspaceId, targetId) == 1;
    }

    /**
     * publishing → scheduled again at {@code until}, held because the platform's daily allowance is used up, with the
     * reason people see. Like waiting for media, holding is not an attempt: the claim's count is given back.
     */
    public boolean hold(UUID workspaceId, UUID targetId, Instant until, String reason, Attempts.Line line) {
        return logged(workspaceId, targetId, line, """
                update post_targets set state = 'scheduled', due_at = ?, attempts = greatest(attempts - 1, 0), error = null,
                error_enc = ?, updated_at = now() where workspace_id = ? and id = ? and state = 'publishing'""",
                until, seal(reason, targetId, workspaceId), workspaceId, targetId);
    }

    /**
     * publishing stays publishing while the platform processes a post that has left (TikTok publishes what was
     * uploaded): its execution comes back to ask again, and, as with {@link #awaitMedia}, waiting is not an attempt.
     */
    public boolean stillPublishing(UUID workspaceId, UUID targetId) {
        return sql.update("""
                update post_targets set attempts = greatest(attempts - 1, 0), updated_at = now()
                where workspace_id = ? and id = ? and state = 'publishing'""", workspaceId, targetId) == 1;
    }

    /** Cancels the scheduled targets to an account that is being disconnected; returns how many. */
    public int cancelScheduledTo(UUID workspaceId, UUID accountId) {
        List<UUID> cancelled = sql.list("""
                update post_targets set state = 'cancelled', error = null, finished_at = now(), updated_at = now()
                where workspace_id = ? and account_id = ? and state in ('scheduled', 'pending_approval') returning id""",
                rs -> rs.getObject(1, UUID.class), workspaceId, accountId);
        sealEach(sql, vault, workspaceId, cancelled, Target.ACCOUNT_GONE);
        return cancelled.size();
    }

    /** Sets the same reason on several targets: each is encrypted for its own row. */
    static void sealEach(Sql q, Vault vault, UUID workspaceId, List<UUID> targetIds, String error) {
        for (UUID id : targetIds) {
            q.update("update post_targets set error_enc = ? where workspace_id = ? and id = ?",
                    vault.encrypt(error, errorPlace(id, workspaceId)), workspaceId, id);
        }
    }

    /**
     * Errors written before they were encrypted: encrypted now, in small batches, so none stays in clear after
     * the first start of this version. Run by {@link Vault#open}.
     */
    static void sealClearErrors(Sql q, Vault vault) {
        while (true) {
            List<Object[]> rows = q.list("select id, workspace_id, error from post_targets where error is not null limit 500",
                    rs -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)});
            if (rows.isEmpty()) {
                return;
            }
            for (Object[] row : rows) {
                UUID id = (UUID) row[0];
                UUID ws = (UUID) row[1];
                q.update("update post_targets set error_enc = ?, error = null where id = ? and error = ?",
                        vault.encrypt((String) row[2], errorPlace(id, ws)), id, row[2]);
            }
        }
    }

    private Target target(java.sql.ResultSet rs) throws java.sql.SQLException {
        return Posts.target(rs, vault);
    }

    public static long countDueNotStarted(Sql sql, Instant now) {
        return sql.one("select count(*) from post_targets where state = 'scheduled' and due_at <= ?",
                rs -> rs.getLong(1), now).orElse(0L);
    }
}
