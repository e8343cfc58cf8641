package com.ailsocialautomation.store;

import com.ailsocialautomation.message.PlatformId;

import java.time.Instant;
import java.util.UUID;

/**
 * One post going to one account, in one {@link TargetState}. {@code idempotencyKey} stays the same across
 * retries, so platforms that honour it never post twice. {@code sentAt}: when the current attempt's post request
 * left; null before that (while its media upload, say). {@code turnAt}: the turn a scheduled target holds at its
 * account's pace (see PublishTurns), valid while it is the target's due time; null when it holds none.
 */
public record Target(UUID id, UUID postId, UUID workspaceId, UUID accountId, PlatformId platform, String accountLabel,
                     TargetState state, Instant dueAt, int attempts, UUID idempotencyKey, String externalId, String url,
                     String error, Instant startedAt, Instant finishedAt, Instant sentAt, Instant turnAt) {

    /** The same target with no request of its current attempt sent (see Targets#notSent). */
    public Target withoutSentAt() {
        return new Target(id, postId, workspaceId, accountId, platform, accountLabel, state, dueAt, attempts, idempotencyKey,
                externalId, url, error, startedAt, finishedAt, null, turnAt);
    }

    /** Why a scheduled target was cancelled when its account was disconnected or erased. */
    public static final String ACCOUNT_GONE = "the account was disconnected";
}
