package com.ailsocialautomation.privacy;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.media.MediaStore;
import com.ailsocialautomation.notify.Outbox;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.Approvals;
import com.ailsocialautomation.store.Attempts;
import com.ailsocialautomation.store.ConnectionData;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.PostData;
import com.ailsocialautomation.store.PersonalData;
import com.ailsocialautomation.store.Posts;
import com.ailsocialautomation.store.Series;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.Vault;
import com.ailsocialautomation.store.PartKind;
import com.ailsocialautomation.store.Target;
import com.ailsocialautomation.store.TargetParts;
import com.ailsocialautomation.store.Workspaces;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /ail my-data}: builds the {@link MyData} document for one person from what each owner of personal data
 * reads back. Tokens are never read: accounts come from {@link Accounts#list}, which has no token columns, and the
 * only decrypted columns are the publish log message and the media's names and descriptions (never their bytes).
 */
public final class DataExport {
    /** The document ready to hand over. */
    public record Export(String fileName, byte[] json, int posts, int accounts) {}

    private final Workspaces workspaces;
    private final Accounts accounts;
    private final Posts posts;
    private final PostData postData;
    private final Attempts attempts;
    private final TargetParts parts;
    private final ConnectionData connections;
    private final Outbox outbox;
    private final MediaStore media;
    private final Approvals approvals;
    private final Clock clock;
    private final Series series;
    private final List<PersonalData> elsewhere;

    public DataExport(Sql sql, Vault vault, Accounts accounts, Posts posts, Attempts attempts, MediaStore media, Clock clock) {
        this(sql, vault, accounts, posts, attempts, media, clock, List.of());
    }

    /** {@code elsewhere}: the owners of personal data outside store and notify, as forget-me is given them. */
    public DataExport(Sql sql, Vault vault, Accounts accounts, Posts posts, Attempts attempts, MediaStore media, Clock clock,
                      List<PersonalData> elsewhere) {
        this.elsewhere = List.copyOf(elsewhere);
        this.media = media;
        this.series = new Series(sql, vault);
        this.workspaces = new Workspaces(sql);
        this.accounts = accounts;
        this.posts = posts;
        this.postData = new PostData(sql, vault);
        this.attempts = attempts;
        this.parts = new TargetParts(sql);
        this.connections = new ConnectionData(sql);
        this.outbox = new Outbox(sql, vault);
        this.approvals = new Approvals(sql, vault);
        this.clock = clock;
    }

    public Export export(UUID ws, UUID userId) {
        MyData.Workspace workspace = workspaces.describe(ws).map(w -> new MyData.Workspace(w.frontEnd().id(), w.externalId(), w.name()))
                .orElseThrow(() -> new IllegalStateException("workspace " + ws + " is gone"));
        MyData.Settings you = workspaces.user(ws, userId).map(u -> new MyData.Settings(u.externalId(), u.displayName(),
                        u.zone() == null ? null : u.zone().getId(), u.notifySuccess(), u.firstSeen()))
                .orElseThrow(() -> new IllegalStateException("user " + userId + " is gone"));
        List<MyData.ConnectedAccount> connected = accounts.list(ws).stream()
                .filter(a -> userId.equals(a.ownerUserId())).map(DataExport::account).toList();
        List<MyData.PostRecord> authored = postData.authoredBy(ws, userId).stream()
                .map(id -> posts.find(ws, id)).flatMap(Optional::stream).map(p -> post(ws, p)).toList();
        List<MyData.PendingConnection> pending = connections.pending(ws, userId).stream().map(p -> new MyData.PendingConnection(
                p.kind(), p.platform(), p.instanceUrl(), p.createdAt(), p.expiresAt(), p.usedAt())).toList();
        List<MyData.TechnicalRecord> technical = connections.browsers(userId).stream().map(b -> new MyData.TechnicalRecord(
                b.kind(), b.ipAddress(), b.userAgent(), b.recordedAt())).toList();
        List<MyData.NotificationRecord> notifications = outbox.of(ws, userId).stream().map(n -> new MyData.NotificationRecord(
                n.kind(), n.createdAt(), n.sentAt())).toList();
        List<MyData.DecisionRecord> decisions = approvals.involving(ws, userId).stream().map(d -> new MyData.DecisionRecord(
                d.postShortId(), d.round(), d.deciderName(), userId.equals(d.deciderId()), d.decision().word(), d.note(),
                d.decidedAt())).toList();
        java.util.Map<String, List<?>> alsoKept = new java.util.TreeMap<>();
        elsewhere.forEach(owner -> alsoKept.putAll(owner.listUser(ws, userId)));
        MyData data = new MyData(clock.instant(), "Everything AIL stores about you in this workspace. Tokens are never exported.",
                workspace, you, connected, authored, pending, technical, notifications, series.authoredBy(ws, userId).stream()
                .map(s -> new MyData.SeriesRecord(s.shortId(), s.days().stream().sorted().map(d -> d.name().toLowerCase(java.util.Locale.ROOT)).toList(),
                        s.time().toString(), s.zone().getId(), s.until(), s.maxTimes(), s.made(), s.nextAt(), s.state().text(),
                        s.texts(), s.options())).toList(), decisions, alsoKept);
        try {
            byte[] json = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(data);
            String name = "ail-my-data-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".json";
            return new Export(name, json, authored.size(), connected.size());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the export could not be written", e);
        }
    }

    private static MyData.ConnectedAccount account(Account a) {
        return new MyData.ConnectedAccount(a.shortId(), a.platform().id(), a.externalId(), a.handle(), a.displayName(),
                a.avatarUrl(), a.instanceUrl(), a.scopes(), a.status().text(), a.tokenExpiresAt(), a.createdAt());
    }

    private MyData.PostRecord post(UUID ws, Post p) {
        List<MyData.TargetRecord> targets = p.targets().stream().map(t -> target(ws, t)).toList();
        List<MyData.MediaRecord> copies = media.of(ws, p.id()).stream().map(m -> new MyData.MediaRecord(m.fileName(),
                m.mimeType(), m.size(), m.altText(), m.sourceUrl())).toList();
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
        p.options().given().forEach(o -> options.put(o.key(), p.options().value(o)));
        p.options().texts().forEach((platform, text) -> options.put(com.ailsocialautomation.message.PostOptions.textKey(platform), text));
        return new MyData.PostRecord(p.shortId(), p.text(), options, p.mediaUrls(), copies, p.scheduledAt(), p.createdAt(),
                p.status().text(), targets);
    }

    private MyData.TargetRecord target(UUID ws, Target t) {
        List<MyData.LogEntry> log = attempts.forTarget(ws, t.id()).stream().map(a -> new MyData.LogEntry(
                a.startedAt(), a.durationMs(), a.httpStatus(), a.outcome().text(), a.message())).toList();
        List<MyData.PartRecord> pieces = parts.of(ws, t.id()).stream().map(p -> new MyData.PartRecord(
                p.kind() == PartKind.COMMENT ? "first comment" : "part " + p.number(), p.url(), p.publishedAt())).toList();
        return new MyData.TargetRecord(t.platform().id(), t.accountLabel(), t.state().text(), t.dueAt(), t.attempts(), t.url(),
                t.error(), t.finishedAt(), log, pieces);
    }
}
