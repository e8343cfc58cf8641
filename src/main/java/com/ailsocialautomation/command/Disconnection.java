package com.ailsocialautomation.command;

import com.ailsocialautomation.engine.Revoker;
import com.ailsocialautomation.media.MediaStore;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.Targets;

/**
 * Ending one connected account, the one way: its scheduled posts are cancelled, media left with nothing to send are
 * deleted, its token is revoked at the platform (unless the platform already ended the grant) and its row, with the
 * tokens, is deleted.
 */
public final class Disconnection {
    /** How it went: the scheduled posts cancelled, and whether the revocation went through now. */
    public record Done(int cancelled, boolean revoked) {}

    private final Accounts accounts;
    private final Revoker revoker;
    private final Targets targets;
    private final MediaStore media;

    public Disconnection(Accounts accounts, Revoker revoker, Targets targets, MediaStore media) {
        this.accounts = accounts;
        this.revoker = revoker;
        this.targets = targets;
        this.media = media;
    }

    /** @param revoke false when the platform ended the grant itself (its deauthorize callback), or a sibling's revocation did */
    public Done disconnect(Account account, boolean revoke) {
        int cancelled = targets.cancelScheduledTo(account.workspaceId(), account.id());
        media.dropUnsendableTo(account.workspaceId(), account.id()); // no retry can send them any more
        boolean revoked = !revoke || revoker.revoke(account);
        accounts.delete(account.workspaceId(), account.id());
        return new Done(cancelled, revoked);
    }
}
