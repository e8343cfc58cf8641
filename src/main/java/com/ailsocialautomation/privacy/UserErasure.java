package com.ailsocialautomation.privacy;

import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.PersonalData;
import com.ailsocialautomation.store.PersonalData.Count;
import com.ailsocialautomation.store.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Erases one person in one workspace: their chat identity and settings, their posts with targets, publish logs and
 * queued executions, their notifications, OAuth states, connect links and technical data, and the accounts they
 * connected (tokens revoked first). Other people's posts that went to those accounts stay, named "an erased account".
 */
final class UserErasure {
    private static final Logger log = LoggerFactory.getLogger(UserErasure.class);

    private final Accounts accounts;
    private final Erasure erasure;

    UserErasure(Accounts accounts, Erasure erasure) {
        this.accounts = accounts;
        this.erasure = erasure;
    }

    Erased erase(UUID ws, UUID userId) {
        Optional<Workspace> place = erasure.workspaces.describe(ws);
        Optional<String> externalId = erasure.workspaces.user(ws, userId).map(ChatUser::externalId);
        if (place.isEmpty() || externalId.isEmpty()) {
            return Erased.nothing(place.map(Erasure::label).orElse("this workspace"));
        }
        int scheduled = erasure.posts.countScheduled(ws, userId);
        erasure.posts.stopPublishing(ws, userId);
        List<Account> owned = accounts.list(ws).stream().filter(a -> userId.equals(a.ownerUserId())).toList();
        int pending = erasure.revoke(owned);
        Workspace w = place.get();
        String subject = erasure.audit.subjectHash("user:" + w.frontEnd().id() + ":" + w.externalId() + ":" + externalId.get());
        Erased erased = erasure.sql.transaction(tx -> {
            if (!erasure.workspaces.lockUser(tx, ws, userId)) {
                return Erased.nothing(Erasure.label(w)); // erased meanwhile by another request
            }
            PersonalData.Person person = new PersonalData.Person(w, userId, externalId.get(),
                    erasure.accounts.lockOwned(tx, ws, userId), personal(w.externalId(), externalId.get()));
            Map<Count, Integer> counted = new EnumMap<>(Count.class);
            counted.put(Count.SCHEDULED_POSTS, scheduled);
            counted.put(Count.REVOCATIONS_PENDING, pending);
            erasure.owners.forEach(owner -> owner.eraseUser(tx, person, counted));
            erasure.workspaces.eraseUser(tx, person, counted);
            Erased done = Erased.of(Erasure.label(w), counted);
            erasure.audit.record(tx, "forget-me", subject, done.counts());
            return done;
        });
        log.info("forget-me erased one person's data: {}", erased.counts());
        return erased;
    }

    /** Whether the workspace's id is the person's own scope, such as a DM channel named after them. */
    static boolean personal(String workspaceExternalId, String userExternalId) {
        return Arrays.asList(workspaceExternalId.split("[^A-Za-z0-9_]+")).contains(userExternalId);
    }
}
