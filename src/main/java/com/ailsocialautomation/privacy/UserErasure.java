package com.ailsocialautomation.privacy;

import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.Audit;
import com.ailsocialautomation.store.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Erases one person in one workspace: their chat identity and settings, their posts with targets, publish logs and
 * queued executions, their notifications, OAuth states, connect links and technical data, and the accounts they
 * connected (tokens revoked first). Other people's posts that went to those accounts stay, named "an erased account".
 */
final class UserErasure {
    private static final Logger log = LoggerFactory.getLogger(UserErasure.class);
    private static final String MINE = "t.post_id in (select id from posts where workspace_id = ? and author_user_id = ?)";
    private static final String MINE_OR_TO_MINE = MINE
            + " or t.account_id in (select id from social_accounts where workspace_id = ? and owner_user_id = ?)";
    static final String SCHEDULED_POSTS = """
            select count(*) from posts p where p.workspace_id = ? and p.author_user_id = ?
            and exists (select 1 from post_targets t where t.post_id = p.id and t.state = 'scheduled')""";

    private record Owned(UUID id, String handle) {}

    private final Sql sql;
    private final Accounts accounts;
    private final Erasure erasure;
    private final Audit audit;

    UserErasure(Sql sql, Accounts accounts, Erasure erasure, Audit audit) {
        this.sql = sql;
        this.accounts = accounts;
        this.erasure = erasure;
        this.audit = audit;
    }

    Erased erase(UUID ws, UUID userId) {
        Optional<Place> place = Place.find(sql, ws);
        Optional<String> externalId = sql.one("select external_id from chat_users where workspace_id = ? and id = ?",
                rs -> rs.getString(1), ws, userId);
        if (place.isEmpty() || externalId.isEmpty()) {
            return Erased.nothing(place.map(Place::label).orElse("this workspace"));
        }
        int scheduled = Erasure.count(sql, SCHEDULED_POSTS, ws, userId);
        Erasure.cancelScheduled(sql, ws, MINE_OR_TO_MINE, ws, userId, ws, userId);
        List<Account> owned = accounts.list(ws).stream().filter(a -> userId.equals(a.ownerUserId())).toList();
        int pending = erasure.revoke(owned);
        Place p = place.get();
        String subject = audit.subjectHash("user:" + p.frontEnd() + ":" + p.externalId() + ":" + externalId.get());
        Erased erased = sql.transaction(tx -> delete(tx, p, userId, externalId.get(), scheduled, pending, subject));
        log.info("forget-me erased one person's data: {}", erased.counts());
        return erased;
    }

    private Erased delete(Sql tx, Place p, UUID userId, String externalId, int scheduled, int pending, String subject) {
        UUID ws = p.id();
        if (tx.one("select id from chat_users where workspace_id = ? and id = ? for update", rs -> rs.getObject(1),
                ws, userId).isEmpty()) {
            return Erased.nothing(p.label()); // erased meanwhile by another request
        }
        Erasure.cancelScheduled(tx, ws, MINE_OR_TO_MINE, ws, userId, ws, userId); // scheduled while we revoked
        List<Owned> owned = tx.list("select id, handle from social_accounts where workspace_id = ? and owner_user_id = ? for update",
                rs -> new Owned(rs.getObject(1, UUID.class), rs.getString(2)), ws, userId);
        List<String> accountIds = owned.stream().map(a -> a.id().toString()).toList();
        // Other people's posts that went to these accounts keep their history, without the account's name or links.
        tx.update("update post_targets set account_label = ?, url = null where workspace_id = ? and account_id = any (?::uuid[])",
                Erasure.ERASED_ACCOUNT, ws, accountIds);
        for (Owned a : owned) {
            if (a.handle() != null && !a.handle().isBlank()) {
                // other people's messages name the account as "(handle)": only that label is rewritten, since
                // replacing the bare handle as a substring could mangle other words and the buttons' action ids
                String label = "(" + a.handle() + ")";
                tx.update("""
                        update notifications set payload = replace(payload, ?, ?)
                        where workspace_id = ? and user_id <> ? and strpos(payload, ?) > 0""",
                        label, "(" + Erasure.ERASED_ACCOUNT + ")", ws, userId, label);
            }
        }
        Erasure.dropExecutions(tx, MINE, ws, userId);
        int logs = Erasure.count(tx, "select count(*) from publish_attempts a join post_targets t on t.id = a.target_id where "
                + MINE, ws, userId);
        int notifications = Erasure.delete(tx, "notifications", "workspace_id = ? and user_id = ?", ws, userId);
        int states = Erasure.delete(tx, "oauth_states", "workspace_id = ? and user_id = ?", ws, userId);
        int links = Erasure.delete(tx, "connect_links", "workspace_id = ? and user_id = ?", ws, userId);
        int technical = Erasure.delete(tx, "technical_data", "user_id = ?", userId);
        int posts = Erasure.delete(tx, "posts", "workspace_id = ? and author_user_id = ?", ws, userId);
        int gone = Erasure.delete(tx, "social_accounts", "workspace_id = ? and id = any (?::uuid[])", ws, accountIds);
        if ("slack".equals(p.frontEnd())) {
            // the installer's own Slack user token and id belong to them, not to the installation
            tx.update("""
                    update slack_installations set installer_user_id = null, user_token_enc = null
                    where installer_user_id = ? and (team_id = ? or enterprise_id = ?
                        or enterprise_id = (select enterprise_id from slack_team_enterprises where team_id = ?))""",
                    externalId, p.externalId(), p.externalId(), p.externalId());
        }
        int users = Erasure.delete(tx, "chat_users", "workspace_id = ? and id = ?", ws, userId);
        if (personal(p.externalId(), externalId) && Erasure.count(tx, """
                select (select count(*) from chat_users where workspace_id = ?) + (select count(*) from social_accounts where workspace_id = ?)
                + (select count(*) from posts where workspace_id = ?)""", ws, ws, ws) == 0) {
            Erasure.delete(tx, "workspaces", "id = ?", ws); // a scope of their own (a Discord DM): it names them
        }
        Erased erased = new Erased(p.label(), posts, scheduled, gone, logs, notifications, states, links, technical, users, pending);
        audit.record(tx, "forget-me", subject, erased.counts());
        return erased;
    }

    /** Whether the workspace's id is the person's own scope, such as a DM channel named after them. */
    static boolean personal(String workspaceExternalId, String userExternalId) {
        return Arrays.asList(workspaceExternalId.split("[^A-Za-z0-9_]+")).contains(userExternalId);
    }
}
