package com.ailsocialautomation.store;

import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.message.PostOptions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Posts and their per-target state, always read and changed within one workspace. */
public final class Posts {
    private static final String SELECT_POST = """
            select p.*, u.display_name as author_name from posts p join chat_users u on u.id = p.author_user_id
            """;

    private final Sql sql;
    private final Vault vault;

    public Posts(Sql sql, Vault vault) {
        this.sql = sql;
        this.vault = vault;
    }

    /** What else is written in the transaction that creates a post (its media), given the new post's id. */
    @FunctionalInterface
    public interface Attach {
        void attach(Sql tx, UUID postId);
    }

    /**
     * Creates the post with one scheduled target per account, all in one transaction; its media links are fetched
     * when it is due. Only for posts without copied media (tests of that older path).
     */
    public Post create(UUID workspaceId, UUID authorId, String text, List<String> media, Instant when, String origin,
                       List<Account> accounts) {
        return create(workspaceId, authorId, text, media, null, when, origin, accounts, (tx, id) -> {});
    }

    /** As below, without per-platform options. */
    public Post create(UUID workspaceId, UUID authorId, String text, List<String> media, Integer mediaCount, Instant when,
                       String origin, List<Account> accounts, Attach attach) {
        return create(workspaceId, authorId, text, PostOptions.NONE, media, mediaCount, when, origin, accounts, attach);
    }

    /**
     * Creates the post with one scheduled target per account and what {@code attach} writes (its {@code mediaCount}
     * copied media) and its {@code options} (encrypted), all in one transaction: if anything fails, nothing of the
     * post remains.
     */
    public Post create(UUID workspaceId, UUID authorId, String text, PostOptions options, List<String> media,
                       Integer mediaCount, Instant when, String origin, List<Account> accounts, Attach attach) {
        return create(workspaceId, authorId, text, options, media, mediaCount, when, origin, accounts, attach, TargetState.SCHEDULED);
    }

    /**
     * The same, with every target starting in {@code initial}: only a {@link TargetState#SCHEDULED} one is put on the
     * publishing queue; a post that waits (pending approval, a draft) gets its queued work when it is
     * {@link #release}d. A draft's short id starts with d, so people can tell it from a post's (p) wherever they see it.
     */
    public Post create(UUID workspaceId, UUID authorId, String text, PostOptions options, List<String> media,
                       Integer mediaCount, Instant when, String origin, List<Account> accounts, Attach attach,
                       TargetState initial) {
        return create(workspaceId, authorId, text, options, media, mediaCount, (tx, account) -> when, origin, accounts,
                attach, initial);
    }

    /** When one account's target of a new post is due, decided inside the post's transaction (a queue slot, say). */
    @FunctionalInterface
    public interface Due {
        Instant at(Sql tx, Account account);
    }

    /** The same, each target due when {@code due} says; the post's own time is its earliest target's. */
    public Post create(UUID workspaceId, UUID authorId, String text, PostOptions options, List<String> media,
                       Integer mediaCount, Due due, String origin, List<Account> accounts, Attach attach,
                       TargetState initial) {
        char kind = initial == TargetState.DRAFT ? 'd' : 'p';
        return sql.transaction(tx -> {
            UUID id = UUID.randomUUID();
            Map<UUID, Instant> dues = new LinkedHashMap<>();
            accounts.forEach(a -> dues.put(a.id(), due.at(tx, a)));
            // a post without accounts (one whose accounts were all erased, in tests) still has a time
            Instant when = dues.values().stream().min(Instant::compareTo).orElseGet(() -> due.at(tx, null));
            for (int attempt = 0; ; attempt++) {
                int inserted = tx.update("""
                        insert into posts (id, workspace_id, short_id, author_user_id, text, options_enc, media_urls, media_count,
                        scheduled_at, origin) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (workspace_id, short_id) do nothing""",
                        id, workspaceId, ShortIds.next(kind), authorId, text, sealed(options, id, workspaceId), media,
                        mediaCount, when, origin);
                if (inserted == 1) {
                    break;
                }
                if (attempt > 20) {
                    throw new IllegalStateException("no free short id for a post");
                }
            }
            if (initial == TargetState.PENDING_APPROVAL) {
                tx.update("update posts set approval_round = 1 where id = ?", id); // its first request for approval
            }
            attach.attach(tx, id);
            for (Account a : accounts) {
                UUID targetId = UUID.randomUUID();
                tx.update("""
                        insert into post_targets (id, post_id, workspace_id, account_id, platform, account_label, state,
                        due_at, idempotency_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        targetId, id, workspaceId, a.id(), a.platform().id(),
                        a.handle() == null ? a.shortId() : a.handle(), initial.stored(), dues.get(a.id()), UUID.randomUUID());
                if (initial == TargetState.SCHEDULED) {
                    PublishQueue.enqueue(tx, workspaceId, targetId, dues.get(a.id()));
                }
            }
            return load(tx, workspaceId, "p.id = ?", id).get(0);
        });
    }

    public Optional<Post> find(UUID workspaceId, String shortId) {
        List<Post> found = load(sql, workspaceId, "p.short_id = ?", shortId.trim().toLowerCase());
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public Optional<Post> find(UUID workspaceId, UUID postId) {
        List<Post> found = load(sql, workspaceId, "p.id = ?", postId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * A post as the engine publishes it: without its targets (the engine holds the one it claimed), and whether its
     * author asked to hear of each success, in one read.
     */
    public record ToPublish(Post post, boolean authorNotified) {}

    /**
     * What {@link #toPublish(ResultSet, Vault)} reads, from {@code posts p} and its author {@code chat_users u}, ending
     * in a line break so that a clause can follow.
     */
    static final String TO_PUBLISH_COLUMNS = """
            p.short_id, p.author_user_id, p.text, p.media_urls, p.media_count, p.scheduled_at, p.origin, p.created_at,
            p.options_enc, u.display_name as author_name, coalesce(u.notify_success, false) as notify_success
            """;

    /** Read by the claim beside its target (see Targets#claim): empty when the row has no post. */
    static Optional<ToPublish> toPublish(ResultSet rs, Vault vault) throws SQLException {
        return rs.getString("short_id") == null ? Optional.empty()
                : Optional.of(new ToPublish(post(rs, vault, "post_id"), rs.getBoolean("notify_success")));
    }

    public Optional<ToPublish> toPublish(UUID workspaceId, UUID postId) {
        return sql.one("select p.*, u.display_name as author_name, u.notify_success from posts p join chat_users u "
                        + "on u.id = p.author_user_id where p.workspace_id = ? and p.id = ?",
                rs -> new ToPublish(post(rs), rs.getBoolean("notify_success")), workspaceId, postId);
    }

    /** Posts of every workspace that wait for approval although their time has passed (at most 200 at a time). */
    public List<Post> pendingPastDue(Instant now) {
        record Key(UUID workspaceId, UUID postId) {}
        return sql.list("""
                select distinct p.workspace_id, p.id from posts p join post_targets t on t.workspace_id = p.workspace_id and t.post_id = p.id
                where t.state = 'pending_approval' and p.scheduled_at <= ? limit 200""",
                rs -> new Key(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)), now).stream()
                .map(k -> find(k.workspaceId(), k.postId()).orElse(null)).filter(java.util.Objects::nonNull).toList();
    }

    /** The most posts one {@link #list} returns (an export's rows). */
    public static final int MOST_LISTED = 500;

    /**
     * upcoming (soonest first), recent, failed, mine (newest first), drafts (last changed first); at most
     * {@code limit} (up to {@link #MOST_LISTED}). Drafts are unfinished work: only the drafts filter shows them, and
     * only {@code userId}'s (everyone's when it is null).
     */
    public List<Post> list(UUID workspaceId, PostFilter filter, UUID userId, int limit) {
        String draft = "exists (select 1 from post_targets t where t.post_id = p.id and t.state = 'draft')";
        String where = switch (filter) {
            case UPCOMING -> "exists (select 1 from post_targets t where t.post_id = p.id and t.state in ('scheduled','publishing'))";
            case FAILED -> "exists (select 1 from post_targets t where t.post_id = p.id and t.state in ('failed','unknown'))";
            case MINE -> "p.author_user_id = ? and not " + draft;
            case RECENT -> "not " + draft;
            case DRAFTS -> draft + (userId == null ? "" : " and p.author_user_id = ?");
            case WAITING -> "exists (select 1 from post_targets t where t.post_id = p.id and t.state = 'pending_approval') and not exists "
                    + "(select 1 from post_decisions d where d.post_id = p.id and d.round = p.approval_round)";
        };
        String order = switch (filter) {
            case UPCOMING, WAITING -> "p.scheduled_at asc";
            case DRAFTS -> "p.updated_at desc";
            default -> "p.scheduled_at desc";
        };
        String clause = where + " order by " + order + " limit " + Math.max(1, Math.min(limit, MOST_LISTED));
        boolean byUser = filter == PostFilter.MINE || filter == PostFilter.DRAFTS && userId != null;
        return byUser ? load(sql, workspaceId, clause, userId) : load(sql, workspaceId, clause);
    }

    /**
     * Posts due from {@code from} (inclusive) to {@code to} (exclusive), soonest first; at most {@code limit}. Drafts
     * are not due at all (their time is when they were saved), so they are left out.
     */
    public List<Post> between(UUID workspaceId, Instant from, Instant to, int limit) {
        return load(sql, workspaceId, "p.scheduled_at >= ? and p.scheduled_at < ? and not exists (select 1 from post_targets t "
                + "where t.post_id = p.id and t.state = 'draft') order by p.scheduled_at asc, p.short_id limit "
                + Math.max(1, Math.min(limit, 500)), from, to);
    }

    /** Cancels every target that has not started; returns how many. */
    public int cancel(UUID workspaceId, UUID postId) {
        return sql.update("""
                update post_targets set state = 'cancelled', finished_at = now(), updated_at = now()
                where workspace_id = ? and post_id = ? and state in ('scheduled', 'pending_approval')""", workspaceId, postId);
    }

    /**
     * Changes the text, and with {@code mediaCount} not null the media that {@code attach} writes (the links of an
     * older post are dropped), in one transaction and only while every target is still scheduled (or every one a
     * draft) and nothing of it is live yet (no part of a thread); false otherwise.
     * The targets are locked first, so no engine claims one until the change is committed: a run sees the post
     * wholly before or wholly after it.
     */
    public boolean edit(UUID workspaceId, UUID postId, String text, Integer mediaCount, Attach attach) {
        return edit(workspaceId, postId, text, null, mediaCount, attach);
    }

    /** The same, also replacing the post's options with {@code options} unless that is null. */
    public boolean edit(UUID workspaceId, UUID postId, String text, PostOptions options, Integer mediaCount, Attach attach) {
        return sql.transaction(tx -> {
            List<String> states = tx.list("select state from post_targets where workspace_id = ? and post_id = ? for update",
                    rs -> rs.getString(1), workspaceId, postId);
            // a post waiting for approval may be edited too (changes an approver asked for)
            if (states.stream().distinct().count() != 1 || !List.of(TargetState.SCHEDULED.stored(), TargetState.DRAFT.stored(),
                    TargetState.PENDING_APPROVAL.stored()).contains(states.get(0))) {
                return false;
            }
            // a target waiting to retry may already have part of its thread live (TargetParts): what is out stays out
            if (tx.one("select 1 from target_parts where workspace_id = ? and target_id in (select id from post_targets "
                    + "where workspace_id = ? and post_id = ?) limit 1", rs -> 1, workspaceId, workspaceId, postId).isPresent()) {
                return false;
            }
            tx.update("""
                    update posts set text = ?, media_urls = case when ?::int is null then media_urls else '{}' end,
                    media_count = coalesce(?::int, media_count), updated_at = now() where workspace_id = ? and id = ?""",
                    text, mediaCount, mediaCount, workspaceId, postId);
            if (options != null) {
                tx.update("update posts set options_enc = ? where workspace_id = ? and id = ?",
                        sealed(options, postId, workspaceId), workspaceId, postId);
            }
            attach.attach(tx, postId);
            return true;
        });
    }

    /**
     * Moves every target from {@code from} (a draft's) to {@code to}, due at {@code when}, queuing it when {@code to}
     * is scheduled, in one transaction and only while every target of the post is still in {@code from}; false
     * otherwise (someone else released or deleted it meanwhile). The post's time becomes {@code when}.
     */
    public boolean release(UUID workspaceId, UUID postId, TargetState from, TargetState to, Instant when) {
        return sql.transaction(tx -> {
            List<String> states = tx.list("select state from post_targets where workspace_id = ? and post_id = ? for update",
                    rs -> rs.getString(1), workspaceId, postId);
            if (states.isEmpty() || states.stream().anyMatch(s -> !from.stored().equals(s))) {
                return false;
            }
            List<UUID> released = tx.list("""
                    update post_targets set state = ?, due_at = ?, updated_at = now()
                    where workspace_id = ? and post_id = ? returning id""",
                    rs -> rs.getObject(1, UUID.class), to.stored(), when, workspaceId, postId);
            if (to == TargetState.PENDING_APPROVAL) {
                tx.update("update posts set approval_round = approval_round + 1 where workspace_id = ? and id = ?", workspaceId, postId);
            }
            if (to == TargetState.SCHEDULED) {
                released.forEach(targetId -> PublishQueue.enqueue(tx, workspaceId, targetId, when));
            }
            tx.update("update posts set scheduled_at = ?, updated_at = now() where workspace_id = ? and id = ?",
                    when, workspaceId, postId);
            return true;
        });
    }

    /** Moves the scheduled targets to a new time; returns how many moved. */
    public int reschedule(UUID workspaceId, UUID postId, Instant when) {
        return sql.transaction(tx -> {
            List<UUID> moved = tx.list("""
                    update post_targets set due_at = ?, updated_at = now()
                    where workspace_id = ? and post_id = ? and state = 'scheduled' returning id""",
                    rs -> rs.getObject(1, UUID.class), when, workspaceId, postId);
            moved.forEach(targetId -> PublishQueue.enqueue(tx, workspaceId, targetId, when));
            // a post waiting for approval moves too; it is queued when approved
            moved = new ArrayList<>(moved);
            moved.addAll(tx.list("""
                    update post_targets set due_at = ?, updated_at = now()
                    where workspace_id = ? and post_id = ? and state = 'pending_approval' returning id""",
                    rs -> rs.getObject(1, UUID.class), when, workspaceId, postId));
            if (!moved.isEmpty()) {
                tx.update("update posts set scheduled_at = ?, updated_at = now() where workspace_id = ? and id = ?",
                        when, workspaceId, postId);
            }
            return moved.size();
        });
    }

    /**
     * Moves each scheduled target to the time {@code due} gives its account (its queue's next free slot), in one
     * transaction; returns the targets as moved, none when no target was still scheduled.
     */
    public List<Target> moveEach(UUID workspaceId, UUID postId, Due due, java.util.function.Function<UUID, Account> account) {
        return sql.transaction(tx -> {
            List<Target> scheduled = tx.list("""
                    select * from post_targets where workspace_id = ? and post_id = ? and state = 'scheduled'
                    and account_id is not null for update""", this::target, workspaceId, postId);
            List<Target> moved = new ArrayList<>();
            for (Target t : scheduled) {
                // off its present time first, so that its own time counts as free (never seen outside this transaction)
                tx.update("update post_targets set due_at = 'epoch' where id = ?", t.id());
                Instant when = due.at(tx, account.apply(t.accountId()));
                moved.addAll(tx.list("update post_targets set due_at = ?, updated_at = now() where id = ? returning *",
                        this::target, when, t.id()));
                PublishQueue.enqueue(tx, workspaceId, t.id(), when);
            }
            if (!moved.isEmpty()) {
                tx.update("""
                        update posts set updated_at = now(), scheduled_at = (select min(due_at) from post_targets
                        where post_id = ? and state = 'scheduled') where workspace_id = ? and id = ?""", postId, workspaceId, postId);
            }
            return moved;
        });
    }

    /**
     * Puts failed and unknown targets back to scheduled, due at {@code when}. A failed target gets a fresh
     * idempotency key (its earlier attempt did not post); an unknown one keeps its key, so a platform that
     * remembers keys can still recognise a duplicate. Returns the targets that were reset.
     */
    public List<Target> retry(UUID workspaceId, UUID postId, Instant when) {
        return sql.transaction(tx -> {
            List<Target> reset = tx.list("""
                update post_targets set state = 'scheduled', due_at = ?, attempts = 0, error = null, error_enc = null, finished_at = null,
                idempotency_key = case when state = 'failed' then gen_random_uuid() else idempotency_key end,
                updated_at = now()
                where workspace_id = ? and post_id = ? and state in ('failed', 'unknown') and account_id is not null
                returning *""", this::target, when, workspaceId, postId);
            reset.forEach(t -> PublishQueue.enqueue(tx, workspaceId, t.id(), when));
            return reset;
        });
    }

    private List<Post> load(Sql q, UUID workspaceId, String where, Object... params) {
        Object[] all = new Object[params.length + 1];
        all[0] = workspaceId;
        System.arraycopy(params, 0, all, 1, params.length);
        List<Post> bare = q.list(SELECT_POST + " where p.workspace_id = ? and " + where, this::post, all);
        if (bare.isEmpty()) {
            return bare;
        }
        Map<UUID, List<Target>> targets = new LinkedHashMap<>();
        bare.forEach(p -> targets.put(p.id(), new ArrayList<>()));
        q.list("select * from post_targets where workspace_id = ? and post_id = any (?::uuid[]) order by platform, account_label",
                this::target, workspaceId, bare.stream().map(p -> p.id().toString()).toList())
                .forEach(t -> targets.get(t.postId()).add(t));
        return bare.stream().map(p -> new Post(p.id(), p.workspaceId(), p.shortId(), p.authorUserId(), p.authorName(),
                p.text(), p.mediaUrls(), p.mediaCount(), p.scheduledAt(), p.origin(), p.createdAt(), List.copyOf(targets.get(p.id())),
                p.options())).toList();
    }

    private Post post(ResultSet rs) throws SQLException {
        return post(rs, vault, "id");
    }

    /** A post without its targets from a row whose post id is in {@code idColumn} (a target's row calls it post_id). */
    static Post post(ResultSet rs, Vault vault, String idColumn) throws SQLException {
        UUID id = rs.getObject(idColumn, UUID.class);
        UUID workspaceId = rs.getObject("workspace_id", UUID.class);
        byte[] options = rs.getBytes("options_enc");
        return new Post(id, workspaceId, rs.getString("short_id"),
                rs.getObject("author_user_id", UUID.class), rs.getString("author_name"), rs.getString("text"),
                Sql.strings(rs, "media_urls"), (Integer) rs.getObject("media_count"), Sql.instant(rs, "scheduled_at"), rs.getString("origin"),
                Sql.instant(rs, "created_at"), List.of(),
                options == null ? PostOptions.NONE : PostOptions.fromJson(vault.decrypt(options, optionsPlace(id, workspaceId))));
    }

    /** The encrypted options of a post, or null when it has none (most posts). */
    private byte[] sealed(PostOptions options, UUID postId, UUID workspaceId) {
        return options == null || options.isEmpty() ? null : vault.encrypt(options.toJson(), optionsPlace(postId, workspaceId));
    }

    private static Vault.Place optionsPlace(UUID postId, UUID workspaceId) {
        return new Vault.Place("posts", "options_enc", postId, workspaceId);
    }

    private Target target(ResultSet rs) throws SQLException {
        return target(rs, vault);
    }

    /** A target row; its error is decrypted (a value from before errors were encrypted is read as it is). */
    static Target target(ResultSet rs, Vault vault) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        UUID workspaceId = rs.getObject("workspace_id", UUID.class);
        byte[] sealed = rs.getBytes("error_enc");
        String error = sealed != null ? vault.decrypt(sealed, Targets.errorPlace(id, workspaceId)) : rs.getString("error");
        return new Target(rs.getObject("id", UUID.class), rs.getObject("post_id", UUID.class),
                rs.getObject("workspace_id", UUID.class), rs.getObject("account_id", UUID.class), PlatformId.of(rs.getString("platform")),
                rs.getString("account_label"), TargetState.of(rs.getString("state")), Sql.instant(rs, "due_at"), rs.getInt("attempts"),
                rs.getObject("idempotency_key", UUID.class), rs.getString("external_id"), rs.getString("url"),
                error, Sql.instant(rs, "started_at"), Sql.instant(rs, "finished_at"), Sql.instant(rs, "sent_at"),
                Sql.instant(rs, "turn_at"));
    }
}
