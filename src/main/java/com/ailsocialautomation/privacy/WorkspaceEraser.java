package com.ailsocialautomation.privacy;

import com.ailsocialautomation.engine.Revoker;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.Audit;
import com.ailsocialautomation.store.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Erases a whole workspace when the app leaves it: Slack's {@code app_uninstalled} (and {@code tokens_revoked}
 * for the bot token), or the Discord bot removed from a guild. The same steps as forget-me, for everyone in it:
 * scheduled posts are cancelled, every connected account's token is revoked, then the workspace and everything
 * hanging off it is deleted in one transaction, with one audit row. Calling it again, or for a workspace never
 * seen, erases nothing and records nothing, so the events may arrive twice and in any order.
 */
public final class WorkspaceEraser {
    private static final Logger log = LoggerFactory.getLogger(WorkspaceEraser.class);
    private static final String IN_WORKSPACE = "t.workspace_id = ?";

    private final Sql sql;
    private final Accounts accounts;
    private final Erasure erasure;
    private final Audit audit;

    public WorkspaceEraser(Sql sql, Accounts accounts, Revoker revoker, Audit audit) {
        this.sql = sql;
        this.accounts = accounts;
        this.erasure = new Erasure(revoker);
        this.audit = audit;
    }

    /** @param frontEnd slack or discord; {@code externalId} the Slack team id or the Discord guild id */
    public Erased erase(String frontEnd, String externalId) {
        Optional<Place> found = Place.find(sql, frontEnd, externalId);
        if (found.isEmpty()) {
            forgetInstallation(sql, frontEnd, externalId);
            return Erased.nothing(frontEnd + " workspace");
        }
        Place place = found.get();
        UUID ws = place.id();
        int scheduled = Erasure.count(sql, """
                select count(*) from posts p where p.workspace_id = ?
                and exists (select 1 from post_targets t where t.post_id = p.id and t.state = 'scheduled')""", ws);
        Erasure.cancelScheduled(sql, ws, "true");
        List<Account> all = accounts.list(ws);
        int pending = erasure.revoke(all);
        String subject = audit.subjectHash(place.auditSubject());
        Erased erased = sql.transaction(tx -> {
            if (tx.one("select id from workspaces where id = ? for update", rs -> rs.getObject(1), ws).isEmpty()) {
                return Erased.nothing(place.label()); // erased meanwhile by the other event
            }
            Erasure.dropExecutions(tx, IN_WORKSPACE, ws);
            Erased counted = new Erased(place.label(),
                    Erasure.count(tx, "select count(*) from posts where workspace_id = ?", ws), scheduled,
                    Erasure.count(tx, "select count(*) from social_accounts where workspace_id = ?", ws),
                    Erasure.count(tx, "select count(*) from publish_attempts where workspace_id = ?", ws),
                    Erasure.count(tx, "select count(*) from notifications where workspace_id = ?", ws),
                    Erasure.count(tx, "select count(*) from oauth_states where workspace_id = ?", ws),
                    Erasure.count(tx, "select count(*) from connect_links where workspace_id = ?", ws),
                    Erasure.count(tx, "select count(*) from technical_data where workspace_id = ? "
                            + "or user_id in (select id from chat_users where workspace_id = ?)", ws, ws),
                    Erasure.count(tx, "select count(*) from chat_users where workspace_id = ?", ws), pending);
            // every table that holds workspace data references workspaces (id) on delete cascade
            Erasure.delete(tx, "workspaces", "id = ?", ws);
            forgetInstallation(tx, frontEnd, externalId);
            audit.record(tx, "workspace-removed", subject, counted.counts());
            return counted;
        });
        log.info("A {} workspace was removed and its data erased: {}", frontEnd, erased.counts());
        return erased;
    }

    /** The Slack installation of that team (its tokens are dead once the app is uninstalled). */
    private static void forgetInstallation(Sql q, String frontEnd, String externalId) {
        if ("slack".equals(frontEnd)) {
            q.update("delete from slack_installations where team_id = ? or (team_id is null and enterprise_id = ?)",
                    externalId, externalId);
        }
    }
}
