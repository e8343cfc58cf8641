package com.ailsocialautomation.privacy;

import com.ailsocialautomation.engine.Revoker;
import com.ailsocialautomation.media.MediaData;
import com.ailsocialautomation.media.MediaStore;
import com.ailsocialautomation.notify.Outbox;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.AccountData;
import com.ailsocialautomation.store.Approvals;
import com.ailsocialautomation.store.Audit;
import com.ailsocialautomation.store.ConnectionData;
import com.ailsocialautomation.store.PersonalData;
import com.ailsocialautomation.store.PostData;
import com.ailsocialautomation.store.SeriesData;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.Vault;
import com.ailsocialautomation.store.Workspace;
import com.ailsocialautomation.store.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The steps every erasure takes, in this order: stop publishing (cancel scheduled targets and remove their queued
 * executions), revoke the tokens at the platforms, then let every owner of personal data delete its part and
 * audit, in one transaction. Stopping first means no post goes out with a token that is being revoked; revoking
 * before the transaction keeps slow network calls out of it. A revocation that fails is queued by the
 * {@link Revoker} and never blocks the erasure.
 */
final class Erasure {
    private static final Logger log = LoggerFactory.getLogger(Erasure.class);

    final Sql sql;
    final Workspaces workspaces;
    final PostData posts;
    final AccountData accounts;
    final Audit audit;
    /** Every owner but the workspace itself, in the order they erase: media, then posts before the accounts they name. */
    final List<PersonalData> owners;
    private final Revoker revoker;

    /** @param elsewhere owners outside store and notify (a front end's tables), run after those */
    Erasure(Sql sql, Vault vault, Revoker revoker, Audit audit, List<PersonalData> elsewhere) {
        this.sql = sql;
        this.workspaces = new Workspaces(sql);
        this.posts = new PostData(sql, vault);
        this.accounts = new AccountData(sql);
        this.audit = audit;
        this.revoker = revoker;
        // media first: they name the posts (theirs, and others' to their accounts) whose copies go; the decisions on
        // their posts are counted before the posts take them along
        List<PersonalData> all = new ArrayList<>(List.of(new MediaData(new MediaStore(sql, vault)), new Approvals(sql, vault), posts,
                new SeriesData(),
                new Outbox(sql, vault), new ConnectionData(sql), accounts));
        all.addAll(elsewhere);
        this.owners = List.copyOf(all);
    }

    /** Revokes each account's token; returns how many could not be revoked now (queued, or impossible). */
    int revoke(List<Account> accounts) {
        int pending = 0;
        for (Account account : accounts) {
            try {
                if (!revoker.revoke(account)) {
                    pending++;
                }
            } catch (RuntimeException e) {
                // e.g. a token that no longer decrypts: nothing to send, and the erasure goes on regardless
                pending++;
                log.warn("A {} token could not be revoked during an erasure ({}); its row is erased anyway",
                        account.platform(), e.getClass().getSimpleName());
            }
        }
        return pending;
    }

    /** "the Slack workspace Acme", "the Discord server 81234…", "this console". */
    static String label(Workspace w) {
        String name = w.name() == null || w.name().isBlank() ? w.externalId() : w.name();
        return switch (w.frontEnd()) {
            case SLACK -> "the Slack workspace " + name;
            case DISCORD -> "the Discord server " + name;
            case CONSOLE -> "this console";
        };
    }

    /** What the audit hash is computed over for the whole workspace. */
    static String auditSubject(Workspace w) {
        return "workspace:" + w.frontEnd().id() + ":" + w.externalId();
    }
}
