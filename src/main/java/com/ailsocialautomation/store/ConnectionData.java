package com.ailsocialautomation.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What connecting an account leaves behind, as personal data: one-time connect links, OAuth states, and the
 * browser's IP address and User-Agent recorded at the callback (written by {@link TechnicalData} only).
 */
public final class ConnectionData implements PersonalData {
    /** A connect link or an OAuth state still stored (until it expires and is purged); {@code kind} says which. */
    public record Pending(String kind, String platform, String instanceUrl, Instant createdAt, Instant expiresAt, Instant usedAt) {}

    /** IP address and browser recorded at an OAuth callback. */
    public record Browser(String kind, String ipAddress, String userAgent, Instant recordedAt) {}

    private final Sql sql;

    public ConnectionData(Sql sql) {
        this.sql = sql;
    }

    /** The person's stored connect links and OAuth states, oldest first. */
    public List<Pending> pending(UUID workspaceId, UUID userId) {
        return sql.list("""
                select 'connect link' as kind, platform, instance_url, created_at, expires_at, used_at from connect_links
                where workspace_id = ? and user_id = ?
                union all
                select 'oauth state', platform, instance_url, created_at, expires_at, used_at from oauth_states
                where workspace_id = ? and user_id = ? order by created_at""",
                rs -> new Pending(rs.getString("kind"), rs.getString("platform"), rs.getString("instance_url"),
                        Sql.instant(rs, "created_at"), Sql.instant(rs, "expires_at"), Sql.instant(rs, "used_at")),
                workspaceId, userId, workspaceId, userId);
    }

    /** The technical data recorded about the person, oldest first. */
    public List<Browser> browsers(UUID userId) {
        return sql.list("select * from technical_data where user_id = ? order by created_at", rs -> new Browser(
                rs.getString("kind"), rs.getString("ip_address"), rs.getString("user_agent"), Sql.instant(rs, "created_at")), userId);
    }

    @Override
    public void eraseUser(Sql tx, Person person, Map<Count, Integer> counted) {
        UUID ws = person.workspace().id();
        counted.merge(Count.OAUTH_STATES, tx.update("delete from oauth_states where workspace_id = ? and user_id = ?",
                ws, person.userId()), Integer::sum);
        counted.merge(Count.CONNECT_LINKS, tx.update("delete from connect_links where workspace_id = ? and user_id = ?",
                ws, person.userId()), Integer::sum);
        counted.merge(Count.TECHNICAL_DATA, tx.update("delete from technical_data where user_id = ?", person.userId()), Integer::sum);
    }

    @Override
    public void eraseWorkspace(Sql tx, Workspace workspace, Map<Count, Integer> counted) {
        UUID ws = workspace.id();
        counted.merge(Count.OAUTH_STATES, tx.update("delete from oauth_states where workspace_id = ?", ws), Integer::sum);
        counted.merge(Count.CONNECT_LINKS, tx.update("delete from connect_links where workspace_id = ?", ws), Integer::sum);
        counted.merge(Count.TECHNICAL_DATA, tx.update("delete from technical_data where workspace_id = ? "
                + "or user_id in (select id from chat_users where workspace_id = ?)", ws, ws), Integer::sum);
    }
}
