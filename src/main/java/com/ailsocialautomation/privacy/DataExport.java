package com.ailsocialautomation.privacy;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.Attempts;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.Posts;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.Target;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /ail my-data}: builds the {@link MyData} document for one person. Tokens are never read: accounts come
 * from {@link Accounts#list}, which has no token columns, and the only decrypted column is the publish log message.
 */
public final class DataExport {
    /** The document ready to hand over. */
    public record Export(String fileName, byte[] json, int posts, int accounts) {}

    private final Sql sql;
    private final Accounts accounts;
    private final Posts posts;
    private final Attempts attempts;
    private final Clock clock;

    public DataExport(Sql sql, Accounts accounts, Posts posts, Attempts attempts, Clock clock) {
        this.sql = sql;
        this.accounts = accounts;
        this.posts = posts;
        this.attempts = attempts;
        this.clock = clock;
    }

    public Export export(UUID ws, UUID userId) {
        MyData.Workspace workspace = Place.find(sql, ws).map(p -> new MyData.Workspace(p.frontEnd(), p.externalId(), p.name()))
                .orElseThrow(() -> new IllegalStateException("workspace " + ws + " is gone"));
        MyData.Settings you = sql.one("select * from chat_users where workspace_id = ? and id = ?", rs -> new MyData.Settings(
                rs.getString("external_id"), rs.getString("display_name"), rs.getString("time_zone"),
                rs.getBoolean("notify_success"), Sql.instant(rs, "created_at")), ws, userId)
                .orElseThrow(() -> new IllegalStateException("user " + userId + " is gone"));
        List<MyData.ConnectedAccount> connected = accounts.list(ws).stream()
                .filter(a -> userId.equals(a.ownerUserId())).map(DataExport::account).toList();
        List<MyData.PostRecord> authored = sql.list("select id from posts where workspace_id = ? and author_user_id = ? order by created_at",
                        rs -> rs.getObject(1, UUID.class), ws, userId).stream()
                .map(id -> posts.find(ws, id)).flatMap(Optional::stream).map(p -> post(ws, p)).toList();
        MyData data = new MyData(clock.instant(), "Everything AIL stores about you in this workspace. Tokens are never exported.",
                workspace, you, connected, authored, pending(ws, userId), technical(userId), notifications(ws, userId));
        try {
            byte[] json = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(data);
            String name = "ail-my-data-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".json";
            return new Export(name, json, authored.size(), connected.size());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the export could not be written", e);
        }
    }

    private static MyData.ConnectedAccount account(Account a) {
        return new MyData.ConnectedAccount(a.shortId(), a.platform(), a.externalId(), a.handle(), a.displayName(),
                a.avatarUrl(), a.instanceUrl(), a.scopes(), a.status(), a.tokenExpiresAt(), a.createdAt());
    }

    private MyData.PostRecord post(UUID ws, Post p) {
        List<MyData.TargetRecord> targets = p.targets().stream().map(t -> target(ws, t)).toList();
        return new MyData.PostRecord(p.shortId(), p.text(), p.mediaUrls(), p.scheduledAt(), p.createdAt(), p.status(), targets);
    }

    private MyData.TargetRecord target(UUID ws, Target t) {
        List<MyData.LogEntry> log = attempts.forTarget(ws, t.id()).stream().map(a -> new MyData.LogEntry(
                a.startedAt(), a.durationMs(), a.httpStatus(), a.outcome(), a.message())).toList();
        return new MyData.TargetRecord(t.platform(), t.accountLabel(), t.state(), t.dueAt(), t.attempts(), t.url(),
                t.error(), t.finishedAt(), log);
    }

    private List<MyData.PendingConnection> pending(UUID ws, UUID userId) {
        return sql.list("""
                select 'connect link' as kind, platform, instance_url, created_at, expires_at, used_at from connect_links
                where workspace_id = ? and user_id = ?
                union all
                select 'oauth state', platform, instance_url, created_at, expires_at, used_at from oauth_states
                where workspace_id = ? and user_id = ? order by created_at""",
                rs -> new MyData.PendingConnection(rs.getString("kind"), rs.getString("platform"), rs.getString("instance_url"),
                        Sql.instant(rs, "created_at"), Sql.instant(rs, "expires_at"), Sql.instant(rs, "used_at")),
                ws, userId, ws, userId);
    }

    private List<MyData.TechnicalRecord> technical(UUID userId) {
        return sql.list("select * from technical_data where user_id = ? order by created_at", rs -> new MyData.TechnicalRecord(
                rs.getString("kind"), rs.getString("ip_address"), rs.getString("user_agent"), Sql.instant(rs, "created_at")), userId);
    }

    private List<MyData.NotificationRecord> notifications(UUID ws, UUID userId) {
        return sql.list("select event_key, created_at, sent_at from notifications where workspace_id = ? and user_id = ? order by created_at",
                rs -> new MyData.NotificationRecord(rs.getString("event_key").split(":", 2)[0],
                        Sql.instant(rs, "created_at"), Sql.instant(rs, "sent_at")), ws, userId);
    }
}
