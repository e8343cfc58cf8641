package com.ailsocialautomation.calendar;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.oauth.OneTimeSecret;
import com.ailsocialautomation.store.PersonalData;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.Workspace;
import com.ailsocialautomation.store.Workspaces;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The web calendar's sessions (table web_sessions): a random token the browser keeps in a cookie, of which only the
 * SHA-256 is stored, with the workspaces it opens and the rights the chat gave the person there. A session goes with
 * its person (forget-me) and its workspace (removal), and is purged once expired.
 */
public final class WebSessions implements PersonalData {
    /** How long a sign-in lasts; rights and workspaces are those of the moment of sign-in, so it stays short. */
    static final Duration LIFETIME = Duration.ofHours(8);

    /** One workspace a session opens: the person there, whether the chat calls them an admin, and their chat's zone. */
    public record Seat(UUID workspaceId, UUID userId, boolean admin, ZoneId zone) {}

    private final Sql sql;
    private final Clock clock;

    public WebSessions(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** A new session for {@code seats} (at least one); the token is for the cookie and is never stored. */
    Secret open(List<Seat> seats) {
        if (seats.isEmpty()) {
            throw new IllegalArgumentException("a session opens at least one workspace");
        }
        OneTimeSecret token = OneTimeSecret.random();
        Instant now = clock.instant();
        sql.transaction(tx -> {
            tx.update("delete from web_sessions where expires_at < ?", now);
            for (Seat seat : seats) {
                tx.update("""
                        insert into web_sessions (token_hash, workspace_id, user_id, admin, time_zone, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?)""", token.hash(), seat.workspaceId(), seat.userId(), seat.admin(),
                        seat.zone() == null ? null : seat.zone().getId(), now, now.plus(LIFETIME));
            }
            return null;
        });
        return token.value();
    }

    /** The seats of the session the cookie holds, while it lasts; none for an unknown, expired or erased one. */
    List<Seat> seats(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return List.of();
        }
        return sql.list("""
                select workspace_id, user_id, admin, time_zone from web_sessions where token_hash = ? and expires_at > ?
                order by created_at, workspace_id""", rs -> new Seat(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getBoolean(3), rs.getString(4) == null ? null : ZoneId.of(rs.getString(4))),
                OneTimeSecret.sha256(token), clock.instant());
    }

    void close(String token) {
        if (token != null && token.length() <= 100) {
            sql.update("delete from web_sessions where token_hash = ?", (Object) OneTimeSecret.sha256(token));
        }
    }

    /** A session as my-data shows it: when it opened, when it ends, and the workspaces it opens. */
    public record Listed(Instant openedAt, Instant expiresAt, List<String> workspaces) {}

    /** The person's sessions that open this workspace and have not ended, each with all the workspaces it opens. */
    @Override
    public Map<String, List<?>> listUser(UUID workspaceId, UUID userId) {
        Workspaces names = new Workspaces(sql);
        List<byte[]> tokens = sql.list("""
                select token_hash from web_sessions where workspace_id = ? and user_id = ? and expires_at > ?
                order by created_at""", rs -> rs.getBytes(1), workspaceId, userId, clock.instant());
        List<Listed> listed = tokens.stream().map(hash -> {
            List<UUID> opened = sql.list("select workspace_id from web_sessions where token_hash = ? order by workspace_id",
                    rs -> rs.getObject(1, UUID.class), (Object) hash);
            Instant[] times = sql.one("select created_at, expires_at from web_sessions where token_hash = ? limit 1",
                    rs -> new Instant[] {rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()}, (Object) hash).orElseThrow();
            return new Listed(times[0], times[1], opened.stream().map(id -> names.describe(id)
                    .map(w -> (w.name() == null ? w.externalId() : w.name()) + " (" + w.frontEnd().id() + ")")
                    .orElse("a workspace AIL left")).toList());
        }).toList();
        return listed.isEmpty() ? Map.of() : Map.of("webCalendarSessions", listed);
    }

    @Override
    public void eraseUser(Sql tx, Person person, Map<Count, Integer> counted) {
        tx.update("delete from web_sessions where workspace_id = ? and user_id = ?", person.workspace().id(), person.userId());
    }

    @Override
    public void eraseWorkspace(Sql tx, Workspace workspace, Map<Count, Integer> counted) {
        tx.update("delete from web_sessions where workspace_id = ?", workspace.id());
    }
}
