package com.ailsocialautomation.notify;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.Json;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.PersonalData;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.Vault;
import com.ailsocialautomation.store.VaultError;
import com.ailsocialautomation.store.Workspace;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Messages waiting to be sent, one per event. {@link #add} is idempotent on the event key, so a retried
 * publish or a second instance that sees the same event adds nothing. The text is encrypted (it quotes what platforms
 * answered); sent messages keep none.
 */
public final class Outbox implements PersonalData {
    /** A message due for sending, with its recipient resolved. */
    public record Pending(UUID id, FrontEnd frontEnd, String workspaceExternalId, String userExternalId, Reply message,
                          String origin, boolean direct, int attempts) {}

    /** A message queued for someone, as their data export shows it: what it was about, when, and whether it went. */
    public record Queued(String kind, Instant createdAt, Instant sentAt) {}

    private final Sql sql;
    private final Vault vault;

    public Outbox(Sql sql, Vault vault) {
        this.sql = sql;
        this.vault = vault;
    }

    private static Vault.Place place(UUID id, UUID workspaceId) {
        return new Vault.Place("notifications", "payload_enc", id, workspaceId);
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
        UUID id = UUID.randomUUID();
        try {
            return sql.update("""
                    insert into notifications (id, workspace_id, user_id, event_key, payload_enc, origin, direct)
                    values (?, ?, ?, ?, ?, ?, ?) on conflict (event_key) do nothing""",
                    id, workspaceId, userId, eventKey, vault.encrypt(Json.MAPPER.writeValueAsString(message), place(id, workspaceId)),
                    origin, direct) == 1;
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
                returning n.id, n.workspace_id, w.front_end, w.external_id, u.external_id as user_external_id, n.payload,
                          n.payload_enc, n.origin, n.direct, n.attempts""",
                rs -> {
                    Reply message;
                    try {
                        message = Json.MAPPER.readValue(text(rs), Reply.class);
                    } catch (JsonProcessingException | IllegalArgumentException | VaultError e) {
                        message = null; // the sender drops it; one bad row must not stall the others
                    }
                    return new Pending(rs.getObject("id", UUID.class), FrontEnd.of(rs.getString("front_end")),
                            rs.getString("external_id"), rs.getString("user_external_id"), message,
                            rs.getString("origin"), rs.getBoolean("direct"), rs.getInt("attempts"));
                }, lease, now, limit);
    }

    public void sent(UUID id) {
        sql.update("update notifications set sent_at = now(), payload = null, payload_enc = null where id = ?", id);
    }

    /** The message's JSON; one queued before texts were encrypted is read as it was stored. */
    private String text(ResultSet rs) throws SQLException {
        byte[] sealed = rs.getBytes("payload_enc");
        String text = sealed != null
                ? vault.decrypt(sealed, place(rs.getObject("id", UUID.class), rs.getObject("workspace_id", UUID.class)))
                : rs.getString("payload");
        if (text == null) {
            throw new IllegalArgumentException("no text");
        }
        return text;
    }

    public void retryAt(UUID id, Instant when) {
        sql.update("update notifications set next_attempt_at = ? where id = ?", when, id);
    }

    /** Makes every unsent message for workspaces of {@code frontEnd} due at {@code now}: the front end has just started. */
    public int wake(FrontEnd frontEnd, Instant now) {
        return sql.update("""
                update notifications n set next_attempt_at = ? from workspaces w
                where n.sent_at is null and w.id = n.workspace_id and w.front_end = ?""", now, frontEnd.id());
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
        List<String> handles = person.accounts().stream().map(Account::handle).filter(h -> h != null && !h.isBlank()).toList();
        if (!handles.isEmpty()) {
            List<Object[]> others = tx.list("""
                    select id, workspace_id, payload, payload_enc from notifications
                    where workspace_id = ? and user_id <> ? and sent_at is null""",
                    rs -> new Object[] {rs.getObject("id", UUID.class), text(rs)}, ws, person.userId());
            for (Object[] other : others) {
                String before = (String) other[1];
                String after = withoutHandles(before, handles);
                if (!after.equals(before)) {
                    tx.update("update notifications set payload = null, payload_enc = ? where id = ?",
                            vault.encrypt(after, place((UUID) other[0], ws)), other[0]);
                }
            }
        }
        counted.merge(Count.NOTIFICATIONS, tx.update("delete from notifications where workspace_id = ? and user_id = ?",
                ws, person.userId()), Integer::sum);
    }

    /**
     * Other people's messages name the account as "(handle)" and may link to the post under the handle: the label
     * is rewritten and such links are dropped. Replacing the bare handle as a substring could mangle other words
     * and the buttons' action ids, so only these two forms are touched.
     */
    static String withoutHandles(String json, List<String> handles) {
        String out = json;
        for (String handle : handles) {
            out = out.replace("(" + handle + ")", "(" + ERASED_ACCOUNT + ")");
            out = out.replaceAll("https?://[^\\s\"\\\\]*/@?" + Pattern.quote(handle) + "(?=[/?\\s\"\\\\]|$)[^\\s\"\\\\]*",
                    "(link removed)");
        }
        return out;
    }

    @Override
    public void eraseWorkspace(Sql tx, Workspace workspace, Map<Count, Integer> counted) {
        counted.merge(Count.NOTIFICATIONS, tx.update("delete from notifications where workspace_id = ?", workspace.id()), Integer::sum);
    }
}
