package com.ailsocialautomation.privacy;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.engine.Revoker;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.Audit;
import com.ailsocialautomation.store.PersonalData;
import com.ailsocialautomation.store.PersonalData.Count;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.Vault;
import com.ailsocialautomation.store.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Erases a whole workspace when the app leaves it: Slack's {@code app_uninstalled} (and {@code tokens_revoked}
 * for the bot token), or the Discord bot removed from a guild. The same steps as forget-me, for everyone in it:
 * scheduled posts are cancelled, every connected account's token is revoked, then every owner deletes its part of
 * the workspace in one transaction, with one audit row. Calling it again, or for a workspace never seen, erases
 * nothing and records nothing, so the events may arrive twice and in any order.
 */
public final class WorkspaceEraser {
    private static final Logger log = LoggerFactory.getLogger(WorkspaceEraser.class);

    private final Accounts accounts;
    private final Erasure erasure;

    /** @param elsewhere owners of personal data outside store and notify, such as the Slack installations */
    public WorkspaceEraser(Sql sql, Vault vault, Accounts accounts, Revoker revoker, Audit audit, List<PersonalData> elsewhere) {
        this.accounts = accounts;
        this.erasure = new Erasure(sql, vault, revoker, audit, elsewhere);
    }

    /** @param externalId the Slack team id or the Discord guild id */
    public Erased erase(FrontEnd frontEnd, String externalId) {
        Optional<Workspace> found = erasure.workspaces.describe(frontEnd, externalId);
        if (found.isEmpty()) {
            erasure.owners.forEach(owner -> owner.forgetWorkspace(erasure.sql, frontEnd, externalId));
            return Erased.nothing(frontEnd.id() + " workspace");
        }
        Workspace workspace = found.get();
        UUID ws = workspace.id();
        int scheduled = erasure.posts.countScheduled(ws);
        erasure.posts.stopPublishing(ws);
        int pending = erasure.revoke(accounts.list(ws));
        String subject = erasure.audit.subjectHash(Erasure.auditSubject(workspace));
        Erased erased = erasure.sql.transaction(tx -> {
            if (!erasure.workspaces.lock(tx, ws)) {
                return Erased.nothing(Erasure.label(workspace)); // erased meanwhile by the other event
            }
            Map<Count, Integer> counted = new EnumMap<>(Count.class);
            counted.put(Count.SCHEDULED_POSTS, scheduled);
            counted.put(Count.REVOCATIONS_PENDING, pending);
            erasure.owners.forEach(owner -> owner.eraseWorkspace(tx, workspace, counted));
            erasure.workspaces.eraseWorkspace(tx, workspace, counted);
            erasure.owners.forEach(owner -> owner.forgetWorkspace(tx, frontEnd, externalId));
            Erased done = Erased.of(Erasure.label(workspace), counted);
            erasure.audit.record(tx, "workspace-removed", subject, done.counts());
            return done;
        });
        log.info("A {} workspace was removed and its data erased: {}", frontEnd, erased.counts());
        return erased;
    }
}
