package com.ailsocialautomation.store;

import java.util.Optional;
import java.util.UUID;

/** Workspaces (Slack team, Discord guild, the console) and the people in them. */
public final class Workspaces {
    private final Sql sql;

    public Workspaces(Sql sql) {
        this.sql = sql;
    }

    /** The workspace's id, created on first use. */
    public UUID ensure(String frontEnd, String externalId, String name) {
        UUID fresh = UUID.randomUUID();
        return sql.one("""
                insert into workspaces (id, front_end, external_id, name) values (?, ?, ?, ?)
                on conflict (front_end, external_id) do update set name = coalesce(excluded.name, workspaces.name)
                returning id""", rs -> rs.getObject(1, UUID.class), fresh, frontEnd, externalId, name).orElseThrow();
    }

    public Optional<UUID> find(String frontEnd, String externalId) {
        return sql.one("select id from workspaces where front_end = ? and external_id = ?",
                rs -> rs.getObject(1, UUID.class), frontEnd, externalId);
    }

    /** The user, created on first use; the display name follows what the front end says now. */
    public ChatUser ensureUser(UUID workspaceId, String externalId, String displayName) {
        return sql.one("""
                insert into chat_users (id, workspace_id, external_id, display_name) values (?, ?, ?, ?)
                on conflict (workspace_id, external_id) do update set display_name = excluded.display_name
                returning *""", Workspaces::user, UUID.randomUUID(), workspaceId, externalId, displayName).orElseThrow();
    }

    public Optional<ChatUser> user(UUID workspaceId, UUID userId) {
        return sql.one("select * from chat_users where workspace_id = ? and id = ?", Workspaces::user, workspaceId, userId);
    }

    public void setZone(UUID workspaceId, UUID userId, String zone) {
        sql.update("update chat_users set time_zone = ? where workspace_id = ? and id = ?", zone, workspaceId, userId);
    }

    public void setNotify(UUID workspaceId, UUID userId, boolean on) {
        sql.update("update chat_users set notify_success = ? where workspace_id = ? and id = ?", on, workspaceId, userId);
    }

    static ChatUser user(java.sql.ResultSet rs) throws java.sql.SQLException {
        String zone = rs.getString("time_zone");
        return new ChatUser(rs.getObject("id", UUID.class), rs.getObject("workspace_id", UUID.class),
                rs.getString("external_id"), rs.getString("display_name"),
                zone == null ? null : java.time.ZoneId.of(zone), rs.getBoolean("notify_success"));
    }
}
