package com.ailsocialautomation.store;

import com.ailsocialautomation.message.FrontEnd;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Workspaces (Slack team, Discord guild, the console) and the people in them. As an owner of personal data it is
 * the root every other table hangs off, so an erasure runs it last.
 */
public final class Workspaces implements PersonalData {
    private final Sql sql;

    public Workspaces(Sql sql) {
        this.sql = sql;
    }

    /** The workspace's id, created on first use. */
    public UUID ensure(FrontEnd frontEnd, String externalId, String name) {
        UUID fresh = UUID.randomUUID();
        return sql.one("""
                insert into workspaces (id, front_end, external_id, name) values (?, ?, ?, ?)
                on conflict (front_end, external_id) do update set name = coalesce(excluded.name, workspaces.name)
                returning id""", rs -> rs.getObject(1, UUID.class), fresh, frontEnd.id(), externalId, name).orElseThrow();
    }

    public Optional<UUID> find(FrontEnd frontEnd, String externalId) {
        return sql.one("select id from workspaces where front_end = ? and external_id = ?",
                rs -> rs.getObject(1, UUID.class), frontEnd.id(), externalId);
    }

    public Optional<Workspace> describe(UUID workspaceId) {
        return sql.one("select * from workspaces where id = ?", Workspaces::workspace, workspaceId);
    }

    public Optional<Workspace> describe(FrontEnd frontEnd, String externalId) {
        return sql.one("select * from workspaces where front_end = ? and external_id = ?", Workspaces::workspace,
                frontEnd.id(), externalId);
    }

    /** The user, created on first use; the display name follows what the front end says now. */
    public ChatUser ensureUser(UUID workspaceId, String externalId, String displayName) {
        return sql.one("""
                insert into chat_users (id, workspace_id, external_id, display_name) values (?, ?, ?, ?)
                on conflict (workspace_id, external_id) do update set display_name = excluded.display_name
                returning *""", Workspaces::user, UUID.randomUUID(), workspaceId, externalId, displayName).orElseThrow();
    }

    /**
     * The person behind a chat request, with one read when they are known under this display name (every request
     * after their first): the rows are created, or the name updated, only when needed. Writing on every request
     * cost a commit, and the wait for it to reach the disk, on the path that must ack within three seconds.
     */
    public ChatUser caller(FrontEnd frontEnd, String workspaceExternalId, String userExternalId, String displayName) {
        return caller(frontEnd, workspaceExternalId, userExternalId, displayName, null);
    }

    /**
     * The same, also recording whether they are a workspace admin when the front end could tell ({@code admin} not
     * null): written only when it changed, so the usual request still reads once.
     */
    public ChatUser caller(FrontEnd frontEnd, String workspaceExternalId, String userExternalId, String displayName, Boolean admin) {
        ChatUser user = person(frontEnd, workspaceExternalId, userExternalId, displayName);
        if (admin == null || admin == user.admin()) {
            return user;
        }
        return sql.one("update chat_users set admin = ? where id = ? returning *", Workspaces::user, admin, user.id()).orElse(user);
    }

    private ChatUser person(FrontEnd frontEnd, String workspaceExternalId, String userExternalId, String displayName) {
        Optional<ChatUser> known = sql.one("""
                select u.* from workspaces w join chat_users u on u.workspace_id = w.id
                where w.front_end = ? and w.external_id = ? and u.external_id = ?""", Workspaces::user,
                frontEnd.id(), workspaceExternalId, userExternalId);
        if (known.isPresent() && Objects.equals(known.get().displayName(), displayName)) {
            return known.get();
        }
        return ensureUser(ensure(frontEnd, workspaceExternalId, null), userExternalId, displayName);
    }

    /** The person when AIL already knows them in that workspace (they used it there); nothing is created. */
    public Optional<ChatUser> known(FrontEnd frontEnd, String workspaceExternalId, String userExternalId) {
        return sql.one("""
                select u.* from workspaces w join chat_users u on u.workspace_id = w.id
                where w.front_end = ? and w.external_id = ? and u.external_id = ?""", Workspaces::user,
                frontEnd.id(), workspaceExternalId, userExternalId);
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

    /** Locks the person's row for an erasure; false when they are gone (erased meanwhile by another request). */
    public boolean lockUser(Sql tx, UUID workspaceId, UUID userId) {
        return tx.one("select id from chat_users where workspace_id = ? and id = ? for update", rs -> rs.getObject(1),
                workspaceId, userId).isPresent();
    }

    /** Locks the workspace's row for an erasure; false when it is gone. */
    public boolean lock(Sql tx, UUID workspaceId) {
        return tx.one("select id from workspaces where id = ? for update", rs -> rs.getObject(1), workspaceId).isPresent();
    }

    @Override
    public void eraseUser(Sql tx, Person person, Map<Count, Integer> counted) {
        UUID ws = person.workspace().id();
        counted.merge(Count.USERS, tx.update("delete from chat_users where workspace_id = ? and id = ?", ws, person.userId()), Integer::sum);
        if (person.ownScope() && tx.one("""
                select (select count(*) from chat_users where workspace_id = ?) + (select count(*) from social_accounts where workspace_id = ?)
                + (select count(*) from posts where workspace_id = ?)""", rs -> rs.getInt(1), ws, ws, ws).orElse(0) == 0) {
            tx.update("delete from workspaces where id = ?", ws); // a scope of their own (a Discord DM): it names them
        }
    }

    /** Deletes the people and the workspace; whatever else still hangs off it goes with it (on delete cascade). */
    @Override
    public void eraseWorkspace(Sql tx, Workspace workspace, Map<Count, Integer> counted) {
        counted.merge(Count.USERS, tx.update("delete from chat_users where workspace_id = ?", workspace.id()), Integer::sum);
        tx.update("delete from workspaces where id = ?", workspace.id());
    }

    private static Workspace workspace(ResultSet rs) throws SQLException {
        return new Workspace(rs.getObject("id", UUID.class), FrontEnd.of(rs.getString("front_end")), rs.getString("external_id"),
                rs.getString("name"));
    }

    static ChatUser user(ResultSet rs) throws SQLException {
        String zone = rs.getString("time_zone");
        return new ChatUser(rs.getObject("id", UUID.class), rs.getObject("workspace_id", UUID.class),
                rs.getString("external_id"), rs.getString("display_name"),
                zone == null ? null : ZoneId.of(zone), rs.getBoolean("notify_success"), Sql.instant(rs, "created_at"),
                rs.getBoolean("admin"));
    }
}
