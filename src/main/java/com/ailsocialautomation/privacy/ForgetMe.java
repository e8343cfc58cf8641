package com.ailsocialautomation.privacy;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.engine.Revoker;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.Audit;
import com.ailsocialautomation.store.PersonalData;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.Vault;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * {@code /ail forget-me} in two steps. {@link #preview} says what would be erased and hands out a confirmation
 * token: short-lived, single-use, stored only as a hash and bound to the person who asked. {@link #confirm} takes
 * the token back and erases (see {@link UserErasure}); one audit row without personal data remains.
 */
public final class ForgetMe {
    static final Duration CONFIRM_WITHIN = Duration.ofMinutes(15);

    /** What forget-me would erase, shown before the person confirms. */
    public record Preview(String workspace, int posts, int scheduledPosts, int accounts, String token) {}

    private final Sql sql;
    private final Erasure owners;
    private final UserErasure erasure;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param elsewhere owners of personal data outside store and notify, such as the Slack installations; the
     *                  confirmations are this package's own table
     */
    public ForgetMe(Sql sql, Vault vault, Accounts accounts, Revoker revoker, Audit audit, Clock clock, List<PersonalData> elsewhere) {
        this.sql = sql;
        this.owners = new Erasure(sql, vault, revoker, audit, elsewhere);
        this.erasure = new UserErasure(accounts, owners);
        this.clock = clock;
    }

    /** The counts and a fresh confirmation token for this person (earlier unused tokens of theirs stop working). */
    public Preview preview(UUID workspaceId, UUID userId) {
        String workspace = owners.workspaces.describe(workspaceId).map(Erasure::label).orElse("this workspace");
        int posts = owners.posts.countAuthored(workspaceId, userId);
        int scheduled = owners.posts.countScheduled(workspaceId, userId);
        int accounts = owners.accounts.countOwned(workspaceId, userId);
        byte[] raw = new byte[18];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        sql.transaction(tx -> {
            tx.update("delete from erasure_confirmations where user_id = ? or expires_at < ?", userId, clock.instant());
            return tx.update("insert into erasure_confirmations (token_hash, workspace_id, user_id, expires_at) values (?, ?, ?, ?)",
                    hash(token), workspaceId, userId, clock.instant().plus(CONFIRM_WITHIN));
        });
        return new Preview(workspace, posts, scheduled, accounts, token);
    }

    /**
     * Erases the person's data if {@code token} is their current, unexpired confirmation; it is used up either way.
     * A token of someone else is refused and left alone.
     */
    public Erased confirm(UUID workspaceId, UUID userId, String token) {
        boolean valid = token != null && sql.one("""
                delete from erasure_confirmations where token_hash = ? and workspace_id = ? and user_id = ?
                returning expires_at""", rs -> Sql.instant(rs, "expires_at"), hash(token), workspaceId, userId)
                .filter(expires -> expires.isAfter(clock.instant())).isPresent();
        if (!valid) {
            throw new UserError("This confirmation has expired or was already used, so nothing was erased. "
                    + "Run `/ail forget-me` again to see what would be erased and confirm.");
        }
        return erasure.erase(workspaceId, userId);
    }

    /**
     * Erases the person's data at once, without the chat confirmation: for a deletion they asked for through a
     * platform (Meta's data-deletion callback, signed by Meta), which is their confirmation.
     */
    public Erased eraseRequested(UUID workspaceId, UUID userId) {
        return erasure.erase(workspaceId, userId);
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
