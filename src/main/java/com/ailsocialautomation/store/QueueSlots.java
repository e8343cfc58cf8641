package com.ailsocialautomation.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Accounts' queues (table queue_slots). Which slots are taken is derived, never stored: a slot is taken by a target
 * of the account that is due at that instant and neither cancelled nor a draft (a post waiting for approval keeps
 * its time). {@link #take} serialises everyone taking a slot of
 * one account with a transaction-scoped advisory lock, so two people queueing at once never get the same slot.
 */
public final class QueueSlots {
    private final Sql sql;

    public QueueSlots(Sql sql) {
        this.sql = sql;
    }

    /** Chooses the next free instant from an account's slots and the instants already taken; null when none is free. */
    @FunctionalInterface
    public interface Picker {
        Instant pick(List<QueueSlot> slots, Set<Instant> taken);
    }

    /** Adds these times (ignoring ones the account already has); returns how many were new. */
    public int add(UUID workspaceId, UUID accountId, Set<DayOfWeek> days, LocalTime time, ZoneId zone) {
        return sql.transaction(tx -> {
            int added = 0;
            for (DayOfWeek day : days) {
                added += tx.update("""
                        insert into queue_slots (id, workspace_id, account_id, weekday, time_of_day, time_zone)
                        values (?, ?, ?, ?, ?, ?) on conflict (account_id, weekday, time_of_day) do nothing""",
                        UUID.randomUUID(), workspaceId, accountId, (short) day.getValue(), time, zone.getId());
            }
            return added;
        });
    }

    /** Removes these times; returns how many there were. */
    public int remove(UUID workspaceId, UUID accountId, Set<DayOfWeek> days, LocalTime time) {
        return sql.update("""
                delete from queue_slots where workspace_id = ? and account_id = ? and time_of_day = ?
                and weekday = any (?::smallint[])""", workspaceId, accountId, time,
                days.stream().map(d -> String.valueOf(d.getValue())).toList());
    }

    /** The account's slots, or with a null account every slot of the workspace; by weekday and time. */
    public List<QueueSlot> list(UUID workspaceId, UUID accountId) {
        return accountId == null
                ? sql.list("select * from queue_slots where workspace_id = ? order by weekday, time_of_day", QueueSlots::slot, workspaceId)
                : list(sql, workspaceId, accountId);
    }

    /** The instants at which the account has a target due that is not cancelled, after {@code after}. */
    public Set<Instant> taken(UUID workspaceId, UUID accountId, Instant after) {
        return taken(sql, workspaceId, accountId, after);
    }

    /**
     * Inside {@code tx}: locks the account's queue until {@code tx} ends and picks its next free slot. The caller must
     * create the target due then in the same transaction, so the next taker sees it.
     */
    public static Instant take(Sql tx, UUID workspaceId, UUID accountId, Instant after, Picker picker) {
        tx.one("select pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> 1, "queue/" + accountId);
        return picker.pick(list(tx, workspaceId, accountId), taken(tx, workspaceId, accountId, after));
    }

    /** What is due on the workspace's queued accounts between two instants: the post's short id by account and instant. */
    public java.util.Map<UUID, java.util.Map<Instant, String>> occupants(UUID workspaceId, Instant after, Instant until) {
        java.util.Map<UUID, java.util.Map<Instant, String>> out = new java.util.HashMap<>();
        sql.list("""
                select t.account_id, t.due_at, p.short_id from post_targets t join posts p on p.id = t.post_id
                where t.workspace_id = ? and t.due_at > ? and t.due_at <= ? and t.state not in (?, ?)
                and t.account_id in (select account_id from queue_slots where workspace_id = ?)""",
                rs -> out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.HashMap<>())
                        .put(Sql.instant(rs, "due_at"), rs.getString(3)),
                workspaceId, after, until, TargetState.CANCELLED.stored(), TargetState.DRAFT.stored(), workspaceId);
        return out;
    }

    private static List<QueueSlot> list(Sql q, UUID workspaceId, UUID accountId) {
        return q.list("select * from queue_slots where workspace_id = ? and account_id = ? order by weekday, time_of_day",
                QueueSlots::slot, workspaceId, accountId);
    }

    private static Set<Instant> taken(Sql q, UUID workspaceId, UUID accountId, Instant after) {
        return new HashSet<>(q.list("""
                select due_at from post_targets where workspace_id = ? and account_id = ? and due_at > ?
                and state not in (?, ?)""", rs -> Sql.instant(rs, "due_at"), workspaceId, accountId, after,
                TargetState.CANCELLED.stored(), TargetState.DRAFT.stored()));
    }

    private static QueueSlot slot(ResultSet rs) throws SQLException {
        return new QueueSlot(rs.getObject("account_id", UUID.class), DayOfWeek.of(rs.getShort("weekday")),
                rs.getObject("time_of_day", LocalTime.class), ZoneId.of(rs.getString("time_zone")));
    }
}
