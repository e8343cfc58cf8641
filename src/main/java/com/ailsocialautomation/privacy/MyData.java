package com.ailsocialautomation.privacy;

import java.time.Instant;
import java.util.List;

/**
 * The my-data document: everything AIL keeps about one person in one workspace, as JSON. It carries account
 * metadata and scopes but never a token, a signing secret, an app password or a PKCE verifier.
 *
 * @param alsoKept what packages outside store and notify keep about the person ({@code PersonalData.listUser}), by
 *                 name: {@code webCalendarSessions}, each web calendar sign-in that has not ended (when it opened, when
 *                 it ends, the workspaces it opens; never its token or the token's hash)
 */
public record MyData(Instant exportedAt, String about, Workspace workspace, Settings you,
                     List<ConnectedAccount> accountsYouConnected, List<PostRecord> posts,
                     List<PendingConnection> pendingConnections, List<TechnicalRecord> technicalData,
                     List<NotificationRecord> notifications, List<SeriesRecord> series,
                     List<DecisionRecord> approvalDecisions, java.util.Map<String, List<?>> alsoKept) {

    public record Workspace(String frontEnd, String id, String name) {}

    public record Settings(String chatUserId, String displayName, String timeZone, boolean notifyOnSuccess,
                           Instant firstSeen) {}

    public record ConnectedAccount(String id, String platform, String platformAccountId, String handle,
                                   String displayName, String avatarUrl, String instanceUrl, String scopes,
                                   String status, Instant tokenExpiresAt, Instant connectedAt) {}

    /**
     * @param mediaLinks the media: links of a post from before AIL copied media (since then: each copy's {@code link})
     * @param media      the copies AIL keeps of the post's media (links and files), until the post has finished and
     *                   the retention period has passed
     * @param options    its per-platform options by key, as typed (title, privacy, tags, allow, disclose)
     */
    public record PostRecord(String id, String text, java.util.Map<String, String> options, List<String> mediaLinks,
                             List<MediaRecord> media, Instant scheduledAt, Instant createdAt, String status,
                             List<TargetRecord> targets) {}

    /**
     * A copy of one media item: its name, its type (MIME) and its size in bytes, its description, and the public link
     * it was copied from (null for a file from a chat or the console).
     */
    public record MediaRecord(String name, String type, long size, String altText, String link) {}

    public record TargetRecord(String platform, String account, String state, Instant dueAt, int attempts,
                               String url, String error, Instant finishedAt, List<LogEntry> publishLog, List<PartRecord> parts) {}

    /** What of a target went out as a piece of its own: a thread's part or its first comment, with its link. */
    public record PartRecord(String piece, String url, Instant publishedAt) {}

    /** One publishing attempt; the message is decrypted for the export. */
    public record LogEntry(Instant startedAt, int durationMs, Integer httpStatus, String outcome, String message) {}

    /** A one-time connect link or an OAuth state that is still stored (until it expires and is purged). */
    public record PendingConnection(String kind, String platform, String instanceUrl, Instant createdAt,
                                    Instant expiresAt, Instant usedAt) {}

    /** IP address and browser recorded at an OAuth callback. */
    public record TechnicalRecord(String kind, String ipAddress, String userAgent, Instant recordedAt) {}

    /**
     * A recurring post you made: when it posts (days, time, zone), its end, its texts and the options its posts are
     * made with, as typed; each post it made is in {@code posts}.
     */
    public record SeriesRecord(String id, List<String> days, String time, String timeZone, Instant until, Integer times,
                               int made, Instant next, String state, List<String> texts,
                               java.util.Map<String, List<String>> options) {}

    /**
     * An approval decision you took, or one taken on your post: which post, which round of approval (an edit opens a
     * new one), who decided, what (approved, changes requested, rejected), the note, and when.
     */
    public record DecisionRecord(String post, int round, String decidedBy, boolean byYou, String decision, String note,
                                 Instant decidedAt) {}

    /** A direct message AIL queued for you; the text of sent ones is not kept. */
    public record NotificationRecord(String kind, Instant createdAt, Instant sentAt) {}
}
