package com.ailsocialautomation.store;

import com.ailsocialautomation.message.FrontEnd;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Implemented by each package that keeps personal data in tables of its own, so that the privacy package can erase
 * a person or a whole workspace without knowing a single table. Every call runs inside the erasure's one
 * transaction ({@code tx}); an owner deletes or anonymises its own rows and adds what it removed to {@code counted}.
 * Owners run in the order the privacy package gives them; the workspace itself ({@link Workspaces}) goes last.
 */
public interface PersonalData {
    /** How other people's posts and messages name an account that was erased. */
    String ERASED_ACCOUNT = "an erased account";

    /** What an erasure counts. The audit row records exactly these numbers, under these names. */
    enum Count {
        POSTS("posts"), SCHEDULED_POSTS("scheduled_posts_cancelled"), ACCOUNTS("accounts"),
        PUBLISH_LOGS("publish_logs"), NOTIFICATIONS("notifications"), OAUTH_STATES("oauth_states"),
        CONNECT_LINKS("connect_links"), TECHNICAL_DATA("technical_data"), USERS("chat_users"),
        REVOCATIONS_PENDING("revocations_pending"), MEDIA("media_copies"), DECISIONS("approval_decisions");

        private final String auditName;

        Count(String auditName) {
            this.auditName = auditName;
        }

        public String auditName() {
            return auditName;
        }
    }

    /**
     * One person being erased: where, their AIL and chat ids, and the accounts they connected (locked for the
     * erasure). Other people's posts and messages that name those accounts lose the name. {@code ownScope}: the
     * workspace is theirs alone (a Discord DM with the bot is named after them), so it goes with them once empty.
     */
    record Person(Workspace workspace, UUID userId, String externalId, List<Account> accounts, boolean ownScope) {
        public Person {
            accounts = List.copyOf(accounts);
        }
    }

    /** Erases what this owner keeps about one person in one workspace. */
    void eraseUser(Sql tx, Person person, Map<Count, Integer> counted);

    /** Erases what this owner keeps about a workspace AIL is leaving. */
    void eraseWorkspace(Sql tx, Workspace workspace, Map<Count, Integer> counted);

    /**
     * Forgets what this owner keeps under the chat platform's ids alone (a Slack installation, say). Called for
     * every workspace AIL leaves, also one it never stored; {@code q} is the erasure's transaction when there is one.
     */
    default void forgetWorkspace(Sql q, FrontEnd frontEnd, String externalId) {
    }

    /**
     * What this owner keeps about one person in one workspace, for {@code /ail my-data}: under each key (its name in
     * the document), values JSON can carry (records). Never a token, a token's hash or a secret. Owners whose data the
     * privacy package already reads itself keep the default.
     */
    default Map<String, List<?>> listUser(UUID workspaceId, UUID userId) {
        return Map.of();
    }
}
