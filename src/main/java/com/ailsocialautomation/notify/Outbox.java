package com.ailsocialautomation.notify;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.PersonalData;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.Workspace;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Messages waiting to be sent, one per event. {@link #add} is idempotent on the event key, so a retried
 * publish or a second instance that sees the same event adds nothing. Sent messages keep no text.
 */
public final class Outbox implements PersonalData {
    /** A message due for sending, with its recipient resolved. */
    public record Pending(UUID id, String frontEnd, String workspaceExternalId, String userExternalId, Reply message,
                          String origin, boolean direct, int attempts) {}

    /** A message queued for someone, as their data export shows it: what it was about, when, and whether it went. */
    public record Queued(String kind, Instant createdAt, Instant sentAt) {}

    private final Sql sql;

    public Outbox(Sql sql) {
        this.sql = sql;
    }

    /** Queues a direct message for a user (and an update of {@code origin}); false when this event was already queued. */
    public boolean add(UUID workspaceId, UUID userId, String eventKey, Reply message, String origin) {
        return add(workspaceId, userId, eventKey, message, origin, true);
    }

    /** Queues only an update of the original reply where the post was made; nothing when there is none. */
    public boolean updateOrigin(UUID workspaceId, UUID userId, String eventKey, Reply message, String origin) {
        return origin != null && add(workspaceId, userId, eventKey, message, origin, false);
    }

    private boolean add(UUID workspaceId, UUID userId, String eventKey, Reply message, String origin, boolean direct) {
        try {
            return sql.update("""
                    insert into notifications (id, workspace_id, user_id, event_key, payload, origin, direct)
                    values (?, ?, ?, ?, ?, ?, ?) on conflict (event_key) do nothing""",
                    UUID.randomUUID(), workspaceId, userId, eventKey, Json.MAPPER.writeValueAsString(message), origin, direct) == 1;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a reply could not be serialised", e);
        }
    }

    /**
     * Claims up to {@code limit} due messages for this sender: they are pushed {@code lease} into the future
     * so another instance does not take them while they are being sent.
     */
    public List<Pending> claimDue(Instant now, Instant lease, int limit) {
        return sql.list("""
                update notifications n set next_attempt_at = ?, attempts = n.attempts + 1
                from chat_users u, workspaces w
                where n.id in (select id from notifications where sent_at is null and next_attempt_at <= ?
                               order by next_attempt_at limit ? for update skip locked)
                  and u.id = n.user_id and w.id = n.workspace_id
                returning n.id, w.front_end, w.external_id, u.external_id as user_external_id, n.payload, n.origin, n.direct, n.attempts""",
                rs -> {
                    Reply message;
                    try {
                        message = Json.MAPPER.readValue(rs.getString("payload"), Reply.class);
                    } catch (JsonProcessingException e) {
                        message = null; // the sender drops it; one bad row must not stall the others
                    }
                    return new Pending(rs.getObject("id", UUID.class), rs.getString("front_end"),
                            rs.getString("external_id"), rs.getString("user_external_id"), message,
                            rs.getString("origin"), rs.getBoolean("direct"), rs.getInt("attempts"));
                }, lease, now, limit);
    }

    public void sent(UUID id) {
        sql.update("update notifications set sent_at = now(), payload = '{}' where id = ?", id);
    }

    public void retryAt(UUID id, Instant when) {
        sql.update("update notifications set next_attempt_at = ? where id = ?", when, id);
    }

    public void drop(UUID id) {
        sql.update("delete from notifications where id = ?", id);
    }

    /** The person's messages, oldest first. */
    public List<Queued> of(UUID workspaceId, UUID userId) {
        return sql.list("select event_key, created_at, sent_at from notifications where workspace_id = ? and user_id = ? order by created_at",
                rs -> new Queued(rs.getString("event_key").split(":", 2)[0], Sql.instant(rs, "created_at"), Sql.instant(rs, "sent_at")),
                workspaceId, userId);
    }

    @Override
    public void eraseUser(Sql tx, Person person, Map<Count, Integer> counted) {
        UUID ws = person.workspace().id();
        for (Account a : person.accounts()) {
            if (a.handle() != null && !a.handle().isBlank()) {
                // other people's messages name the account as "(handle)": only that label is rewritten, since
                // replacing the bare handle as a substring could mangle other words and the buttons' action ids
                String label = "(" + a.handle() + ")";
                tx.update("""
                        update notifications set payload = replace(payload, ?, ?)
                        where workspace_id = ? and user_id <> ? and strpos(payload, ?) > 0""",
                        label, "(" + ERASED_ACCOUNT + ")", ws, person.userId(), label);
            }
        }
        counted.merge(Count.NOTIFICATIONS, tx.update("delete from notifications where workspace_id = ? and user_id = ?",
                ws, person.userId()), Integer::sum);
    }

    @Override
    public void eraseWorkspace(Sql tx, Workspace workspace, Map<Count, Integer> counted) {
        counted.merge(Count.NOTIFICATIONS, tx.update("delete from notifications where workspace_id = ?", workspace.id()), Integer::sum);
    }
}
