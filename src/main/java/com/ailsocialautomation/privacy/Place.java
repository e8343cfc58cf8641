package com.ailsocialautomation.privacy;

import com.ailsocialautomation.store.Sql;

import java.util.Optional;
import java.util.UUID;

/** A workspace as the erasures name it: its front end, the chat platform's id for it and its name. */
record Place(UUID id, String frontEnd, String externalId, String name) {

    static Optional<Place> find(Sql q, UUID workspaceId) {
        return q.one("select id, front_end, external_id, name from workspaces where id = ?", rs -> new Place(
                rs.getObject("id", UUID.class), rs.getString("front_end"), rs.getString("external_id"),
                rs.getString("name")), workspaceId);
    }

    static Optional<Place> find(Sql q, String frontEnd, String externalId) {
        return q.one("select id from workspaces where front_end = ? and external_id = ?",
                rs -> rs.getObject(1, UUID.class), frontEnd, externalId).flatMap(id -> find(q, id));
    }

    /** "the Slack workspace Acme", "the Discord server 81234…", "this console". */
    String label() {
        String kind = switch (frontEnd) {
            case "slack" -> "the Slack workspace ";
            case "discord" -> "the Discord server ";
            default -> null;
        };
        if (kind == null) {
            return "this console";
        }
        return kind + (name == null || name.isBlank() ? externalId : name);
    }

    /** What the audit hash is computed over for the whole workspace. */
    String auditSubject() {
        return "workspace:" + frontEnd + ":" + externalId;
    }
}
